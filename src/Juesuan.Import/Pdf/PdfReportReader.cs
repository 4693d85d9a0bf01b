using System.Text.RegularExpressions;
using Juesuan.Formats;
using Juesuan.Domain.Model;
using Juesuan.Domain.Reference;
using Juesuan.Domain.Templates;
using Juesuan.Import.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using UglyToad.PdfPig.Exceptions;

namespace Juesuan.Import.Pdf;

/// <summary>
/// Reads a published report from its PDF with PdfPig. Narrative pages become lines by clustering words on their
/// baselines. Each public table (found by its title) is rebuilt from word positions: rows are anchored on their code or
/// label words, wrapped label lines attach to the row above, each number goes to the nearest row and to the column whose
/// header it sits under — so blank cells stay blank instead of shifting the next number left. The rebuilt rows are then
/// read by the text reader, so PDF and text share one set of table and narrative rules. Page numbers are kept.
/// </summary>
public static partial class PdfReportReader
{
    /// <summary>One word with its page and box (left to right along the baseline, one font size high), text normalised.</summary>
    internal sealed record PdfWord(int Page, string Text, double Left, double Right, double Bottom, double Height)
    {
        public double Center => (Left + Right) / 2;

        public bool IsNumber => ReportText.IsNumber(Text) && Text.Contains('.', StringComparison.Ordinal);
    }

    /// <summary>Reads a PDF file.</summary>
    public static ImportResult ReadFile(string path) => ReadFile(path, alwaysParseFontPrograms: false);

    /// <summary>
    /// Pays PdfPig's one-time costs now — the type initialisers that parse the 14 standard fonts' metrics and build the
    /// system-font finder's name tables, some 100 ms of a process's first PDF (issue 19, measured with dotnet-trace) — so a
    /// command can start it beside other work before reading a PDF.
    /// </summary>
    public static void Warm()
    {
        System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(typeof(UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14).TypeHandle);
        System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(typeof(UglyToad.PdfPig.Fonts.SystemFonts.SystemFontFinder).TypeHandle);
    }

    /// <summary>
    /// Reads a PDF file; embedded font programs are parsed only when a character's text needs them (see
    /// <see cref="TextOnlyParsing"/>), unless <paramref name="alwaysParseFontPrograms"/>.
    /// </summary>
    internal static ImportResult ReadFile(string path, bool alwaysParseFontPrograms)
    {
        ArgumentNullException.ThrowIfNull(path);
        return InputFile.ReadBytes(path, out var error) is { } content
            ? Read(content, Path.GetFileName(path), alwaysParseFontPrograms)
            : new ImportResult(null, [], error);
    }

    /// <summary>
    /// Reads a PDF from the bytes of an input named <paramref name="file"/>, its tables and sections matched against
    /// the templates of <paramref name="reference"/> (the embedded ones when none is given).
    /// </summary>
    public static ImportResult Read(byte[] content, string file, ReferenceData? reference = null) => Read(content, file, alwaysParseFontPrograms: false, reference);

    private static ImportResult Read(byte[] content, string file, bool alwaysParseFontPrograms, ReferenceData? reference = null)
    {
        // The whole read counts, its words and its report: another PDF's pages wait for the cores this one uses.
        using var reading = Reading.Enter();
        return ReadWordsOf(content, file, alwaysParseFontPrograms, out var words, out var pageCount) is { } error
            ? new ImportResult(null, [], error)
            : FromWords(words, pageCount, file, reference);
    }

    /// <summary>
    /// The words of a PDF with their boxes, or the reason it cannot be read. <paramref name="pageThreads"/> fixes how many
    /// threads read the pages (tests); by default it depends on what else the process is reading (see ReadWords).
    /// </summary>
    internal static string? ReadWordsOf(byte[] content, string file, bool alwaysParseFontPrograms, out List<PdfWord> words, out int pageCount, int? pageThreads = null)
    {
        words = [];
        pageCount = 0;
        try
        {
            (words, pageCount, var letters) = TextOnlyParsing.Read(content, (document, another) => ReadWords(document, another, pageThreads), alwaysParseFontPrograms);
            // Kept with the bytes: an audit of this PDF locates its findings on these letters instead of reading it again.
            PdfLocator.Remember(content, letters);
            return null;
        }
        catch (PdfDocumentEncryptedException)
        {
            return $"{file} 是加密的 PDF，无法读取；请提供未加密的文件。";
        }
        catch (ImportLimitException e)
        {
            return $"{file}：{e.Message}";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The library's words stay out of the message: a user can act on 「损坏」, not on a parser's exception.
            return $"{file} 不是可读取的 PDF：文件已损坏、不完整，或不是 PDF（{(e is IOException or UnauthorizedAccessException ? "无法读取文件" : "无法解析文件结构")}）。";
        }
    }

