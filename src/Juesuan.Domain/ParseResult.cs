using System.Diagnostics.CodeAnalysis;

namespace Juesuan.Domain;

/// <summary>
/// The result of parsing input that may legitimately be malformed: a value, or a message saying what is wrong.
/// Expected failures travel as data; exceptions are kept for programmer errors.
/// </summary>
public readonly record struct ParseResult<T>
{
    private readonly T? _value;

    private ParseResult(T? value, string? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>The message (Chinese, for the user) when parsing failed; null on success.</summary>
    public string? Error { get; }

    /// <summary>True when a value was parsed.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Error is null;

    /// <summary>The parsed value; throws when parsing failed (check <see cref="Success"/> first).</summary>
    public T Value => Success ? _value! : throw new InvalidOperationException("Parse failed: " + Error);

    /// <summary>A success.</summary>
    public static ParseResult<T> Ok(T value) => new(value, null);

    /// <summary>A failure with a user-facing message.</summary>
    public static ParseResult<T> Fail(string error) => new(default, error);

    /// <summary>The value, or <paramref name="fallback"/> when parsing failed.</summary>
    public T GetValueOrDefault(T fallback) => Success ? _value! : fallback;
}
