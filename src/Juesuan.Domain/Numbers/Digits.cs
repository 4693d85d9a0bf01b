namespace Juesuan.Domain.Numbers;

/// <summary>Text made of ASCII digits only (a classification code, a whole number), told without enumerating the string.</summary>
public static class Digits
{
    /// <summary>True when every character of <paramref name="text"/> is 0–9 (and for the empty string, as LINQ's All).</summary>
    public static bool Only(string text) => !text.AsSpan().ContainsAnyExceptInRange('0', '9');
}