    /// <summary>
    /// Reads a report from the words a PDF gave (tables rebuilt from their positions, lines from their baselines). The
    /// corpus runner passes words it has changed, so a defect is injected before tables and sentences are built.
    /// </summary>
    internal static ImportResult FromWords(IReadOnlyList<PdfWord> words, int pageCount, string file, ReferenceData? reference = null)
    {
        reference ??= ReferenceData.Embedded;
        var issues = new List<ImportIssue>();
        var pagesWithText = words.Select(w => w.Page).Distinct().ToHashSet();
        var scanned = Enumerable.Range(1, pageCount).Where(p => !pagesWithText.Contains(p)).ToArray();
        if (pagesWithText.Count == 0)
        {
            return new ImportResult(null, [], $"{file} 的 {pageCount} 页都没有文字层（可能是扫描件），需要先做文字识别（OCR）后再导入。");
        }

        if (scanned.Length > 0)
        {
            issues.Add(new ImportIssue(new SourceLocation { File = file }, $"第 {string.Join("、", scanned)} 页没有文字（空白页，或扫描的图片），这些页没有读取。"));
        }

        var headers = new List<PrintedLabel>();
        var lines = Lines(words, issues, file, headers, reference.Templates);
        return TextReportReader.Read(lines, file, issues, headers, reference);
    }

    /// <summary>The text of each page of a PDF, its letters in the order they are drawn (see <see cref="TextOnlyParsing"/>).</summary>
    public static IReadOnlyList<string> PageTexts(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return TextOnlyParsing.Read(File.ReadAllBytes(path), document => document.GetPages().Select(p => p.Text).ToArray());
    }

