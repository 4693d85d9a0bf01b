using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Juesuan.Documents.AuditReports;

/// <summary>One item of an audit letter's list of problems: what is wrong and where it is printed.</summary>
/// <param name="Text">The finding's message.</param>
/// <param name="Pages">The pages of the original PDF its figures are on (none for other inputs).</param>
/// <param name="Lines">The lines of the original text its figures are on (none for PDF).</param>
/// <param name="Note">The reviewer's word on it (审核意见), or 已整改, or null.</param>
public sealed record AuditLetterItem(string Text, IReadOnlyList<int> Pages, IReadOnlyList<int> Lines, string? Note = null)
{
    /// <summary>Where it is, as the letter says it: 「第 21 页」, 「第 3、5 页」, 「第 12 行」, or empty.</summary>
    public string Where => Pages.Count > 0 ? $"第{string.Join("、", Pages)}页" : Lines.Count > 0 ? $"第{string.Join("、", Lines)}行" : string.Empty;
}

/// <summary>
/// An audit letter (审核意见书) from a reviewing office to a department: who sends it (单位, 文号), to whom, about which
/// report, the problems to correct and the matters to verify with their pages, what is required (整改要求) and by when,
/// and the date.
/// </summary>
public sealed record AuditLetter
{
    /// <summary>The issuing office (发文单位), e.g. 某县财政局.</summary>
    public required string Issuer { get; init; }

    /// <summary>The letter's number (文号), e.g. 某财审〔2026〕3号; none when not yet numbered.</summary>
    public string? Number { get; init; }

    /// <summary>The department it is sent to (主送).</summary>
    public required string Addressee { get; init; }

    /// <summary>What was reviewed, e.g. 2024年度部门决算公开.</summary>
    public required string Subject { get; init; }

    /// <summary>How many rules the audit ran (said in the opening paragraph).</summary>
    public int RulesRun { get; init; }

    /// <summary>Problems to correct (errors the reviewer did not reject).</summary>
    public IReadOnlyList<AuditLetterItem> Problems { get; init; } = [];

    /// <summary>Matters to verify or explain (warnings the reviewer did not reject).</summary>
    public IReadOnlyList<AuditLetterItem> Matters { get; init; } = [];

    /// <summary>The date the corrected report is due, or none.</summary>
    public DateOnly? Deadline { get; init; }

    /// <summary>The letter's date (成文日期).</summary>
    public required DateOnly Date { get; init; }

    /// <summary>
    /// True for a remediation notice (整改通知): the findings still open across a department's documents of a year, after
    /// what was corrected or rejected as a false alarm is left out — rather than one document's audit letter.
    /// </summary>
    public bool Notice { get; init; }
}

/// <summary>
/// Writes an <see cref="AuditLetter"/> as a DOCX in the layout of official documents (GB/T 9704-2012 党政机关公文格式):
/// A4 with 37/35/28/26 mm margins, the issuer in red over a red rule, the number on the right, the title in 小标宋 二号,
/// the body in 仿宋 三号 on a fixed 28.9 pt line (22 lines a page), headings in 黑体, the issuer and the date at the end,
/// page numbers as 「— 1 —」.
/// </summary>
public static class AuditLetterDocx
{
    private const string Title = "方正小标宋简体";
    private const string Body = "仿宋_GB2312";
    private const string Heading = "黑体";
    private const int BodySize = 32;        // 三号 (16 pt) in half-points
    private const string Line = "578";      // 28.9 pt exact, in twips

