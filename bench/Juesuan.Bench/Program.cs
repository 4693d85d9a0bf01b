using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Juesuan.Application;
using Juesuan.Audit;
using Juesuan.Domain.Model;
using Juesuan.Formats;
using Juesuan.Formats.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Juesuan.Bench;

/// <summary>
/// Benchmarks. `dotnet run -c Release --project bench/Juesuan.Bench -- audit` runs BenchmarkDotNet on auditing one
/// department-year; `-- batch [N]` audits N department-year files through the use cases (read, audit on every core,
/// one JSON report — what `juesuan audit &lt;dir&gt; -f json` does) and reports the wall time and the peak working set; `-- documents` runs BenchmarkDotNet on the HTML and DOCX disclosure;
/// `-- workbench` runs BenchmarkDotNet on the web report page; `-- series` on a series query over 10,000 department-years; `-- uploads` on 20 PDFs uploaded at once to the workbench;
/// `-- pdfbatch [N]` prints N disclosures to PDF through one browser; `-- pdfsteps [warm]` shows where one PDF's time goes
/// (after the workbench's warm-up print with `warm`).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "rules")
        {
            return RuleProfile(args.Length > 1 ? args[1] : null);
        }

        if (args.Length > 0 && args[0] == "batch")
        {
            return await Batch(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000);
        }

        if (args.Length > 0 && args[0] == "pdfbatch")
        {
            return await PdfBatch(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20,
                args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1);
        }

        if (args.Length > 0 && args[0] == "pdfsteps")
        {
            var year = DepartmentYearJson.ReadFile(Paths.Example).Value!;
            await using var printer = await Juesuan.Documents.Disclosure.PdfPrinter.StartAsync(1);
            if (args.Length > 1 && args[1] == "warm")
            {
                // The workbench's warm-up first (a first print in the disclosure's style): round 0 is then warm too.
                var warm = Stopwatch.StartNew();
                await Juesuan.Documents.Disclosure.DisclosurePdf.WarmAsync(printer);
                Console.WriteLine($"warm-up print {warm.Elapsed.TotalMilliseconds:F0} ms");
            }

            for (var round = 0; round < 4; round++)
            {
                var w = Stopwatch.StartNew();
                var document = Juesuan.Documents.Disclosure.DisclosureBuilder.Build(year);
                var html = Juesuan.Documents.Disclosure.DisclosureHtml.Render(document, charts: Juesuan.Documents.Disclosure.ChartMode.Jpeg);
                var t1 = w.Elapsed.TotalMilliseconds;
                var whole = await printer.PrintAsync(html);
                var t2 = w.Elapsed.TotalMilliseconds;
                using var read = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(whole), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
                var pages = Juesuan.Documents.Disclosure.DisclosurePdf.LinkedPages(document, read)!;
                var t3 = w.Elapsed.TotalMilliseconds;
                await printer.PrintAsync(Juesuan.Documents.Disclosure.DisclosureHtml.Render(document, pages, Juesuan.Documents.Disclosure.ChartMode.Box, contentsOnly: true));
                var t4 = w.Elapsed.TotalMilliseconds;
                await Juesuan.Documents.Disclosure.DisclosurePdf.WriteAsync(printer, document, "/tmp/steps.pdf");
                var t5 = w.Elapsed.TotalMilliseconds;
                Console.WriteLine($"html+jpeg {t1:F0}, print {t2 - t1:F0}, pages {t3 - t2:F0}, contents print {t4 - t3:F0} ms; the whole (DisclosurePdf.WriteAsync) {t5 - t4:F0} ms");
            }

            return 0;
        }

        if (args.Length > 0 && args[0] == "pdffonts")
        {
            // A disclosure's two prints (the whole, the 目录 alone) with its installed fonts as they are and cut down to its
            // characters (PrintFonts), alternately in one browser; and the cutting alone.
            var year = DepartmentYearJson.ReadFile(args.Length > 1 ? args[1] : Paths.Example).Value!;
            await using var printer = await Juesuan.Documents.Disclosure.PdfPrinter.StartAsync(1);
            var document = Juesuan.Documents.Disclosure.DisclosureBuilder.Build(year);
            var html = Juesuan.Documents.Disclosure.DisclosureHtml.Render(document, charts: Juesuan.Documents.Disclosure.ChartMode.Jpeg);
            using var first = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(await printer.PrintAsync(html)), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
            var contents = Juesuan.Documents.Disclosure.DisclosureHtml.Render(document, Juesuan.Documents.Disclosure.DisclosurePdf.LinkedPages(document, first), Juesuan.Documents.Disclosure.ChartMode.Box, contentsOnly: true);
            var times = new Dictionary<bool, List<double>> { [false] = [], [true] = [] };
            for (var round = 0; round < 12; round++)
            {
                foreach (var subset in round % 2 == 0 ? new[] { false, true } : [true, false])
                {
                    var w = Stopwatch.StartNew();
                    await printer.PrintAsync(html, subset, CancellationToken.None);
                    await printer.PrintAsync(contents, subset, CancellationToken.None);
                    if (round >= 2)
                    {
                        times[subset].Add(w.Elapsed.TotalMilliseconds);
                    }
                }
            }

            var cutting = Enumerable.Range(0, 10).Select(i => { var w = Stopwatch.StartNew(); _ = Juesuan.Documents.Disclosure.PrintFonts.Embed(html); return w.Elapsed.TotalMilliseconds; }).Order().ToList();
            foreach (var (subset, list) in times)
            {
                list.Sort();
                Console.WriteLine($"{(subset ? "fonts cut down" : "installed fonts")}: both prints median {list[list.Count / 2]:F0} ms ({list[0]:F0}-{list[^1]:F0}, {list.Count} rounds)");
            }

            Console.WriteLine($"cutting the whole document's fonts alone: median {cutting[5]:F1} ms ({cutting[0]:F1}-{cutting[^1]:F1})");
            return 0;
        }

        if (args.Length > 0 && args[0] == "auditloop")
        {
            // The audit of the example (or of a department-year given after the seconds) over and over, for a sampling
            // profiler to attach to (dotnet-trace, or perf with DOTNET_PerfMapEnabled=1).
            var year = ReadYear(args.Length > 2 ? args[2] : null);
            var seconds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20;
            var watch = Stopwatch.StartNew();
            var count = 0;
            while (watch.Elapsed.TotalSeconds < seconds)
            {
                _ = Auditor.Audit(year);
                count++;
            }

            Console.WriteLine($"{count} audits in {watch.Elapsed.TotalSeconds:F1} s: {watch.Elapsed.TotalMicroseconds / count:F0} µs each");
            return 0;
        }

        if (args.Length > 0 && args[0] == "auditrender")
        {
            return await AuditRender(args.Length > 1 ? args[1] : null);
        }

        if (args.Length > 0 && args[0] == "auditcores")
        {
            return AuditCores(args.Length > 1 ? args[1] : null);
        }

        if (args.Length > 0 && args[0] == "auditab")
        {
            return AuditAb.Run(args.Skip(1).ToArray());
        }

        if (args.Length > 0 && args[0] == "docxloop")
        {
            // The example's DOCX without charts over and over, for a sampling profiler; prints the time of its steps.
            var year = DepartmentYearJson.ReadFile(Paths.Example).Value!;
            var seconds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20;
            var watch = Stopwatch.StartNew();
            var count = 0;
            while (watch.Elapsed.TotalSeconds < seconds)
            {
                using var stream = new MemoryStream();
                Juesuan.Documents.Disclosure.DisclosureDocx.Write(Juesuan.Documents.Disclosure.DisclosureBuilder.Build(year, charts: false), stream);
                count++;
            }

            Console.WriteLine($"{count} documents in {watch.Elapsed.TotalSeconds:F1} s: {watch.Elapsed.TotalMilliseconds / count:F1} ms each");
            return 0;
        }

        if (args.Length > 0 && args[0] == "auditallocations")
        {
            return AuditAllocations(args.Length > 1 ? args[1] : null);
        }

        if (args.Length > 0 && args[0] is "importallocations" or "pdfallocations")
        {
            return ImportAllocations(args.Length > 1 ? args[1] : null);
        }

        if (args.Length > 0 && args[0] == "pdfimportsteps")
        {
            return PdfImportSteps();
        }

        if (args.Length > 0 && args[0] == "workbench")
        {
            BenchmarkRunner.Run<WorkbenchBenchmarks>(args: args.Skip(1).ToArray());
            return 0;
        }

        if (args.Length > 0 && args[0] == "ledger")
        {
            BenchmarkRunner.Run<LedgerBenchmarks>(args: args.Skip(1).ToArray());
            return 0;
        }

        if (args.Length > 0 && args[0] == "intake")
        {
            return await IntakeBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200);
        }

        if (args.Length > 0 && args[0] == "series")
        {
            BenchmarkRunner.Run<SeriesBenchmarks>(args: args.Skip(1).ToArray());
            return 0;
        }

        if (args.Length > 0 && args[0] == "uploads")
        {
            BenchmarkRunner.Run<UploadBenchmarks>(args: args.Skip(1).ToArray());
            return 0;
        }

        if (args.Length > 0 && args[0] == "documents")
        {
            BenchmarkRunner.Run<DocumentBenchmarks>(args: args.Skip(1).ToArray());
            return 0;
        }

        BenchmarkRunner.Run<AuditBenchmarks>(args: args.Skip(args.Length > 0 && args[0] == "audit" ? 1 : 0).ToArray());
        return 0;
    }

    // N disclosures of the example to PDF through one browser, one tab per core (each printed twice for the 目录's page
    // numbers), as `juesuan render <dir> -f pdf` does: the average wall time per document, after one warm-up document.
    // Disclosures printed on every core: one browser with a tab a core, or `browsers` browsers sharing the cores' tabs.
    private static async Task<int> PdfBatch(int count, int browsers)
    {
        var year = DepartmentYearJson.ReadFile(Paths.Example).Value!;
        var dir = Directory.CreateTempSubdirectory("juesuan-pdfbatch-").FullName;
        // A district's batch never repeats a chart: every document's are drawn, as they would be.
        Juesuan.Documents.Disclosure.Chart.KeepDrawings = false;
        var start = Stopwatch.StartNew();
        var tabs = Math.Max(1, Environment.ProcessorCount / browsers);
        var printers = await Task.WhenAll(Enumerable.Range(0, browsers).Select(_ => Juesuan.Documents.Disclosure.PdfPrinter.StartAsync(tabs)));
        var startup = start.Elapsed;
        foreach (var (printer, i) in printers.Select((p, i) => (p, i)))
        {
            await Juesuan.Documents.Disclosure.DisclosurePdf.WriteAsync(printer, Juesuan.Documents.Disclosure.DisclosureBuilder.Build(year), Path.Combine(dir, $"warmup{i}.pdf"));
        }

        var batch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (i, _) =>
        {
            var document = Juesuan.Documents.Disclosure.DisclosureBuilder.Build(year);
            await Juesuan.Documents.Disclosure.DisclosurePdf.WriteAsync(printers[i % printers.Length], document, Path.Combine(dir, $"d{i}.pdf"));
        });

        var elapsed = batch.Elapsed;
        Console.WriteLine($"{browsers} browser(s) of {tabs} tab(s), started in {startup.TotalSeconds:F2} s; {count} PDFs in {elapsed.TotalSeconds:F2} s, {elapsed.TotalSeconds / count:F3} s each " +
            $"(whole run with start and warm-up: {start.Elapsed.TotalSeconds / count:F3} s each)");
        foreach (var printer in printers)
        {
            await printer.DisposeAsync();
        }

        Directory.Delete(dir, recursive: true);
        return 0;
    }

    // What writing a batch's audit costs beside auditing it: `audit DIR` reads and audits on every core, then writes
    // every report in one piece. The folder given (or the samples: five texts, the 普陀 PDF and the example, fifteen
    // times each, as the 105 of docs/performance.md) is audited once; each format is then written 34 times, the first 3 not counted.
    private static async Task<int> AuditRender(string? folder)
    {
        var shared = Path.Combine(Paths.Root, "..", "shared", "samples");
        var files = folder is not null
            ? Reports.FilesIn(folder)
            : Enumerable.Repeat(Directory.GetFiles(shared, "*.txt").Order(StringComparer.Ordinal)
                .Append(Path.Combine(shared, "pdf", "putuo-finance-bureau-2024-final-accounts.pdf")).Append(Paths.Example), 15).SelectMany(f => f).ToArray();
        await using var services = new ServiceCollection().AddJuesuan(o => o.Reference = Juesuan.Domain.Reference.ReferenceData.Embedded).BuildServiceProvider();
        var audits = services.GetRequiredService<Audits>();
        var watch = Stopwatch.StartNew();
        var (reports, unreadable) = await audits.AuditFilesAsync(services.GetRequiredService<Reports>(), files);
        Console.WriteLine($"{reports.Count} of {files.Count} files read and audited in {watch.Elapsed.TotalMilliseconds:F0} ms ({Environment.ProcessorCount} cores; {unreadable.Count} unreadable)");
        foreach (var format in new[] { AuditFormat.Json, AuditFormat.Text, AuditFormat.Html })
        {
            var times = new List<double>();
            var length = 0;
            for (var round = 0; round < 34; round++)
            {
                watch.Restart();
                length = Audits.Render(reports, format).Length;
                if (round >= 3)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            Console.WriteLine($"{format}: {length:N0} characters, median {AuditAb.Median(times):F1} ms (quartiles {AuditAb.Quartile(times, 1):F1}-{AuditAb.Quartile(times, 3):F1}) of 31 after 3 not counted");
        }

        return 0;
    }

    // Where importing the Putuo PDF spends its time: PdfPig's parsing, its word extraction, our reading.
    private static int PdfImportSteps()
    {
        var pdf = Path.Combine(Paths.Root, "..", "shared", "samples", "pdf", "putuo-finance-bureau-2024-final-accounts.pdf");
        for (var round = 0; round < 8; round++)
        {
            var w = Stopwatch.StartNew();
            using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf, new UglyToad.PdfPig.ParsingOptions { UseLenientParsing = true }))
            {
                var open = w.Elapsed.TotalMilliseconds;
                var letters = 0;
                foreach (var page in document.GetPages())
                {
                    letters += page.Letters.Count;
                }

                var pages = w.Elapsed.TotalMilliseconds;
                var words = 0;
                foreach (var page in document.GetPages())
                {
                    words += page.GetWords().Count();
                }

                var wordTime = w.Elapsed.TotalMilliseconds;
                var t = Stopwatch.StartNew();
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                var result = Juesuan.Import.Pdf.PdfReportReader.ReadFile(pdf);
                var whole = (t.Elapsed.TotalMilliseconds, GC.GetAllocatedBytesForCurrentThread() - bytes);

                // The import's two halves: PdfPig's letters made into our words, then the words made into a report.
                var content = File.ReadAllBytes(pdf);
                t.Restart();
                bytes = GC.GetAllocatedBytesForCurrentThread();
                Juesuan.Import.Pdf.PdfReportReader.ReadWordsOf(content, "putuo.pdf", false, out var read, out var pageCount);
                var wordsOf = (t.Elapsed.TotalMilliseconds, GC.GetAllocatedBytesForCurrentThread() - bytes);
                t.Restart();
                bytes = GC.GetAllocatedBytesForCurrentThread();
                _ = Juesuan.Import.Pdf.PdfReportReader.FromWords(read, pageCount, "putuo.pdf");
                var fromWords = (t.Elapsed.TotalMilliseconds, GC.GetAllocatedBytesForCurrentThread() - bytes);
                Console.WriteLine($"open {open:F0}, pages+letters {pages - open:F0} ({letters} letters), words (2nd GetPages) {wordTime - pages:F0} ({words}); " +
                    $"whole import {whole.Item1:F0} ms {whole.Item2 / 1e6:F1} MB = words of the PDF {wordsOf.Item1:F0} ms {wordsOf.Item2 / 1e6:F1} MB + report from the words {fromWords.Item1:F0} ms {fromWords.Item2 / 1e6:F1} MB");
            }
        }

        return 0;
    }

    // What a PDF import allocates, by type: the runtime's allocation ticks (one every ≈ 100 KB, with the type of the
    // object that crossed it) over ten imports, heaviest first — a sample, so shares are close, not exact.
    // What an import allocates, by type: ten imports of the 普陀 PDF (or the file given: .pdf, .txt, .json, .xlsx), through
    // the importer the commands use (Importer.ReadFile), after two seconds of them to warm up.
    private static int ImportAllocations(string? path)
    {
        var file = path ?? Path.Combine(Paths.Root, "..", "shared", "samples", "pdf", "putuo-finance-bureau-2024-final-accounts.pdf");
        // Warm for two seconds first, so the methods run are the JIT's optimised ones (a method's first calls run code
        // that keeps boxes and closures the optimised code does away with) — as in a long batch or the workbench.
        var warm = System.Diagnostics.Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(2))
        {
            _ = Juesuan.Import.Importer.ReadFile(file);
        }

        const int runs = 10;
        var before = GC.GetAllocatedBytesForCurrentThread();
        using var ticks = new AllocationTicks();
        for (var i = 0; i < runs; i++)
        {
            _ = Juesuan.Import.Importer.ReadFile(file);
        }

        var byType = ticks.ByType;
        var total = byType.Values.Sum();
        Console.WriteLine($"{(GC.GetAllocatedBytesForCurrentThread() - before) / runs / 1e6:F1} MB an import on this thread (measured; PdfPig's word extractor allocates some on the pool's threads), {total / runs / 1e6:F1} MB sampled in all; by type:");
        foreach (var (type, bytes) in byType.OrderByDescending(kv => kv.Value).Take(30))
        {
            Console.WriteLine($"{bytes * 100.0 / total,5:F1} %  {bytes / runs / 1e3,8:F0} KB  {type}");
        }

        return 0;
    }

    // The department-year of a JSON file (the example when none is given); a file that is not one stops the bench, named.
    private static DepartmentYear ReadYear(string? path) =>
        DepartmentYearJson.ReadFile(path ?? Paths.Example).Value
        ?? throw new ArgumentException($"{path}: not a department-year JSON file (write one with `juesuan import <report> -o <file>.json`)", nameof(path));

    // An audit on one thread and on every core at once (each thread auditing the same department-year over and over):
    // time and bytes an audit, to tell what two threads cost each other inside the process from what the machine does.
    private static int AuditCores(string? path)
    {
        var year = ReadYear(path);
        var cores = Environment.ProcessorCount;
        for (var i = 0; i < 500; i++)
        {
            _ = Auditor.Audit(year);
        }

        (double Micro, double Kb) Run(int threads, int each)
        {
            // Dedicated threads let go together, each timing its own audits: all of them run at once.
            using var start = new Barrier(threads + 1);
            var micro = new double[threads];
            var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
            {
                start.SignalAndWait();
                var own = Stopwatch.StartNew();
                for (var i = 0; i < each; i++)
                {
                    _ = Auditor.Audit(year);
                }

                micro[t] = own.Elapsed.TotalMicroseconds / each;
            })).ToArray();
            foreach (var worker in workers)
            {
                worker.Start();
            }

            var bytes = GC.GetTotalAllocatedBytes(precise: true);
            start.SignalAndWait();
            foreach (var worker in workers)
            {
                worker.Join();
            }

            return (micro.Average(), (GC.GetTotalAllocatedBytes(precise: true) - bytes) / 1024.0 / (threads * each));
        }

        var one = new List<double>();
        var all = new List<double>();
        var bytesOne = 0.0;
        var bytesAll = 0.0;
        for (var round = 0; round < 15; round++)
        {
            var (m1, k1) = Run(1, 300);
            var (mn, kn) = Run(cores, 300);
            one.Add(m1);
            all.Add(mn);
            bytesOne = k1;
            bytesAll = kn;
        }

        Console.WriteLine($"one thread: {AuditAb.Median(one):F1} µs an audit ({AuditAb.Quartile(one, 1):F1}-{AuditAb.Quartile(one, 3):F1}), {bytesOne:F1} KB (bytes: the last round)");
        Console.WriteLine($"{cores} threads at once: {AuditAb.Median(all):F1} µs an audit on each ({AuditAb.Quartile(all, 1):F1}-{AuditAb.Quartile(all, 3):F1}), {bytesAll:F1} KB; " +
            $"throughput {cores * AuditAb.Median(one) / AuditAb.Median(all):F2}× one thread");
        return 0;
    }

    // What an audit allocates, by type, as importallocations does for an import: of the example (or the file given), 300
    // audits to warm up, 1,000 measured (in KB of 1,024 bytes, as BenchmarkDotNet counts), 300 sampled by type.
    private static int AuditAllocations(string? path)
    {
        var year = ReadYear(path);
        for (var i = 0; i < 300; i++)
        {
            _ = Auditor.Audit(year);
        }

        // Measured without the sampling listener first (its events allocate too), in KB of 1,024 bytes as BenchmarkDotNet counts.
        const int runs = 1000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < runs; i++)
        {
            _ = Auditor.Audit(year);
        }

        Console.WriteLine($"{(GC.GetAllocatedBytesForCurrentThread() - before) / (double)runs / 1024:F1} KB an audit (measured); by type, sampled:");
        using var ticks = new AllocationTicks();
        for (var i = 0; i < 300; i++)
        {
            _ = Auditor.Audit(year);
        }

        // A closure's class is named by its method's number only: which classes hold one of that name.
        var closures = new[] { typeof(Auditor).Assembly, typeof(FactIndex).Assembly }.SelectMany(a => a.GetTypes())
            .Where(t => t.Name.StartsWith("<>c__DisplayClass", StringComparison.Ordinal))
            .ToLookup(t => t.Name, t => t.DeclaringType?.FullName ?? "?");
        var byType = ticks.ByType;
        var total = byType.Values.Sum();
        foreach (var (type, bytes) in byType.OrderByDescending(kv => kv.Value).Take(40))
        {
            Console.WriteLine($"{bytes * 100.0 / total,5:F1} %  {type}{(closures.Contains(type) ? " in " + string.Join(", ", closures[type]) : string.Empty)}");
        }

        return 0;
    }

    private sealed class AllocationTicks : System.Diagnostics.Tracing.EventListener
    {
        private readonly Dictionary<string, long> _byType = new(StringComparer.Ordinal);

        // A copy of the bytes by type: the runtime reports on its own threads too (tiered compilation), while this one reads.
        public Dictionary<string, long> ByType
        {
            get
            {
                lock (_byType)
                {
                    return new(_byType, StringComparer.Ordinal);
                }
            }
        }

        protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs eventData)
        {
            if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.Payload is null)
            {
                return;
            }

            var names = eventData.PayloadNames!;
            var type = eventData.Payload[names.IndexOf("TypeName")] as string ?? "?";
            var amount = Convert.ToInt64(eventData.Payload[names.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
            lock (_byType)
            {
                _byType[type] = _byType.GetValueOrDefault(type) + amount;
            }
        }
    }

    // Time and allocation per rule over many runs: where an audit spends its time.
    private static int RuleProfile(string? path)
    {
        var year = ReadYear(path);
        const int runs = 300;
        // Per rule: its time and allocations on fresh contexts, and its own allocations run again on the same contexts.
        var rows = new List<(string Rule, double Micros, long Bytes, long Own)>();
        // Every rule runs warm (tiered compilation settled: a warm-up of the whole catalogue first), each on fresh contexts
        // so nothing a context caches is shared between runs.
        for (var warm = 0; warm < 600; warm++)
        {
            var context = new AuditContext(year);
            foreach (var rule in RuleCatalog.All)
            {
                _ = rule.Check(context).ToList();
            }
        }

        var indexWatch = Stopwatch.StartNew();
        var indexBytes = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < runs; i++)
        {
            _ = FactIndex.Build(year);
        }

        var indexRow = ("(fact index alone)", indexWatch.Elapsed.TotalMicroseconds / runs, (GC.GetAllocatedBytesForCurrentThread() - indexBytes) / runs);
        var contextWatch = Stopwatch.StartNew();
        var contextBytes = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < runs; i++)
        {
            _ = new AuditContext(year);
        }

        var contextAllocated = (GC.GetAllocatedBytesForCurrentThread() - contextBytes) / runs;
        rows.Add(("(context + fact index)", contextWatch.Elapsed.TotalMicroseconds / runs, contextAllocated, contextAllocated));
        foreach (var rule in RuleCatalog.All)
        {
            var contexts = Enumerable.Range(0, runs).Select(_ => new AuditContext(year)).ToArray();
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            foreach (var context in contexts)
            {
                _ = rule.Check(context).ToList();
            }

            var micros = watch.Elapsed.TotalMicroseconds / runs;
            var fresh = (GC.GetAllocatedBytesForCurrentThread() - bytes) / runs;
            // Run again on the same contexts: what the rule allocates itself, without what it made the context build.
            bytes = GC.GetAllocatedBytesForCurrentThread();
            foreach (var context in contexts)
            {
                _ = rule.Check(context).ToList();
            }

            rows.Add((rule.Id, micros, fresh, (GC.GetAllocatedBytesForCurrentThread() - bytes) / runs));
        }

        Console.WriteLine($"all rules and the context: {rows.Sum(r => r.Micros):F1} µs, {rows.Sum(r => r.Bytes) / 1024} KB per department-year ({(path is null ? "the example" : Path.GetFileName(path))})");
        Console.WriteLine($"{indexRow.Item1,-28} {indexRow.Item2,9:F1} µs {indexRow.Item3 / 1024,8} KB (part of the context's row)");
        Console.WriteLine($"{"",-28} {"",12} {"fresh",11} {"own",11}; own in all: {rows.Sum(r => r.Own) / 1024} KB");
        foreach (var (rule, micros, bytes, own) in rows.OrderByDescending(r => r.Micros))
        {
            Console.WriteLine($"{rule,-28} {micros,9:F1} µs {bytes / 1024,8} KB {own / 1024,8} KB");
        }

        return 0;
    }

    private static async Task<int> Batch(int count)
    {
        var folder = Path.Combine(Path.GetTempPath(), "juesuan-bench-batch");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var example = DepartmentYearJson.ReadFile(Paths.Example).Value!;
        for (var i = 0; i < count; i++)
        {
            var year = example with { Department = example.Department with { Name = $"基准测试局{i:0000}" } };
            await File.WriteAllTextAsync(Path.Combine(folder, $"{i:0000}.json"), DepartmentYearJson.Write(year));
        }

        GC.Collect();
        var before = Process.GetCurrentProcess().PeakWorkingSet64;
        var watch = Stopwatch.StartNew();
        var options = new Juesuan.Application.JuesuanOptions();
        var library = new Juesuan.Application.Library(options);
        var audits = new Juesuan.Application.Audits(options, library);
        var reader = new Juesuan.Application.Reports(library, options);
        var files = Juesuan.Application.Reports.FilesIn(folder);
        var (reports, unreadable) = await audits.AuditFilesAsync(reader, files);
        await using (var output = File.Create(Path.Combine(folder, "audit.json")))
        {
            await Juesuan.Application.Audits.WriteAsync(reports, Juesuan.Application.AuditFormat.Json, output);
        }

        var exit = reports.Any(r => !r.Passed) ? 1 : unreadable.Count > 0 ? 2 : 0;
        watch.Stop();
        var process = Process.GetCurrentProcess();
        Console.WriteLine($"audited {count} department-years ({new DirectoryInfo(folder).EnumerateFiles("*.json").Sum(f => f.Length) / 1_000_000} MB of JSON) in {watch.Elapsed.TotalSeconds:F1} s, exit {exit}");
        Console.WriteLine($"peak working set: {process.PeakWorkingSet64 / 1_048_576} MB (before the audit: {before / 1_048_576} MB); managed heap now {GC.GetTotalMemory(false) / 1_048_576} MB");
        Directory.Delete(folder, recursive: true);
        return exit is 0 or 1 ? 0 : exit;
    }
}

