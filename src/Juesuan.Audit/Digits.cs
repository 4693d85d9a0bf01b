namespace Juesuan.Audit;

/// <summary>Row keys that are classification codes, told without enumerating the string (rules ask it of every row).</summary>
internal static class Digits
{
    /// <summary>True when every character of <paramref name="text"/> is 0–9 (and for the empty string, as LINQ's All).</summary>
    public static bool Only(string text) => !text.AsSpan().ContainsAnyExceptInRange('0', '9');
}
