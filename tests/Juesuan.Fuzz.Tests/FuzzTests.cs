using System.Diagnostics;
using System.Globalization;
using System.Text;
using Juesuan.Cli;
using Juesuan.TestSupport;
using Xunit.Abstractions;

namespace Juesuan.Fuzz.Tests;

/// <summary>How one run of the command line ended.</summary>
public sealed record Outcome(int Code, string Error, bool TimedOut, TimeSpan Elapsed)
{
    /// <summary>An honest end: 0 (nothing wrong), 1 (errors found) or 2 (unreadable input), in time.</summary>
    public bool Honest => !TimedOut && Code is 0 or 1 or 2;

    public override string ToString() => TimedOut ? $"超时（{Elapsed.TotalSeconds:0} 秒未结束）" : $"退出码 {Code}（{Elapsed.TotalSeconds:0.0} 秒）：{(Error.Length > 300 ? Error[..300] + "…" : Error)}";
}

/// <summary>Runs the command line in-process on a file, with a time bound.</summary>
public static class Runner
{
    /// <summary>The time one command may take on any input before it counts as a hang.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    public static Outcome Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var clock = Stopwatch.StartNew();
        var task = Task.Run(() => Program.RunAsync(args, output, error));
        try
        {
            if (!task.Wait(Bound))
            {
                return new Outcome(-1, error.ToString(), true, clock.Elapsed);
            }

            return new Outcome(task.Result, error.ToString(), false, clock.Elapsed);
        }
        catch (AggregateException e)
        {
            // What RunAsync let escape (an out-of-memory, say) is a crash of the program, kept as such — not of the harness.
            return new Outcome(3, e.InnerException?.ToString() ?? e.ToString(), false, clock.Elapsed);
        }
    }

    /// <summary>Imports the file (writing its JSON), audits it, and audits the JSON written; the first dishonest end, or null.</summary>
    public static (string Step, Outcome Outcome)? Check(string path)
    {
        var json = Path.ChangeExtension(path, ".out.json");
        try
        {
            var import = Run("import", path, "-o", json);
            if (!import.Honest)
            {
                return ("import", import);
            }

            var audit = Run("audit", path, "-f", "json");
            if (!audit.Honest)
            {
                return ("audit", audit);
            }

            if (File.Exists(json))
            {
                var again = Run("audit", json);
                if (!again.Honest)
                {
                    return ("audit of the JSON import wrote", again);
                }
            }

            return null;
        }
        finally
        {
            try
            {
                File.Delete(json);
            }
            catch (IOException)
            {
            }
        }
    }
}