    /// <summary>Writes <paramref name="letter"/> to <paramref name="stream"/>.</summary>
    public static void Write(AuditLetter letter, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(letter);
        using var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        var main = word.AddMainDocumentPart();
        var footer = Docx.PageNumberFooter(main, "— ", " —", 28, "宋体");

        var body = new Body();
        // 发文机关标志 in red, a red rule under it, the number on the right.
        body.Append(Paragraph(letter.Issuer, Title, 72, center: true, color: "FF0000", spacingAfter: 200, line: null));
        body.Append(new Paragraph(new ParagraphProperties(new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 12, Color = "FF0000", Space = 1 }),
            new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }, new Justification { Val = JustificationValues.Right }),
            Docx.Run(letter.Number ?? string.Empty, BodySize, Body)));
        body.Append(Paragraph(string.Empty, Body, BodySize));
        body.Append(Paragraph(letter.Notice ? $"关于{letter.Addressee}{letter.Subject}问题整改的通知" : $"关于{letter.Addressee}{letter.Subject}的审核意见书", Title, 44, center: true, line: "700"));
        body.Append(Paragraph(string.Empty, Body, BodySize));
        body.Append(Paragraph($"{letter.Addressee}：", Body, BodySize));

        var rules = letter.RulesRun > 0 ? $"按 {letter.RulesRun} 项规则" : string.Empty;
        var found = letter.Problems.Count + letter.Matters.Count == 0
            ? "未发现需要更正或说明的问题。"
            : $"发现需要更正的问题 {letter.Problems.Count} 个、需要核实或说明的事项 {letter.Matters.Count} 个。现将审核意见函告如下。";
        body.Append(Paragraph(letter.Notice
            ? letter.Problems.Count + letter.Matters.Count == 0
                ? $"经审核，你单位{letter.Subject}中此前指出的问题均已整改或经核实无误。"
                : $"经审核，你单位{letter.Subject}中尚有需要更正的问题 {letter.Problems.Count} 个、需要核实或说明的事项 {letter.Matters.Count} 个未整改（已更正或经核实为误报的不再列出）。现通知如下。"
            : $"你单位{letter.Subject}文本已收悉。我局{rules}对其表内、表间及情况说明与表格的一致性进行了审核，{found}", Body, BodySize, indent: true));

        var section = 0;
        if (letter.Problems.Count > 0)
        {
            body.Append(Paragraph($"{Numerals[section++]}、需要更正的问题", Heading, BodySize, indent: true));
            body.Append(Items(letter.Problems));
        }

        if (letter.Matters.Count > 0)
        {
            body.Append(Paragraph($"{Numerals[section++]}、需要核实或说明的事项", Heading, BodySize, indent: true));
            body.Append(Items(letter.Matters));
        }

        body.Append(Paragraph($"{Numerals[section]}、整改要求", Heading, BodySize, indent: true));
        var due = letter.Deadline is { } deadline ? $"于{Date(deadline)}前" : "及时";
        body.Append(Paragraph(letter.Problems.Count + letter.Matters.Count == 0
            ? "请按规定时限和要求做好公开工作，并妥善保存公开文本备查。"
            : $"请对照上述问题逐项核实：属于错误的予以更正，属于口径或事实差异的在情况说明中予以说明，{due}将更正后的公开文本及整改情况说明报送我局；已公开的，应同时更新公开内容。", Body, BodySize, indent: true));

        // 发文机关署名 and 成文日期, right, four characters in from the edge as the standard shows them.
        body.Append(Paragraph(string.Empty, Body, BodySize));
        body.Append(Paragraph(letter.Issuer, Body, BodySize, right: true, rightIndent: 1280));
        body.Append(Paragraph(Date(letter.Date), Body, BodySize, right: true, rightIndent: 640));

        body.Append(new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 2098, Bottom = 1984, Left = 1588U, Right = 1474U, Header = 851U, Footer = 992U, Gutter = 0U }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    private static readonly string[] Numerals = ["一", "二", "三", "四"];

    private static IEnumerable<Paragraph> Items(IReadOnlyList<AuditLetterItem> items) =>
        items.Select((item, i) =>
        {
            var where = item.Where.Length > 0 ? $"（{item.Where}）" : string.Empty;
            var note = item.Note is { Length: > 0 } n ? $"（{n}）" : string.Empty;
            return Paragraph($"{i + 1}. {item.Text.TrimEnd('。')}{where}。{note}", Body, BodySize, indent: true);
        });

    private static string Date(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    private static Paragraph Paragraph(string text, string font, int size, bool center = false, bool right = false, bool indent = false,
        string? color = null, int spacingAfter = 0, string? line = Line, int rightIndent = 0)
    {
        var properties = new ParagraphProperties();
        var spacing = new SpacingBetweenLines { Before = "0", After = spacingAfter.ToString(CultureInfo.InvariantCulture) };
        if (line is not null)
        {
            spacing.Line = line;
            spacing.LineRule = LineSpacingRuleValues.Exact;
        }

        properties.Append(spacing);
        if (indent || rightIndent > 0)
        {
            // Two characters of 三号 in: 640 twips.
            var indentation = new Indentation();
            if (indent)
            {
                indentation.FirstLine = "640";
            }

            if (rightIndent > 0)
            {
                indentation.Right = rightIndent.ToString(CultureInfo.InvariantCulture);
            }

            properties.Append(indentation);
        }

        if (center || right)
        {
            properties.Append(new Justification { Val = center ? JustificationValues.Center : JustificationValues.Right });
        }

        return new Paragraph(properties, Docx.Run(text, size, font, color: color));
    }
}
