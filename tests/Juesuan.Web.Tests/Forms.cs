using System.Text.RegularExpressions;

namespace Juesuan.Web.Tests;

/// <summary>What a test does with the workbench's forms: their antiforgery token, a form sent with it, a sign-in.</summary>
internal static partial class Forms
{
    /// <summary>The antiforgery token of the (first) form on <paramref name="html"/>.</summary>
    public static string Token(string html) => TokenPattern().Match(html).Groups[1].Value;

    /// <summary>The form of <paramref name="page"/> filled with <paramref name="fields"/> and its token.</summary>
    public static async Task<FormUrlEncodedContent> FormAsync(HttpClient client, string page, params (string Name, string Value)[] fields)
    {
        var html = await client.GetStringAsync(page);
        return new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", Token(html))));
    }

    /// <summary>Signs <paramref name="user"/> in through the login form at <paramref name="root"/> (empty: the client's own address).</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string user, string password, string root = "") =>
        await client.PostAsync($"{root}/Account/Login", await FormAsync(client, $"{root}/Account/Login", ("UserName", user), ("Password", password)));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
