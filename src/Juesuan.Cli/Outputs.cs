namespace Juesuan.Cli;

/// <summary>
/// Where a command may write (issue 12): never over one of its own inputs, never over an existing file unless asked
/// (<c>--force</c>), and never two outputs to one name.
/// </summary>
internal static class Outputs
{
    // File names differ by case on Linux only; on Windows and macOS 「A.json」 is 「a.json」.
    private static readonly StringComparison PathComparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    /// <summary>The option every writing command takes.</summary>
    public static System.CommandLine.Option<bool> Force() => new("--force") { Description = "输出文件已存在时覆盖它" };

    /// <summary>Why <paramref name="target"/> must not be written, or null when it may.</summary>
    public static string? Problem(string target, IEnumerable<string> inputs, bool force)
    {
        var full = Path.GetFullPath(target);
        if (inputs.Any(i => File.Exists(i) && string.Equals(Path.GetFullPath(i), full, PathComparison)))
        {
            return $"用法错误：输出文件 {target} 就是输入文件，写出会毁掉输入；请换一个输出文件名。";
        }

        if (Directory.Exists(full))
        {
            return $"用法错误：输出 {target} 是一个目录；请给出文件名。";
        }

        return File.Exists(full) && !force ? $"用法错误：输出文件 {target} 已存在；要覆盖请加 --force，或换一个文件名。" : null;
    }

    /// <summary>Outputs that two inputs would share (a.txt and a.json both to a.html), said before anything is written.</summary>
    public static string? Collisions(IEnumerable<(string Source, string Target)> jobs)
    {
        var shared = jobs.GroupBy(j => Path.GetFullPath(j.Target), StringComparer.FromComparison(PathComparison)).Where(g => g.Count() > 1).ToArray();
        return shared.Length == 0 ? null
            : "用法错误：以下输入会写到同一个输出文件，未生成任何文件：" + string.Join("；", shared.Select(g => $"{string.Join("、", g.Select(j => Path.GetFileName(j.Source)))} → {Path.GetFileName(g.Key)}")) + "。请把它们放在不同目录，或删去重复的一份。";
    }

    /// <summary>
    /// The output format: what <c>-f</c> says; without <c>-f</c>, what the extension of the <c>-o</c> file names
    /// (「审核.xlsx」 → xlsx), else the default. A <c>-f</c> that contradicts the extension is a usage error
    /// (<paramref name="problem"/>).
    /// </summary>
    public static string Format(System.CommandLine.ParseResult parse, System.CommandLine.Option<string> format, string? target, IReadOnlyDictionary<string, string> byExtension, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(byExtension);
        problem = null;
        var given = parse.GetValue(format)!;
        if (target is null || !byExtension.TryGetValue(Path.GetExtension(target).ToLowerInvariant(), out var named))
        {
            return given;
        }

        if (parse.GetResult(format) is not { Implicit: false })
        {
            return named;
        }

        if (named != given)
        {
            problem = $"用法错误：-f {given} 与输出文件 {Path.GetFileName(target)} 的扩展名不符；去掉 -f（按扩展名决定格式），或改用相符的扩展名。";
        }

        return given;
    }
}
