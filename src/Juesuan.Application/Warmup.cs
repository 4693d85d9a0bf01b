using Juesuan.Domain.Reference;
using Juesuan.Formats.Json;
using Juesuan.Documents.Disclosure;
using Juesuan.Import.Pdf;

namespace Juesuan.Application;

/// <summary>
/// One-time costs of a short-lived process paid beside its start, on another core (issue 19): the reference data
/// (templates, catalogues, scoring rules), PdfPig's font tables when PDFs are to be read, PDFsharp when they are printed
/// (the 目录's pages are spliced into the print with it), and the department-year JSON
/// metadata. Each is what the command would pay anyway, in the order it needs them; a command that needs one before the
/// warm-up reaches it simply waits for it (a type's initialisation runs once). Nothing here changes a result.
/// </summary>
public static class Warmup
{
    /// <summary>
    /// Starts the warm-up in the background: PdfPig's font tables when the command reads PDFs, PDFsharp when it prints them,
    /// the department-year JSON metadata of reading when it reads JSON (a file, the store) and of writing when it writes
    /// JSON (a file, the store). A part the command does not need is left out: on
    /// two cores it would slow the command's own work.
    /// </summary>
    /// <remarks>
    /// Each part runs on a thread of its own, not the thread pool's: the pool starts with a thread a core, and a warm-up
    /// holding them would keep the command's own work queued until one is free (a PDF's words waited ≈ 0.2 s so).
    /// </remarks>
    public static void Start(bool readsPdfs, bool printsPdfs, bool readsJson, bool writesJson)
    {
        Run(() =>
        {
            // The parts in the order a command meets them: templates to read a report, catalogues to check it.
            var reference = ReferenceData.Embedded;
            _ = reference.Templates.Default;
            _ = reference.Catalogs;
            _ = reference.FallbackScoring;
        });
        if (readsPdfs || printsPdfs || readsJson || writesJson)
        {
            Run(() =>
            {
                if (readsPdfs)
                {
                    PdfReportReader.Warm();
                }

                if (printsPdfs)
                {
                    DisclosurePdf.WarmSplicing();
                }

                if (writesJson)
                {
                    DepartmentYearJson.Prepare(reading: false);
                }

                if (readsJson)
                {
                    DepartmentYearJson.Prepare(reading: true);
                }
            });
        }
    }

    private static void Run(Action warm) => _ = Task.Factory.StartNew(warm, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
