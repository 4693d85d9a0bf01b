using Juesuan.Documents.Disclosure;
using Juesuan.Domain.Model;

namespace Juesuan.Documents.Evaluations;

/// <summary>
/// Self-evaluation forms on their own as a Word document, one form per page, in the province's layout; written by the
/// disclosure's DOCX writer (宋体 with the East Asian language set, merged 一级/二级 cells through vertical merge).
/// </summary>
public static class EvaluationDocx
{
    /// <summary>Writes every evaluation of a department-year to <paramref name="path"/>.</summary>
    public static void Write(DepartmentYear year, string path) => DisclosureDocx.Write(EvaluationHtml.Forms(year), path);

    /// <summary>Writes the self-evaluation forms as Word to a stream.</summary>
    public static void Write(DepartmentYear year, Stream stream) => Write(year, stream, null);

    /// <summary>The forms as DOCX with <paramref name="watermark"/> on every page when given (「审核未通过」).</summary>
    public static void Write(DepartmentYear year, Stream stream, string? watermark) => DisclosureDocx.Write(EvaluationHtml.Forms(year) with { Watermark = watermark }, stream);
}