[MemoryDiagnoser]
[MedianColumn]
public class AuditBenchmarks
{
    private DepartmentYear _example = null!;
    private DepartmentYear _zhenan = null!;
    private string _xigongText = null!;
    private string _zhenanText = null!;
    private string _quxianText = null!;

    [GlobalSetup]
    public void Setup()
    {
        _example = DepartmentYearJson.ReadFile(Paths.Example).Value!;
        _zhenan = DepartmentYearJson.ReadFile(Path.Combine(Paths.Root, "tests", "Juesuan.Audit.Tests", "Fixtures", "zhenan-2023.json")).Value!;
        var samples = Path.Combine(Paths.Root, "..", "shared", "samples");
        _xigongText = File.ReadAllText(Path.Combine(samples, "xigong-2022-final-accounts.txt"));
        _zhenanText = File.ReadAllText(Path.Combine(samples, "zhenan-2023-final-accounts.txt"));
        _quxianText = File.ReadAllText(Path.Combine(samples, "quxian-2022-final-accounts.txt"));
        _putuoPdf = Path.Combine(samples, "pdf", "putuo-finance-bureau-2024-final-accounts.pdf");
    }

    private string _putuoPdf = null!;

    [Benchmark(Description = "import Putuo PDF (25 pages) with PdfPig")]
    public Juesuan.Application.Loaded ImportPutuoPdf() => _reports.ReadFile(_putuoPdf);

