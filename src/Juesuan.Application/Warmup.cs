using Juesuan.Domain.Model;
using Juesuan.Domain.Reference;
using Juesuan.Formats.Json;
using Juesuan.Import.Pdf;

namespace Juesuan.Application;

/// <summary>
/// One-time costs of a short-lived process paid beside its start, on another core (issue 19): the reference data
/// (templates, catalogues, scoring rules), PdfPig's font tables when PDFs are to be read, and the department-year JSON
/// metadata. Each is what the command would pay anyway, in the order it needs them; a command that needs one before the
/// warm-up reaches it simply waits for it (a type's initialisation runs once). Nothing here changes a result.
/// </summary>
public static class Warmup
{
    /// <summary>Starts the warm-up in the background; <paramref name="pdfs"/> when the command will read PDFs.</summary>
    public static void Start(bool pdfs)
    {
        _ = Task.Run(() => _ = ReferenceData.Embedded.Templates.Default);
        _ = Task.Run(() =>
        {
            if (pdfs)
            {
                PdfReportReader.Warm();
            }

            _ = DepartmentYearJson.Options.GetTypeInfo(typeof(DepartmentYear));
        });
    }
}
