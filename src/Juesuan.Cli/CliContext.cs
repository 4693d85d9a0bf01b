using System.CommandLine;
using Juesuan.Application;
using Juesuan.Domain.Model;
using Juesuan.Domain.Reference;
using Juesuan.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Juesuan.Cli;

/// <summary>The writers a command prints to, and the use cases it calls, configured from the command line.</summary>
internal sealed record CliContext(TextWriter Out, TextWriter Err)
{
    /// <summary>The command line as given (after `help` was turned into `--help`): what a command handed to another process runs with.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>The use cases for one invocation: the store named by the options, and <paramref name="reference"/> data (else the options').</summary>
    public ServiceProvider Services(ParseResult parse, ReferenceData? reference = null)
    {
        var data = reference ?? Reference(parse);
        return new ServiceCollection().AddJuesuan(o =>
        {
            o.StoreResolver = () => Commands.Store(parse);
            o.CreateStore = parse.GetValue(Commands.CreateOption);
            o.Reference = data;
        }).BuildServiceProvider();
    }

    /// <summary>
    /// The reference data the options name: the embedded data extended from --reference (or JUESUAN_REFERENCE); a
    /// folder that is missing or holds a malformed file is a usage error, said in words.
    /// </summary>
    public static ReferenceData Reference(ParseResult parse)
    {
        var folder = parse.GetValue(Commands.ReferenceOption) ?? Environment.GetEnvironmentVariable("JUESUAN_REFERENCE");
        if (string.IsNullOrWhiteSpace(folder))
        {
            return ReferenceData.Embedded;
        }

        try
        {
            return ReferenceData.FromFolder(folder);
        }
        catch (InvalidDataException e)
        {
            throw new UsageException("基础数据错误：" + e.Message);
        }
    }

    /// <summary>
    /// A department-year from a file or the store, with the reader's remarks and any failure printed to the error
    /// writer; null when there is none.
    /// </summary>
    public async Task<DepartmentYear?> LoadAsync(Reports reports, string input, CancellationToken cancellationToken) =>
        (await LoadInputAsync(reports, input, cancellationToken).ConfigureAwait(false)).Year;

    /// <summary>What a file or a store key gave (the department-year, and a PDF's bytes for locating findings), its remarks printed.</summary>
    public async Task<Loaded> LoadInputAsync(Reports reports, string input, CancellationToken cancellationToken, bool withOriginal = false)
    {
        var loaded = await reports.LoadAsync(input, withOriginal, cancellationToken).ConfigureAwait(false);
        Say(loaded);
        return loaded;
    }

    /// <summary>A file read, with the reader's remarks and any failure printed.</summary>
    public Loaded Read(Reports reports, string file)
    {
        var loaded = reports.ReadFile(file);
        Say(loaded);
        return loaded;
    }

    /// <summary>Prints what reading an input said: the reader's remarks and, when nothing was read, why.</summary>
    public void Say(Loaded loaded)
    {
        foreach (var issue in loaded.Issues)
        {
            Err.WriteLine($"{loaded.Source}：提示：{issue}");
        }

        switch (loaded.Failure)
        {
            case LoadFailure.Unreadable:
                Err.WriteLine($"{loaded.Source}：错误：{loaded.Error}");
                Err.WriteLine($"{loaded.Source}：无法读取，未导入。");
                break;
            case LoadFailure.NotStored:
                Err.WriteLine($"{loaded.Error}。用 juesuan list 查看存储中的部门年度。");
                break;
            case LoadFailure.MissingFile:
                Err.WriteLine(loaded.Error);
                break;
        }
    }
}

/// <summary>A mistake in what the user asked for, found after parsing: its message is printed and the exit code is 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