    private static readonly Juesuan.Application.JuesuanOptions Options = new();
    private readonly Juesuan.Application.Reports _reports = new(new Juesuan.Application.Library(Options), Options);

    [Benchmark(Description = "pdftotext -layout, same PDF (reference)")]
    public int PdftotextLayout()
    {
        using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", _putuoPdf, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output.Length;
    }

    [Benchmark(Description = "import xigong-2022 text (1,397 lines)")]
    public Juesuan.Formats.ImportResult ImportXigong() => Juesuan.Import.Text.TextReportReader.Read(_xigongText, "xigong.txt");

    [Benchmark(Description = "import zhenan-2023 text (706 lines)")]
    public Juesuan.Formats.ImportResult ImportZhenan() => Juesuan.Import.Text.TextReportReader.Read(_zhenanText, "zhenan.txt");

    [Benchmark(Description = "import quxian-2022 text (narrative and 23 self-evaluation forms)")]
    public Juesuan.Formats.ImportResult ImportQuxian() => Juesuan.Import.Text.TextReportReader.Read(_quxianText, "quxian.txt");

    [Benchmark(Description = "audit example (3 units, 9 tables, 31 claims)")]
    public AuditReport AuditExample() => _audits.Audit(_example);

    [Benchmark(Description = "audit zhenan-2023 fixture (9 tables, 26 claims)")]
    public AuditReport AuditZhenan() => _audits.Audit(_zhenan);