    /// <summary>
    /// The words of every page, in page order. A PDF read alone in its process (a command given one file, a workbench
    /// with one upload in hand) has its pages read on up to <see cref="PageThreads"/> threads, each with a document of its
    /// own, pages dealt out in turn (issue 19: the page reading was half of a one-file import, on one core); beside other
    /// reads or inside a batch (<see cref="Reading"/>), on one. The words are the same either way. <paramref name="another"/>
    /// is null for the read with font programs, which stays on one thread: each document would parse them again.
    /// </summary>
    private static (List<PdfWord> Words, int Pages, PdfLocator.PageLetters[] Letters) ReadWords(PdfDocument document, Func<PdfDocument>? another, int? fixedThreads)
    {
        var pages = document.NumberOfPages;
        if (pages > ImportLimits.Current.PdfPages)
        {
            throw new ImportLimitException($"PDF 有 {pages} 页，超过上限 {ImportLimits.Current.PdfPages}（JUESUAN_LIMIT_PDF_PAGES），未导入。");
        }

        var threads = another is null ? 1 : fixedThreads ?? Reading.PageThreads(pages, Reading.Reports, Reading.Batches, PageThreads, MinimumPagesPerThread);
        var letters = new PdfLocator.PageLetters[pages];
        if (threads <= 1)
        {
            var words = new List<PdfWord>();
            foreach (var page in document.GetPages())
            {
                words.AddRange(WordsOf(page));
                letters[page.Number - 1] = PdfLocator.LettersOf(page);
            }

            return (words, pages, letters);
        }

        var byPage = new List<PdfWord>[pages];
        try
        {
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                using var own = t == 0 ? null : another!();
                var read = own ?? document;
                for (var number = t + 1; number <= pages; number += threads)
                {
                    var page = read.GetPage(number);
                    byPage[number - 1] = WordsOf(page);
                    letters[number - 1] = PdfLocator.LettersOf(page);
                }
            });
        }
        catch (AggregateException e)
        {
            // As one thread would have thrown it, so the callers' filters see its type: running out of memory first (it
            // must not be taken for a damaged file), else the first.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions.FirstOrDefault(x => x is OutOfMemoryException) ?? e.InnerExceptions[0]);
        }

        return ([.. byPage.SelectMany(w => w)], pages, letters);
    }

    /// <summary>The most threads one PDF's pages are read on (the cores, at most four: each opens the document again).</summary>
    internal static int PageThreads => Math.Clamp(Environment.ProcessorCount, 1, 4);

    // Fewer pages a thread than this are read on fewer threads: a document opened again costs about a page's reading.
    private const int MinimumPagesPerThread = 4;

    private static List<PdfWord> WordsOf(Page page) =>
        page.GetWords(NearestNeighbourWordExtractor.Instance).Select(w => ToWord(page, w)).Where(w => w.Text.Length > 0).ToList();

    // The box along the baseline, from where the first letter starts to where the last one ends, one font size high:
    // these come from the font dictionary's widths, so they hold whether or not the font program was parsed.
    private static PdfWord ToWord(Page page, Word word)
    {
        var letters = word.Letters;
        var left = letters.Min(l => Math.Min(l.StartBaseLine.X, l.EndBaseLine.X));
        var right = letters.Max(l => Math.Max(l.StartBaseLine.X, l.EndBaseLine.X));
        var baseline = letters.Min(l => l.StartBaseLine.Y);
        var size = letters.Max(l => l.PointSize);
        return new(page.Number, PrintedText.Normalize(word.Text).Trim(), left, right, baseline, size);
    }

    /// <summary>The document as lines: narrative lines from baselines, tables as rebuilt tab-separated rows.</summary>
    internal static List<ReportLine> Lines(IReadOnlyList<PdfWord> words, List<ImportIssue> issues, string file, List<PrintedLabel>? headers = null, TemplateSet? templates = null)
    {
        templates ??= TemplateSet.Embedded;
        var ordered = words.OrderBy(w => w.Page).ThenByDescending(w => w.Bottom).ThenBy(w => w.Left).ToList();
        var titles = ordered.Select((w, i) => (w, i)).Where(x => templates.MatchAnyTitle(x.w.Text) is not null).ToList();
        var output = new List<(int Page, double Y, string Text)>();
        var consumed = new bool[ordered.Count];
        for (var t = 0; t < titles.Count; t++)
        {
            var start = titles[t].i;
            var end = t + 1 < titles.Count ? titles[t + 1].i : ordered.Count;
            var partEnd = Enumerable.Range(start + 1, Math.Max(0, end - start - 1)).FirstOrDefault(i => Part().IsMatch(ordered[i].Text) || ReportText.IsSectionHeading(ordered[i].Text, templates), -1);
            if (partEnd >= 0)
            {
                end = partEnd;
            }

            // A note under the table (注：…) ends its rows; the note itself is read as text after them.
            var noteStart = Enumerable.Range(start + 1, Math.Max(0, end - start - 1)).FirstOrDefault(i => NoteStart().IsMatch(ordered[i].Text), -1);
            if (noteStart >= 0)
            {
                end = noteStart;
            }

            for (var i = start; i < end; i++)
            {
                consumed[i] = true;
            }

            var title = ordered[start];
            var template = templates.MatchAnyTitle(title.Text)!;
            var block = ordered.Skip(start + 1).Take(end - start - 1).ToList();
            var rebuilt = TableLines(title, templates.Definition(template.Definition), block, issues, file);
            output.Add((title.Page, title.Bottom, title.Text));
            // The unit (「单位：万元」, 「金额单位：元」), not the 「单位名称：」 label beside it.
            var unit = block.FirstOrDefault(w => w.Text.Contains("单位", StringComparison.Ordinal) && !w.Text.Contains("名称", StringComparison.Ordinal))?.Text ?? "单位：万元";
            output.Add((title.Page, title.Bottom - 0.01, unit.StartsWith("单位", StringComparison.Ordinal) || unit.Contains("：", StringComparison.Ordinal) ? unit : "单位：万元"));

            // The column headers above the first row of figures are labels (a placeholder left in them is a finding),
            // though not lines: the rows are rebuilt from positions without them.
            // Only a block with figures is a table (a 目录 line naming it is not); its header is what comes before the first row.
            if (headers is not null && block.FindIndex(w => w.IsNumber) is var firstNumber and > 0 && block.Count(w => w.IsNumber) >= 3)
            {
                var row = block[firstNumber];
                var above = block.Take(firstNumber).Where(w => w.Page == row.Page && w.Bottom > row.Bottom + 2.5 && !ReportText.StartsWithUnitNameLabel(w.Text));
                headers.AddRange(BaselineLines(above).Select(line => new PrintedLabel
                {
                    Kind = LabelKind.TableHeader, Text = Join(line), Source = new SourceLocation { File = file, Page = row.Page, Table = title.Text },
                }));
            }
            else if (headers is not null && block.Count(w => w.IsNumber) < 3 && !ReportText.IsContentsEntry(title.Text))
            {
                // A table without figures (an empty table, a blank template): its header is the lines under the title
                // on its page before the first row (a code or 合计), that are not sentences.
                var under = block.Where(w => w.Page == title.Page && !ReportText.StartsWithUnitNameLabel(w.Text));
                headers.AddRange(BaselineLines(under)
                    .TakeWhile(line => !line[0].Text.All(char.IsAsciiDigit) && !line[0].Text.StartsWith("合计", StringComparison.Ordinal))
                    .Select(Join).Where(text => !text.Any(ch => ch is '，' or '。' or '；')).Take(8).Select(text => new PrintedLabel
                {
                    Kind = LabelKind.TableHeader, Text = text, Source = new SourceLocation { File = file, Page = title.Page, Table = title.Text },
                }));
            }

            // The header line naming the unit (「编制单位：…」, 「单位名称：」 left empty) is kept: the name a reviewer checks.
            if (block.FirstOrDefault(w => ReportText.StartsWithUnitNameLabel(w.Text)) is { } named)
            {
                var onLine = block.Where(w => w.Page == named.Page && Math.Abs(w.Bottom - named.Bottom) <= 2.5 && w.Left >= named.Left && !w.IsNumber)
                    .OrderBy(w => w.Left).TakeWhile(w => !w.Text.Contains("单位：", StringComparison.Ordinal) || w == named).ToList();
                output.Add((title.Page, title.Bottom - 0.015, Join(onLine)));
            }
            output.AddRange(rebuilt.Select((line, k) => (line.Page, title.Bottom - 0.02 - (k * 0.0001), line.Text)));
        }

        // Everything outside the tables: lines by baseline, words joined as printed.
        var rest = ordered.Where((_, i) => !consumed[i]).ToList();
        foreach (var line in BaselineLines(rest))
        {
            output.Add((line[0].Page, line[0].Bottom, Join(line)));
        }

        // Tables keep their position in the document: order by page, then top to bottom.
        return output
            .Select((o, k) => (o, k))
            .OrderBy(x => x.o.Page).ThenByDescending(x => x.o.Y).ThenBy(x => x.k)
            .Select((x, n) => new ReportLine(n + 1, x.o.Text) { Page = x.o.Page })
            .ToList();
    }

    /// <summary>Words grouped into lines by baseline (2.5 pt tolerance), left to right.</summary>
    internal static IEnumerable<List<PdfWord>> BaselineLines(IEnumerable<PdfWord> words)
    {
        foreach (var page in words.GroupBy(w => w.Page).OrderBy(g => g.Key))
        {
            var line = new List<PdfWord>();
            foreach (var word in page.OrderByDescending(w => w.Bottom))
            {
                if (line.Count > 0 && Math.Abs(line[0].Bottom - word.Bottom) > 2.5)
                {
                    yield return line.OrderBy(w => w.Left).ToList();
                    line = [];
                }

                line.Add(word);
            }

            if (line.Count > 0)
            {
                yield return line.OrderBy(w => w.Left).ToList();
            }
        }
    }

    /// <summary>Joins a line's words: Chinese runs directly, a gap wider than 0.45 em (the word's font size is its height) as a space.</summary>
    private static string Join(IReadOnlyList<PdfWord> line)
    {
        var sb = new System.Text.StringBuilder(line[0].Text);
        for (var i = 1; i < line.Count; i++)
        {
            var gap = line[i].Left - line[i - 1].Right;
            sb.Append(gap > line[i].Height * 0.45 ? " " : string.Empty).Append(line[i].Text);
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"^第[一二三四五六七八九十]+部分")]
    private static partial Regex Part();


    [GeneratedRegex(@"^(注|说明)\s*\d?\s*[：:]")]
    private static partial Regex NoteStart();
}