/// <summary>
/// The fuzzing harness (issue 12): mutants of every real document and of the JSON and XLSX the command line writes,
/// each imported, audited and its JSON audited again; every run must end 0, 1 or 2 in time — never 3, never a hang.
/// The budget is JUESUAN_FUZZ_SECONDS (30 by default, CI sets more); the seed JUESUAN_FUZZ_SEED (else the day). A
/// failing input is kept under TestResults/fuzz-failures with what was done to it; commit it to Regressions/ once fixed.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    static FuzzTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static IReadOnlyList<(string Name, byte[] Bytes, string Extension)> Seeds()
    {
        var samples = Paths.RequireSamples();
        var corpus = Paths.RequireCorpus();
        var files = Directory.GetFiles(samples, "*.txt")
            .Concat(Directory.GetFiles(Path.Combine(samples, "pdf"), "*.pdf"))
            .Concat(Directory.GetFiles(corpus, "*.pdf"))
            .Append(Paths.Example)
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllBytes(f), Path.GetExtension(f)))
            .ToList();

        // What the command line itself writes, as users will bring it back: JSON and the Excel 填报模板.
        var work = Directory.CreateTempSubdirectory("juesuan-fuzz-seeds-");
        try
        {
            foreach (var sample in new[] { "zhenan-2023-final-accounts.txt", "xigong-2022-final-accounts.txt" })
            {
                var json = Path.Combine(work.FullName, Path.ChangeExtension(sample, ".json"));
                var xlsx = Path.Combine(work.FullName, Path.ChangeExtension(sample, ".xlsx"));
                Runner.Run("import", Path.Combine(samples, sample), "-o", json);
                Runner.Run("export", json, "-f", "xlsx", "-o", xlsx);
                files.AddRange(new[] { json, xlsx }.Where(File.Exists).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f), Path.GetExtension(f))));
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }

        return files;
    }

    [SkippableFact]
    public void Mutants_of_every_input_end_with_0_1_or_2_in_time()
    {
        var seeds = Seeds();
        var budget = TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("JUESUAN_FUZZ_SECONDS"), CultureInfo.InvariantCulture, out var s) ? s : 30);
        var seed = int.TryParse(Environment.GetEnvironmentVariable("JUESUAN_FUZZ_SEED"), CultureInfo.InvariantCulture, out var fixedSeed) ? fixedSeed : DateTime.UtcNow.DayOfYear * 1000 + DateTime.UtcNow.Year;
        var work = Directory.CreateTempSubdirectory("juesuan-fuzz-");
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        var runs = 0;
        var byCode = new Dictionary<int, int>();
        int changedFigures = 0, lostFigures = 0;
        var lost = new List<string>();
        try
        {
            while (clock.Elapsed < budget)
            {
                var random = new Random(seed + runs);
                var (name, bytes, extension) = seeds[random.Next(seeds.Count)];
                var mutant = Mutations.Of(bytes, extension, random);
                var path = Path.Combine(work.FullName, $"case-{runs}{mutant.Extension}");
                File.WriteAllBytes(path, mutant.Bytes);
                var failure = Runner.Check(path);
                runs++;
                if (failure is { } f)
                {
                    var kept = Keep(mutant, name, seed, runs - 1, f.Step, f.Outcome);
                    failures.Add($"{name}：{mutant.Description} → {f.Step} {f.Outcome}（已保存 {kept}）");
                    if (f.Outcome.TimedOut || failures.Count >= 5)
                    {
                        break;
                    }
                }
                else
                {
                    var code = Runner.Run("audit", path).Code;
                    byCode[code] = byCode.GetValueOrDefault(code) + 1;
                    CountLoss(mutant, path, ref changedFigures, ref lostFigures, lost);
                }

                TryDelete(path);
            }
        }
        finally
        {
            // A run that timed out may still hold its file: the cleanup is best effort, the report is what matters.
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        output.WriteLine($"种子 {seed}：{runs} 个变体，{clock.Elapsed.TotalSeconds:0} 秒；审核退出码 {string.Join("、", byCode.OrderBy(x => x.Key).Select(x => $"{x.Key}: {x.Value}"))}；失败 {failures.Count}；改动的数字 {changedFigures} 个，读取结果中找不到的 {lostFigures} 个");
        foreach (var line in lost.Take(20))
        {
            output.WriteLine("  找不到：" + line);
        }
        Assert.True(failures.Count == 0, $"种子 {seed}，{runs} 个变体中 {failures.Count} 个没有以 0/1/2 按时结束：\n" + string.Join("\n", failures));
        Assert.True(lostFigures == 0, $"种子 {seed}：{lostFigures} 个改动的数字在读取结果中找不到（静默丢失）：\n" + string.Join("\n", lost));
    }

    // Silent loss, a failure: a text mutant whose one change was a digit (「改动数字 A → B」) must show B somewhere in what
    // the import kept — a cell, a claim, a label, the unread figures or an import note.
    private static void CountLoss(Mutant mutant, string path, ref int changed, ref int lostCount, List<string> lost)
    {
        if (mutant.Extension != ".txt" || mutant.Description.Contains('；', StringComparison.Ordinal)
            || System.Text.RegularExpressions.Regex.Match(mutant.Description, "^改动数字 (?<a>[0-9.,]+) → (?<b>[0-9.,]+)$") is not { Success: true } m
            || m.Groups["a"].Value == m.Groups["b"].Value)
        {
            return;
        }

        var result = Juesuan.Import.Importer.ReadFile(path);
        if (result.Value is null)
        {
            return;
        }

        changed++;
        var kept = Juesuan.Formats.Json.DepartmentYearJson.Write(result.Value) + string.Join("\n", result.Issues.Select(i => i.Message));
        var figure = m.Groups["b"].Value.Replace(",", string.Empty, StringComparison.Ordinal);
        var normalized = kept.Replace(",", string.Empty, StringComparison.Ordinal);
        var asNumber = decimal.TryParse(figure, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v.ToString(CultureInfo.InvariantCulture) : figure;
        if (!normalized.Contains(figure, StringComparison.Ordinal) && !normalized.Contains(asNumber, StringComparison.Ordinal))
        {
            lostCount++;
            lost.Add(mutant.Description);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }

    private static string Keep(Mutant mutant, string seedName, int seed, int run, string step, Outcome outcome)
    {
        var dir = Path.Combine(Paths.RepoRoot, "TestResults", "fuzz-failures");
        Directory.CreateDirectory(dir);
        var name = $"{Path.GetFileNameWithoutExtension(seedName)}-{seed}-{run}";
        File.WriteAllBytes(Path.Combine(dir, name + mutant.Extension), mutant.Bytes);
        File.WriteAllText(Path.Combine(dir, name + ".about.txt"), $"来源：{seedName}\n变动：{mutant.Description}\n步骤：{step}\n结果：{outcome}\n");
        return Path.Combine(dir, name + mutant.Extension);
    }
}

/// <summary>
/// Every input that once ended badly (kept in Regressions/ with a note of what was done to it) now ends with 0, 1 or 2
/// in time — and the inputs issue 12 names, generated here rather than committed.
/// </summary>
public sealed class RegressionTests
{
    static RegressionTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        var dir = Path.Combine(AppContext.BaseDirectory, "Regressions");
        var files = Directory.Exists(dir) ? Directory.GetFiles(dir) : [];
        foreach (var file in files.Where(f => !f.EndsWith(".about.txt", StringComparison.Ordinal) && !f.EndsWith(".gitkeep", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_saved_case_ends_with_0_1_or_2_in_time(string name)
    {
        var work = Directory.CreateTempSubdirectory("juesuan-regression-");
        try
        {
            var path = Path.Combine(work.FullName, name);
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Regressions", name), path);
            var failure = Runner.Check(path);
            Assert.True(failure is null, $"{name}：{failure?.Step} {failure?.Outcome}");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