    private static readonly Juesuan.Application.JuesuanOptions RunOptions = new();
    private readonly Juesuan.Application.Audits _audits = new(RunOptions, new Juesuan.Application.Library(RunOptions));
}

[MemoryDiagnoser]
[MedianColumn]
public class DocumentBenchmarks
{
    private DepartmentYear _example = null!;

    [GlobalSetup]
    public void Setup() => _example = DepartmentYearJson.ReadFile(Paths.Example).Value!;

    [Benchmark(Description = "HTML disclosure of the example, 7 SVG charts drawn anew")]
    public string Html()
    {
        Juesuan.Documents.Disclosure.Chart.ForgetDrawings();
        return Juesuan.Documents.Disclosure.DisclosureHtml.Render(Juesuan.Documents.Disclosure.DisclosureBuilder.Build(_example));
    }

    [Benchmark(Description = "HTML disclosure of the example, 7 SVG charts kept from before")]
    public string HtmlKept() => Juesuan.Documents.Disclosure.DisclosureHtml.Render(Juesuan.Documents.Disclosure.DisclosureBuilder.Build(_example));

    [Benchmark(Description = "HTML disclosure of the example, without charts")]
    public string HtmlWithoutCharts() => Juesuan.Documents.Disclosure.DisclosureHtml.Render(Juesuan.Documents.Disclosure.DisclosureBuilder.Build(_example, charts: false));

