using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Juesuan.Cli;

/// <summary>The `juesuan` command line.</summary>
public static class Program
{
    /// <summary>
    /// Every regular expression — source-generated ones too — gives up after this long on one match instead of running
    /// on: the backstop behind bounded patterns and input limits (issue 12). Set before any pattern is first used.
    /// </summary>
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(2);

    static Program() => AppDomain.CurrentDomain.SetData("REGEX_DEFAULT_MATCH_TIMEOUT", RegexTimeout);

    /// <summary>Entry point.</summary>
    public static Task<int> Main(string[] args) => RunAsync(args, Console.Out, Console.Error, ownProcess: true);

    /// <summary>Runs the command line with the given writers (tests call this in-process).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) => RunAsync(args, output, error, ownProcess: false);

    // ownProcess: the command is the process (Main), not a call inside another (a test host), so it may set how the
    // process collects its garbage.
    private static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool ownProcess)
    {
        ArgumentNullException.ThrowIfNull(args);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");

        // `juesuan` alone and `juesuan help [命令]` show the help, as a person expects.
        args = args switch
        {
            [] => ["--help"],
            ["help", .. var rest] => [.. rest, "--help"],
            _ => args,
        };
        var root = Commands.Build(new CliContext(output, error) { Arguments = args });
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && !parse.Tokens.Any(t => t.Value is "-h" or "--help" or "-?"))
        {
            foreach (var e in parse.Errors)
            {
                await error.WriteLineAsync("用法错误：" + e.Message.Replace("。.", "。", StringComparison.Ordinal)).ConfigureAwait(false);
            }

            await error.WriteLineAsync("使用 juesuan --help 查看帮助。").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        // The one-time costs of reading and writing reports start on other cores while the command runs (issue 19);
        // help and version need none of them.
        if (!parse.Tokens.Any(t => t.Value is "-h" or "--help" or "-?" or "--version"))
        {
            Warm(parse.CommandResult, ownProcess);
        }

        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(configuration).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (Storage.StoreException e)
        {
            await error.WriteLineAsync("存储错误：" + e.Message).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Said in Chinese, with the path where the exception knows it; the .NET text only with JUESUAN_DEBUG=1.
            var what = e switch
            {
                FileNotFoundException f => $"找不到文件{(f.FileName is { } name ? " " + name : string.Empty)}",
                DirectoryNotFoundException => "找不到目录（输出文件所在的目录须已存在）",
                UnauthorizedAccessException => "没有读写这个文件或目录的权限",
                PathTooLongException => "路径太长",
                _ => "读写文件时出错（磁盘已满、文件被占用或已损坏）",
            };
            await error.WriteLineAsync("文件错误：" + what + "。").ConfigureAwait(false);
            if (Environment.GetEnvironmentVariable("JUESUAN_DEBUG") == "1")
            {
                await error.WriteLineAsync(e.ToString()).ConfigureAwait(false);
            }

            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The last net: a user never sees a stack trace unless asking for one.
            await error.WriteLineAsync("内部错误：" + e.Message).ConfigureAwait(false);
            if (Environment.GetEnvironmentVariable("JUESUAN_DEBUG") == "1")
            {
                await error.WriteLineAsync(e.ToString()).ConfigureAwait(false);
            }

            return ExitCodes.Internal;
        }
    }

    // What the parsed command reads and writes, from its arguments and its options' values as parsed (whatever form they
    // were written in): inputs that are files, folders or store keys, a prior year's report, the output file and format.
    // From them: what to warm on other cores, and whether the command runs without collections (one report).
    private static void Warm(CommandResult command, bool ownProcess)
    {
        string? Value(string name) => command.Children.OfType<OptionResult>().FirstOrDefault(o => o.Option.Name == name)?.Tokens.FirstOrDefault()?.Value;
        bool Is(string? path, string extension) => path?.EndsWith(extension, StringComparison.OrdinalIgnoreCase) == true;

        string[] inputs = [.. command.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).Select(t => t.Value), .. Value("--prior") is { } prior ? [prior] : Array.Empty<string>()];
        var folders = inputs.Any(Directory.Exists);
        var output = Value("--output");
        // As `render` decides (RenderCommand): -f pdf, else a PDF output file; a folder's output is a folder, not a file.
        var printsPdfs = command.Command.Name == "render" && (Value("--format") is "pdf" || (Value("--format") is null && !folders && Is(output, ".pdf")));
        if (printsPdfs && PdfHost.Required)
        {
            // The command goes whole to the build that prints (PdfHost), which warms what it needs itself.
            return;
        }

        if (ownProcess && inputs.Length > 0 && !folders)
        {
            RunWithoutCollections();
        }

        Application.Warmup.Start(
            readsPdfs: folders || inputs.Any(i => Is(i, ".pdf")),
            // The self-evaluation forms alone (--only evaluations) have no 目录 to splice.
            printsPdfs: printsPdfs && Value("--only") != "evaluations",
            // A store key (no file of that name) or no input at all (a command over the store) reads from the store.
            readsJson: folders || inputs.Length == 0 || inputs.Any(i => Is(i, ".json") || !File.Exists(i)),
            writesJson: Is(output, ".json") || command.Children.OfType<OptionResult>().Any(o => o.Option.Name == "--save" && !o.Implicit));
    }

    /// <summary>
    /// A command over one report (an import, an audit, a render, a score of one file or store key) runs without garbage
    /// collections up to <see cref="NoCollectionBudget"/> of allocation (issue 19): it lasts a tenth of a second, and one
    /// collection of the heap its start-up built (templates, catalogues, PdfPig's fonts) was ≈ 10 ms of a 56 ms audit
    /// (measured alternately: an audit 18 % faster, a render 3–5 %, a PDF import unchanged). Past the budget the runtime
    /// collects as usual; folders and commands over the whole store are left alone (they allocate more, and their memory
    /// matters more). A process can be refused the region (a limit on its memory): it then runs as before.
    /// </summary>
    private static void RunWithoutCollections()
    {
        try
        {
            GC.TryStartNoGCRegion(NoCollectionBudget);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentOutOfRangeException)
        {
        }
    }

    // 128 MB: a 25-page PDF import allocates ≈ 35 MB beside the start-up's; 64 MB ran out halfway through it and was slower.
    private const long NoCollectionBudget = 128L * 1024 * 1024;
}

/// <summary>Exit codes scripts rely on.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The command worked and found errors (audit).</summary>
    public const int Findings = 1;

    /// <summary>Unreadable input or a usage error.</summary>
    public const int Usage = 2;

    /// <summary>A defect in Juesuan itself.</summary>
    public const int Internal = 3;
}
