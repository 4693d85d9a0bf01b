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
/// builds' Juesuan assemblies are in the process side by side; the framework is shared. The older build is called through
/// reflection (≈ 0.1 µs a call, charged to it). Reading the file is compared the same way after the audit.
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
        if (rounds < 1)
        {
            Console.Error.WriteLine("rounds: at least 1");
            return 2;
        }

        var path = args.Length > 2 ? args[2] : Paths.Example;
        var older = new BuildContext(Path.Combine(Path.GetFullPath(args[0]), "Juesuan.Bench.dll"));
        var oldAudit = older.Auditor(path);
        if (!older.Holds("Juesuan.Audit") || !older.Holds("Juesuan.Domain") || !older.Holds("Juesuan.Formats"))
        {
            // Not resolved from the older build's folder, the runtime fell back to this build's: the two would be the same.
            Console.Error.WriteLine($"the older build's assemblies were not all loaded from {args[0]} (Juesuan.Audit from {older.AuditAssembly})");
            return 2;
        }

        var year = DepartmentYearJson.ReadFile(path).Value ?? throw new ArgumentException($"{path}: not a department-year JSON file", nameof(args));
        Action newAudit = () => Auditor.Audit(year);
        Console.WriteLine($"old: {older.AuditAssembly}");
        Console.WriteLine($"new: {typeof(Auditor).Assembly.Location}");
        if (oldAudit.Findings != Auditor.Audit(year).Findings.Count)
        {
            Console.Error.WriteLine($"the two builds find differently: {oldAudit.Findings} findings against {Auditor.Audit(year).Findings.Count}");
            return 1;
        }

        Console.WriteLine($"{rounds} rounds of 100 audits each ({Path.GetFileName(path)}), µs an audit:");
        Compare(oldAudit.Audit, newAudit, rounds, 100);

        // Reading the file too, each build with its own reader: what the audit gains may have moved into reading (a cell's
        // column key is read as the template's instance of it, ColumnKeyConverter).
        Action newRead = () => DepartmentYearJson.ReadFile(path);
        Console.WriteLine($"{rounds} rounds of 10 reads each of the same file, µs a read:");
        Compare(older.Reader(path), newRead, rounds, 10);
        return 0;
    }

    // Warms both up past the JIT's tiers, then times batches of each, the order swapped every round, and prints the medians.
    private static void Compare(Action oldRun, Action newRun, int rounds, int batch)
    {
        for (var i = 0; i < 20; i++)
        {
            Time(oldRun, batch);
            Time(newRun, batch);
        }

        var olds = new List<double>();
        var news = new List<double>();
        var ratios = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            double o, n;
            if (r % 2 == 0)
            {
                o = Time(oldRun, batch);
                n = Time(newRun, batch);
            }
            else
            {
                n = Time(newRun, batch);
                o = Time(oldRun, batch);
            }

            olds.Add(o);
            news.Add(n);
            ratios.Add(n / o);
        }

        Console.WriteLine($"old: median {Median(olds):F1} (quartiles {Quartile(olds, 1):F1}–{Quartile(olds, 3):F1}, range {olds.Min():F1}–{olds.Max():F1})");
        Console.WriteLine($"new: median {Median(news):F1} (quartiles {Quartile(news, 1):F1}–{Quartile(news, 3):F1}, range {news.Min():F1}–{news.Max():F1})");
        Console.WriteLine($"new ÷ old, a round's ratio: median {Median(ratios):F3} (quartiles {Quartile(ratios, 1):F3}–{Quartile(ratios, 3):F3})");
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

    internal static double Median(IReadOnlyCollection<double> values) => Quartile(values, 2);

    // The q-th quartile, interpolated between the two nearest values.
    internal static double Quartile(IReadOnlyCollection<double> values, int q)
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

        // Whether this context, not the default one, holds the assembly of that name.
        public bool Holds(string name) => GetLoadContext(LoadFromAssemblyName(new AssemblyName(name))) == this;

        // The older build's reading of the file at path.
        public Action Reader(string path)
        {
            var read = LoadFromAssemblyName(new AssemblyName("Juesuan.Formats")).GetType("Juesuan.Formats.Json.DepartmentYearJson", throwOnError: true)!.GetMethod("ReadFile", [typeof(string)])!;
            object?[] arguments = [path];
            return () => read.Invoke(null, arguments);
        }

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
