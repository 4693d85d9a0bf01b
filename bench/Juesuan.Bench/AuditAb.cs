using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using Juesuan.Audit;
using Juesuan.Formats.Json;

namespace Juesuan.Bench;

/// <summary>
/// An older build's audit against this one's in the same process, taken turn about in short batches: on this shared
/// machine a run's time swings by a third from one minute to the next, so two builds measured one after the other (or
/// BenchmarkDotNet's runs of each) cannot tell apart a change of a few per cent. Here both builds meet the same moments of
/// the machine, and each round's ratio (new ÷ old) cancels what the machine does.
/// The older build is loaded from its bench's output folder into its own <see cref="AssemblyLoadContext"/>, so both
/// builds' Juesuan assemblies are in the process side by side; the framework is shared.
/// </summary>
internal static class AuditAb
{
    // `auditab OLD_BENCH_DIR [rounds] [department-year.json]`, OLD_BENCH_DIR being the older commit's
    // bench/Juesuan.Bench/bin/Release/net10.0 (built in a `git worktree` of it).
    public static int Run(string[] args)
    {
        if (args.Length == 0 || !File.Exists(Path.Combine(args[0], "Juesuan.Bench.dll")))
        {
            Console.Error.WriteLine("usage: auditab OLD_BENCH_DIR [rounds] [department-year.json] — OLD_BENCH_DIR holds the older build's Juesuan.Bench.dll");
            return 2;
        }

        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 40;
        var path = args.Length > 2 ? args[2] : Paths.Example;
        var older = new BuildContext(Path.Combine(Path.GetFullPath(args[0]), "Juesuan.Bench.dll"));
        var oldAudit = older.Auditor(path);
        var year = DepartmentYearJson.ReadFile(path).Value ?? throw new ArgumentException($"{path}: not a department-year JSON file", nameof(args));
        Action newAudit = () => Auditor.Audit(year);
        if (oldAudit.Findings != Auditor.Audit(year).Findings.Count)
        {
            Console.Error.WriteLine($"the two builds find differently: {oldAudit.Findings} against {Auditor.Audit(year).Findings.Count}");
        }

        Console.WriteLine($"old: {older.AuditAssembly}");
        Console.WriteLine($"new: {typeof(Auditor).Assembly.Location}");

        // Warm both up past the JIT's tiers, then time batches of each, the order swapped every round.
        const int batch = 100;
        for (var i = 0; i < 20; i++)
        {
            Time(oldAudit.Audit, batch);
            Time(newAudit, batch);
        }

        var olds = new List<double>();
        var news = new List<double>();
        var ratios = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            double o, n;
            if (r % 2 == 0)
            {
                o = Time(oldAudit.Audit, batch);
                n = Time(newAudit, batch);
            }
            else
            {
                n = Time(newAudit, batch);
                o = Time(oldAudit.Audit, batch);
            }

            olds.Add(o);
            news.Add(n);
            ratios.Add(n / o);
        }

        Console.WriteLine($"{rounds} rounds of {batch} audits each ({Path.GetFileName(path)}), µs an audit:");
        Console.WriteLine($"old: median {Median(olds):F1} (quartiles {Quartile(olds, 1):F1}–{Quartile(olds, 3):F1}, range {olds.Min():F1}–{olds.Max():F1})");
        Console.WriteLine($"new: median {Median(news):F1} (quartiles {Quartile(news, 1):F1}–{Quartile(news, 3):F1}, range {news.Min():F1}–{news.Max():F1})");
        Console.WriteLine($"new ÷ old, a round's ratio: median {Median(ratios):F3} (quartiles {Quartile(ratios, 1):F3}–{Quartile(ratios, 3):F3})");
        return 0;
    }

    private static double Time(Action audit, int count)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            audit();
        }

        return watch.Elapsed.TotalMicroseconds / count;
    }

    private static double Median(List<double> values) => Quartile(values, 2);

    // The q-th quartile, interpolated between the two nearest values.
    private static double Quartile(List<double> values, int q)
    {
        var sorted = values.Order().ToArray();
        var at = (sorted.Length - 1) * q / 4.0;
        var low = (int)Math.Floor(at);
        var high = (int)Math.Ceiling(at);
        return sorted[low] + ((sorted[high] - sorted[low]) * (at - low));
    }

    // The older build's assemblies, resolved from its bench's dependency file; the framework comes from the process.
    private sealed class BuildContext(string benchPath) : AssemblyLoadContext("older build")
    {
        private readonly AssemblyDependencyResolver _resolver = new(benchPath);

        public string AuditAssembly { get; private set; } = string.Empty;

        protected override Assembly? Load(AssemblyName assemblyName) =>
            _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;

        // The older build's audit of the department-year at path, read by its own reader; and how many findings it makes.
        public (Action Audit, int Findings) Auditor(string path)
        {
            var formats = LoadFromAssemblyName(new AssemblyName("Juesuan.Formats"));
            var audit = LoadFromAssemblyName(new AssemblyName("Juesuan.Audit"));
            AuditAssembly = audit.Location;
            var read = formats.GetType("Juesuan.Formats.Json.DepartmentYearJson", throwOnError: true)!.GetMethod("ReadFile", [typeof(string)])!;
            var result = read.Invoke(null, [path])!;
            var year = result.GetType().GetProperty("Value")!.GetValue(result) ?? throw new ArgumentException($"{path}: the older build cannot read it");
            var method = audit.GetType("Juesuan.Audit.Auditor", throwOnError: true)!.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Single(m => m.Name == "Audit" && m.GetParameters().Length == 5 && m.GetParameters()[0].ParameterType == year.GetType());
            object?[] arguments = [year, null, null, null, null];
            var report = method.Invoke(null, arguments)!;
            var findings = (System.Collections.ICollection)report.GetType().GetProperty("Findings")!.GetValue(report)!;
            return (() => method.Invoke(null, arguments), findings.Count);
        }
    }
}
