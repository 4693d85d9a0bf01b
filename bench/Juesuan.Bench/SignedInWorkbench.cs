using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Juesuan.Bench;

/// <summary>The workbench in-process on a fresh SQLite store in its own folder, and a client signed in as its administrator.</summary>
internal sealed partial class SignedInWorkbench : IDisposable
{
    private const string Password = "Bench-password-2024";

    private SignedInWorkbench(string folder, WebApplicationFactory<global::Program> factory, HttpClient client) => (Folder, Factory, Client) = (folder, factory, client);

    public string Folder { get; }

    public WebApplicationFactory<global::Program> Factory { get; }

    public HttpClient Client { get; }

    public static async Task<SignedInWorkbench> StartAsync(string name)
    {
        var folder = Directory.CreateTempSubdirectory($"juesuan-bench-{name}-").FullName;
        var factory = new WebApplicationFactory<global::Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Juesuan:Store", "sqlite");
            b.UseSetting("Juesuan:Db", Path.Combine(folder, "bench.db"));
            b.UseSetting("Juesuan:AdminPassword", Password);
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            b.UseEnvironment("Production");
        });
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await client.GetStringAsync("/Account/Login");
        var signedIn = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "admin", ["Password"] = Password, ["__RequestVerificationToken"] = Token(login),
        }));
        return signedIn.StatusCode == HttpStatusCode.Redirect ? new(folder, factory, client) : throw new InvalidOperationException("Could not sign in.");
    }

    /// <summary>The antiforgery token of a page's form.</summary>
    public static string Token(string page) => TokenPattern().Match(page).Groups[1].Value;

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