    [Benchmark(Description = "DOCX disclosure of the example, 7 PNG charts drawn anew")]
    public long Docx()
    {
        Juesuan.Documents.Disclosure.Chart.ForgetDrawings();
        using var stream = new MemoryStream();
        Juesuan.Documents.Disclosure.DisclosureDocx.Write(Juesuan.Documents.Disclosure.DisclosureBuilder.Build(_example), stream);
        return stream.Length;
    }

    [Benchmark(Description = "DOCX disclosure of the example, 7 PNG charts kept from before")]
    public long DocxKept()
    {
        using var stream = new MemoryStream();
        Juesuan.Documents.Disclosure.DisclosureDocx.Write(Juesuan.Documents.Disclosure.DisclosureBuilder.Build(_example), stream);
        return stream.Length;
    }

    [Benchmark(Description = "DOCX disclosure of the example, without charts")]
    public long DocxWithoutCharts()
    {
        using var stream = new MemoryStream();
        Juesuan.Documents.Disclosure.DisclosureDocx.Write(Juesuan.Documents.Disclosure.DisclosureBuilder.Build(_example, charts: false), stream);
        return stream.Length;
    }
}

internal static class Paths
{
    public static string Root { get; } = Find();

    public static string Example => Path.Combine(Root, "examples", "qingshi-2024.json");

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Juesuan.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Juesuan.slnx not found");
    }
}
