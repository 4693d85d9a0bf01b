using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Juesuan.Formats;
using Juesuan.Domain.Model;
using Juesuan.Domain.Templates;
using Juesuan.Formats.Excel;
using Juesuan.Formats.Json;
using Juesuan.TestSupport;

namespace Juesuan.Import.Tests;

public sealed class WorkbookTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"juesuan-{Guid.NewGuid():N}.xlsx");

    private static DepartmentYear Example => DepartmentYearJson.ReadFile(Paths.Example).Value!;

    [Fact]
    public void Export_then_import_keeps_every_table_unit_and_reference()
    {
        var original = Example;
        Workbook.Write(original, _path);
        var result = Workbook.Read(_path);
        Assert.True(result.Success, result.Error);
        Assert.Empty(result.Issues);
        var back = result.Value!;

        // The workbook carries the figures and the details (三公 counts, 会议费/培训费, 机关运行经费, 政府采购, 国有资产, 人员),
        // the narrative as written and the self-evaluation forms: the same department-year, field by field.
        Assert.NotNull(original.ThreePublic);
        Assert.NotEmpty(original.Evaluations);
        Assert.Equal(Comparable(original), Comparable(back with { Narrative = original.Narrative }));
        Assert.Equal(original.Narrative.Sections, back.Narrative.Sections);

        // Every cell read holds its template's own instance of its column key, as the other readers give it.
        Assert.All(back.Tables.Concat(back.Units.SelectMany(u => u.Tables)).SelectMany(t => t.Rows.SelectMany(r => r.Cells).Select(c => (Cell: c, Definition: TemplateLibrary.Definition(t.Definition)))),
            x => Assert.Same(x.Definition.Column(x.Cell.Column)!.Key, x.Cell.Column));
    }

    public static TheoryData<string> ReadBack() => ["zhenan-2023-final-accounts.txt", "xigong-2022-final-accounts.txt", "quxian-2022-final-accounts.txt",
        "longxian-2022-final-accounts.txt", "heshui-2024-performance-self-evaluation.txt", "pdf/putuo-finance-bureau-2024-final-accounts.pdf",
        "pdf/shanghai-2024-final-accounts-template.pdf", "../corpus/swu-2023-final-accounts.pdf"];

    [SkippableTheory]
    [MemberData(nameof(ReadBack))]
    public void A_report_read_back_is_the_same_department_year_after_export_to_the_workbook_and_import(string file)
    {
        // 「export -f xlsx」 then 「import」: every stated field comes back — tables, units, details, reasons, references,
        // the narrative's sections as written (their statements read again from the text by the same grammar), the other
        // printed text, the self-evaluation forms. Not carried, by design: where each thing was printed (page, line), the
        // printed labels of a report (目录, 表头, dates: the document prints its own). The statements are read again from the
        // text (the narrative's sections, and the other text paragraph by paragraph as the report's reader took it) and
        // compared without where they were printed.
        var read = Importer.ReadFile(Path.Combine(Paths.RequireSamples(), file)).Value!;
        Workbook.Write(read, _path);
        var back = Importer.ReadFile(_path);
        Assert.True(back.Success, back.Error);
        Assert.Equal(Comparable(read), Comparable(back.Value!));
        Assert.Equal(Sections(read), Sections(back.Value!));
    }

    // The department-year as JSON, without what a workbook does not carry (see above); a blank cell and no cell say the
    // same, and a row's cells are compared by column, not by the order a report printed its columns in.
    private static string Comparable(DepartmentYear year)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(DepartmentYearJson.Write(year))!.AsObject();
        foreach (var key in new[] { "labels", "sources" })
        {
            node.Remove(key);
        }

        if (node["narrative"] is System.Text.Json.Nodes.JsonObject narrative)
        {
            foreach (var key in new[] { "claims" })
            {
                narrative.Remove(key);
            }
        }

        Strip(node);
        return node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        static void Strip(System.Text.Json.Nodes.JsonNode? n)
        {
            if (n is System.Text.Json.Nodes.JsonObject o)
            {
                o.Remove("source");
                foreach (var (_, value) in o.ToArray())
                {
                    Strip(value);
                }

                if (o["cells"] is System.Text.Json.Nodes.JsonArray cells)
                {
                    foreach (var blank in cells.OfType<System.Text.Json.Nodes.JsonObject>().Where(c => c.Count == 1).ToArray())
                    {
                        cells.Remove(blank);
                    }

                    if (cells.Count == 0)
                    {
                        o.Remove("cells");
                    }
                    else
                    {
                        // The sheet lists a table's columns in one order; a report may print them in another.
                        var ordered = cells.OrderBy(c => c!["column"]!.GetValue<string>(), StringComparer.Ordinal).Select(c => c!.DeepClone()).ToArray();
                        o["cells"] = new System.Text.Json.Nodes.JsonArray(ordered);
                    }
                }
            }
            else if (n is System.Text.Json.Nodes.JsonArray a)
            {
                foreach (var x in a)
                {
                    Strip(x);
                }
            }
        }
    }

    // The statements read from the narrative's sections, without where they were printed.
    private static string Sections(DepartmentYear year) => string.Join("\n", year.Narrative.Claims
        .Select(c => DepartmentYearJson.Write(new DepartmentYear { Department = year.Department, Year = year.Year, Narrative = new Narrative { Claims = [c with { Source = null }] } })));

    [Fact]
    public void The_blank_template_shows_amounts_as_0_00_in_open_bordered_cells_on_protected_sheets_with_validation()
    {
        var template = Juesuan.Domain.Reference.ReferenceData.Embedded.Templates.Find("national-2022")!;
        using (var file = File.Create(_path))
        {
            Workbook.Write(Workbook.Blank(template, 2025), file, template);
        }

        using var document = SpreadsheetDocument.Open(_path, false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var book = document.WorkbookPart!;
        var formats = book.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<DocumentFormat.OpenXml.Spreadsheet.CellFormat>().ToArray();
        Assert.Contains(book.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<DocumentFormat.OpenXml.Spreadsheet.NumberingFormat>(), f => f.FormatCode == "0.00");

        var sheet = book.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().First(x => x.Name!.Value!.StartsWith("05", StringComparison.Ordinal));
        var worksheet = ((WorksheetPart)book.GetPartById(sheet.Id!)).Worksheet;
        Assert.True(worksheet.Elements<DocumentFormat.OpenXml.Spreadsheet.SheetProtection>().Single().Sheet!.Value);
        DocumentFormat.OpenXml.Spreadsheet.Cell Cell(string reference) => worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Single(c => c.CellReference == reference);

        // An amount to type (row 12, the first row left for a code): 0.00, bordered, unlocked; the 合计's key (A11) locked;
        // the header bold.
        var amount = formats[(int)Cell("D12").StyleIndex!.Value];
        Assert.Equal(164U, amount.NumberFormatId!.Value);
        Assert.Equal(1U, amount.BorderId!.Value);
        Assert.False(amount.Protection!.Locked!.Value);
        Assert.Null(formats[(int)Cell("A11").StyleIndex!.Value].Protection);
        // The 合计 row's key 「total」 is kept for the reader and shown as nothing (「;;;」): no technical key on screen.
        var hidden = formats[(int)Cell("A11").StyleIndex!.Value].NumberFormatId!.Value;
        Assert.Contains(book.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<DocumentFormat.OpenXml.Spreadsheet.NumberingFormat>(), f => f.NumberFormatId! == hidden && f.FormatCode == ";;;");
        Assert.NotNull(formats[(int)Cell("D7").StyleIndex!.Value].FontId);
        Assert.Equal(1U, formats[(int)Cell("D7").StyleIndex!.Value].FontId!.Value);
        // The heading as printed: 科目编码, 名称, 行次 and each ungrouped column over two rows, 栏次 numbered under it.
        var merged = worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.MergeCell>().Select(m => m.Reference!.Value).ToArray();
        Assert.Contains("A7:A8", merged);
        Assert.Contains("D7:D8", merged);
        Assert.Contains("A9:C9", merged);
        Assert.Equal("栏次", Cell("A9").InlineString?.InnerText);
        Assert.Equal("1", Cell("D9").InlineString?.InnerText);
        // The clerk writes the 空表说明 (B5) too.
        Assert.False(formats[(int)Cell("B5").StyleIndex!.Value].Protection!.Locked!.Value);

        // Amounts must be numbers; the rows left for added codes take codes of 3, 5 or 7 digits, and their cells are open.
        var validations = worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.DataValidation>().ToArray();
        Assert.Contains(validations, v => v.Type?.Value == DocumentFormat.OpenXml.Spreadsheet.DataValidationValues.Decimal && v.SequenceOfReferences?.InnerText?.StartsWith("D11:", StringComparison.Ordinal) == true);
        // The rows for added codes offer the year's codes from the 科目代码 sheet (a code not listed there is allowed after
        // a warning), and show the name of the code chosen.
        var codes = Assert.Single(validations, v => v.Type?.Value == DocumentFormat.OpenXml.Spreadsheet.DataValidationValues.List);
        Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.DataValidationErrorStyleValues.Warning, codes.ErrorStyle?.Value);
        Assert.StartsWith("'科目代码'!$A$2:$A$", codes.Formula1?.Text, StringComparison.Ordinal);
        var added = (codes.SequenceOfReferences?.InnerText ?? string.Empty).Split(':')[0];
        Assert.False(formats[(int)Cell(added).StyleIndex!.Value].Protection!.Locked!.Value);
        Assert.Contains("VLOOKUP(A", Cell("B" + added[1..]).CellFormula?.Text, StringComparison.Ordinal);
        using (var listed = SpreadsheetDocument.Open(_path, false))
        {
            var list = listed.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(x => x.Name == "科目代码");
            var text = ((WorksheetPart)listed.WorkbookPart.GetPartById(list.Id!)).Worksheet.InnerText;
            Assert.Contains("2101101", text, StringComparison.Ordinal);
            Assert.Contains("行政单位医疗", text, StringComparison.Ordinal);
            Assert.Contains("30101", text, StringComparison.Ordinal);
        }

        // The 合计 adds the 类 typed below it (the added rows included) by a formula, and is locked.
        Assert.Equal("SUMPRODUCT((LEN($A$12:$A$31)=3)*D$12:D$31)", Cell("D11").CellFormula?.Text);
        // A 类 row counts its 款 above it too (a department's order may put one first), never its own cell.
        Assert.Null(formats[(int)Cell("D11").StyleIndex!.Value].Protection);

        // And it reads back as the blank it was.
        var back = Workbook.Read(_path);
        Assert.True(back.Success, back.Error);
        Assert.Empty(back.Issues);
        Assert.All(back.Value!.Tables.SelectMany(t => t.Rows), r => Assert.Empty(r.Cells));
    }

    [Fact]
    public void A_prepared_table_adds_up_by_formulas_and_a_filled_one_keeps_its_printed_figures()
    {
        // Next year's workbook: last year's codes, no figures — each 类 and 款 sums the rows below it by their codes.
        static IReadOnlyList<StatedTable> Emptied(IEnumerable<StatedTable> tables) => [.. tables.Select(t => t with { Rows = [.. t.Rows.Select(r => r with { Cells = [] })] })];
        var prepared = Example with { Tables = Emptied(Example.Tables), Units = [.. Example.Units.Select(u => u with { Tables = Emptied(u.Tables) })] };
        Workbook.Write(prepared, _path);
        using (var document = SpreadsheetDocument.Open(_path, false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
            var book = document.WorkbookPart!;
            var sheet = book.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().First(x => x.Name!.Value!.StartsWith("05", StringComparison.Ordinal));
            var cells = ((WorksheetPart)book.GetPartById(sheet.Id!)).Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToArray();
            string? Key(int row) => cells.FirstOrDefault(c => c.CellReference == $"A{row}")?.InlineString?.InnerText;
            var classRow = Enumerable.Range(11, 40).First(r => Key(r) is { Length: 3 } k && k.All(char.IsAsciiDigit));
            var formula = cells.Single(c => c.CellReference == $"D{classRow}").CellFormula?.Text;
            // Its 款 by name, wherever they stand, and the rows left for added codes by their codes — never a range over
            // the table's rows, which would run through other totals (a circle to Excel).
            var kuan = Enumerable.Range(11, 60).Where(r => Key(r) is { Length: 5 } k && k.StartsWith(Key(classRow)!, StringComparison.Ordinal)).ToArray();
            Assert.NotEmpty(kuan);
            Assert.StartsWith(string.Join("+", kuan.Select(r => $"D{r}")) + "+SUMPRODUCT((LEN($A$", formula, StringComparison.Ordinal);
            var addedFrom = formula![(formula!.IndexOf("LEN($A$", StringComparison.Ordinal) + 7)..].Split(':')[0];
            Assert.True(int.Parse(addedFrom, System.Globalization.CultureInfo.InvariantCulture) > kuan.Max(), "the masked range holds only the rows left for added codes");
            Assert.Contains($"=\"{Key(classRow)}\"", formula, StringComparison.Ordinal);
            // A 项 row is the clerk's to fill: no formula.
            var itemRow = Enumerable.Range(11, 40).First(r => Key(r) is { Length: 7 });
            Assert.Null(cells.Single(c => c.CellReference == $"D{itemRow}").CellFormula);
        }

        // The filled example keeps every printed figure: no formula in any amount (only the names of rows yet to add).
        Workbook.Write(Example, _path);
        using var filled = SpreadsheetDocument.Open(_path, false);
        Assert.DoesNotContain(filled.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()),
            c => c.CellFormula is not null && !c.CellReference!.Value!.StartsWith('B'));
    }

    [Fact]
    public void An_amount_keeps_the_places_its_cell_shows_when_excel_stores_it_shorter()
    {
        // Excel saves 138.60 typed into a 0.00 cell as 138.6, and 1.50 as 1.5; a figure printed 157.1 sits in a 0.0 cell.
        var example = Example;
        var table = example.Tables.First(t => t.Rows.Any(r => r.Cells.Any(c => c.Value is { Decimals: 2 })));
        var row = table.Rows.First(r => r.Cells.Any(c => c.Value is { Decimals: 2 }));
        var one = example with { Tables = [.. example.Tables.Select(t => t == table ? t with { Rows = [.. t.Rows.Select(r => r == row ? r with { Cells = [.. r.Cells.Select((c, i) => i == 0 ? c with { Value = Juesuan.Domain.Numbers.Printed.Parse("157.1").Value } : c)] } : r)] } : t)] };
        Workbook.Write(one, _path);
        EditSheets(xml => System.Text.RegularExpressions.Regex.Replace(xml, "<x:v>(-?[0-9]+\\.[0-9])0</x:v>", "<x:v>$1</x:v>"));
        var back = Workbook.Read(_path);
        Assert.True(back.Success, back.Error);
        static IEnumerable<string?> Printed(DepartmentYear y) => y.Tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells).Select(c => c.Value?.ToString());
        Assert.Equal(Printed(one), Printed(back.Value!));
        Assert.Contains("157.1", Printed(back.Value!));

        // More places than the cell shows are kept, never rounded away: 12.345 typed into the 0.0 cell.
        EditSheets(xml => xml.Replace("<x:v>157.1</x:v>", "<x:v>12.345</x:v>", StringComparison.Ordinal));
        Assert.Contains("12.345", Printed(Workbook.Read(_path).Value!));
    }

    [Fact]
    public void The_reasons_sheet_shows_what_each_reason_is_about_and_hides_the_keys_it_reads()
    {
        var example = Example;
        Assert.NotEmpty(example.Explanations);
        Workbook.Write(example, _path);
        using (var document = SpreadsheetDocument.Open(_path, false))
        {
            var book = document.WorkbookPart!;
            var sheet = book.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(x => x.Name == "原因说明");
            var worksheet = ((WorksheetPart)book.GetPartById(sheet.Id!)).Worksheet;
            var columns = worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Column>().ToArray();
            Assert.Equal([true, true, true, false, false, false], columns.Select(c => c.Hidden?.Value == true).ToArray());
            var about = worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Where(c => c.CellReference!.Value!.StartsWith('F') && c.CellReference.Value != "F1")
                .Select(c => c.InlineString?.InnerText ?? string.Empty).ToArray();
            Assert.All(about, a => Assert.False(string.IsNullOrWhiteSpace(a)));
            Assert.DoesNotContain(about, a => a.Contains("expense.", StringComparison.Ordinal) || a.Contains("income.", StringComparison.Ordinal));

            // The 参考数 likewise: the keys hidden, each amount named with its basis (上年决算数, 年初预算数 …).
            var references = ((WorksheetPart)book.GetPartById(book.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(x => x.Name == "参考数").Id!)).Worksheet;
            Assert.Equal([true, true, true, true, false, false], references.Descendants<DocumentFormat.OpenXml.Spreadsheet.Column>().Select(c => c.Hidden?.Value == true).ToArray());
            var labels = references.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Where(c => c.CellReference!.Value!.StartsWith('F') && c.CellReference.Value != "F1")
                .Select(c => c.InlineString?.InnerText ?? string.Empty).ToArray();
            Assert.Equal(example.References.Count, labels.Length);
            Assert.All(labels, l => Assert.Matches("(上年决算数|年初预算数|全年预算数|决算数)$", l));
            // No key of the program on screen, and two different keys never read alike.
            Assert.All(labels, l => Assert.DoesNotContain(".", l, StringComparison.Ordinal));
            Assert.Equal(example.References.Select(r => r.Key).Distinct().Count(), labels.Distinct().Count());
        }

        var back = Workbook.Read(_path);
        Assert.True(back.Success, back.Error);
        Assert.Equal(example.Explanations.Select(e => (e.Subject, e.Topic, e.Text)), back.Value!.Explanations.Select(e => (e.Subject, e.Topic, e.Text)));
    }

    [Fact]
    public void An_empty_table_without_rows_writes_a_valid_sheet_and_reads_back_empty()
    {
        // A 空表 read from a report has no rows: no reversed validation range over the hidden key row.
        var year = Example with { Tables = [.. Example.Tables.Select(t => t.Definition == TableIds.FiscalSummary ? t with { Rows = [], EmptyStatement = "本表为空表。" } : t)] };
        Workbook.Write(year, _path);
        using (var document = SpreadsheetDocument.Open(_path, false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
            static int Row(string reference) => int.Parse(new string(reference.SkipWhile(char.IsAsciiLetter).ToArray()), System.Globalization.CultureInfo.InvariantCulture);
            Assert.All(document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.DataValidation>())
                .Select(v => (v.SequenceOfReferences?.InnerText ?? string.Empty).Split(':')), range => Assert.True(Row(range[1]) >= Row(range[0]), string.Join(":", range)));
        }

        var back = Workbook.Read(_path);
        Assert.True(back.Success, back.Error);
        Assert.Empty(Assert.Single(back.Value!.Tables, t => t.Definition == TableIds.FiscalSummary).Rows);
    }

    [Fact]
    public void A_detail_that_does_not_read_is_reported_with_its_row_and_skipped()
    {
        Workbook.Write(Example, _path);
        using (var document = SpreadsheetDocument.Open(_path, true))
        {
            var workbook = document.WorkbookPart!;
            var sheet = workbook.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == "其他情况");
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var cells = part.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToList();
            void Write(DocumentFormat.OpenXml.Spreadsheet.Cell cell, string text)
            {
                cell.DataType = DocumentFormat.OpenXml.Spreadsheet.CellValues.InlineString;
                cell.CellValue = null;
                cell.InlineString = new DocumentFormat.OpenXml.Spreadsheet.InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text));
            }

            Write(cells.First(c => c.CellReference == "C2"), "两个");

            // An amount without its unit could be 万元 or 元: refused, not guessed.
            Write(cells.First(c => c.CellReference!.Value!.StartsWith('C') && c.InnerText.EndsWith('元')), "3300");
            part.Worksheet.Save();
        }

        var result = Workbook.Read(_path);
        Assert.True(result.Success, result.Error);
        Assert.Equal(2, result.Issues.Count);
        Assert.Contains(result.Issues, i => i.Message.Contains("第 2 行「“三公”经费 因公出国（境）团组数」的数值「两个」无法读取", StringComparison.Ordinal));
        Assert.Contains(result.Issues, i => i.Message.Contains("的数值「3300」无法读取（人数、次数写整数，金额连同单位写", StringComparison.Ordinal));
    }

    [Fact]
    public void The_written_workbook_is_valid_open_xml_with_one_sheet_per_table()
    {
        Workbook.Write(Example, _path);
        using var document = SpreadsheetDocument.Open(_path, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var names = document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value!).ToArray();
        Assert.Contains("部门", names);
        Assert.Contains("参考数", names);
        Assert.Contains(names, n => n.StartsWith("03 ", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("U2-06", StringComparison.Ordinal));
        Assert.All(names, n => Assert.True(n.Length <= 31, n));
    }

    [Fact]
    public void A_clerk_opens_it_on_the_instructions_and_sees_no_technical_rows()
    {
        Workbook.Write(Example, _path);
        using var document = SpreadsheetDocument.Open(_path, false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().ToList();
        Assert.Equal("填表说明", sheets[0].Name!.Value);
        var table = (WorksheetPart)workbook.GetPartById(sheets.First(s => s.Name!.Value!.StartsWith("03", StringComparison.Ordinal)).Id!);
        var rows = table.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToList();
        Assert.True(rows.Single(r => r.RowIndex!.Value == 3).Hidden?.Value);
        Assert.True(rows.Single(r => r.RowIndex!.Value == 10).Hidden?.Value);
        Assert.All(rows.Where(r => r.RowIndex!.Value is >= 7 and <= 9), r => Assert.Null(r.Hidden));
        var pane = table.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Pane>().Single();
        Assert.Equal(9d, pane.VerticalSplit!.Value);
        Assert.True(table.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Column>().First(c => c.Min!.Value == 2).Width!.Value >= 30);
    }

    [Fact]
    public void The_blank_template_has_the_fixed_rows_to_fill_in()
    {
        Workbook.Write(Workbook.Blank(TemplateLibrary.Find("shaanxi-2022")!, 2024), _path);
        var blank = Workbook.Read(_path).Value!;
        Assert.Equal(9, blank.Tables.Count);
        Assert.Equal(27, blank.Table(TableIds.IncomeExpenditureSummary)!.Row("income.total")!.Line);
        Assert.NotNull(blank.Table(TableIds.ThreePublicMeetingTraining)!.Row("actual"));
        Assert.NotNull(blank.Table(TableIds.Expenditure)!.Row("total"));

        // The 情况说明 sheet lists the template's sections to write under, and two forms wait to be filled; left as they
        // are, they read back as nothing (no empty sections, no nameless forms).
        Assert.Empty(blank.Narrative.Sections);
        Assert.Empty(blank.Evaluations);
        using var document = SpreadsheetDocument.Open(_path, false);
        var names = document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(x => x.Name!.Value!).ToArray();
        Assert.Contains("情况说明", names);
        Assert.Contains("绩效1", names);
        Assert.Contains("绩效2", names);
        var sharedStrings = document.WorkbookPart.SharedStringTablePart?.SharedStringTable.InnerText ?? string.Empty;
        Assert.Contains(TemplateLibrary.Find("shaanxi-2022")!.Sections[0].Title, sharedStrings + string.Concat(document.WorkbookPart.WorksheetParts.Select(w => w.Worksheet.InnerText)));
    }

    [Fact]
    public void A_form_a_clerk_fills_in_reads_with_its_figures_and_a_figure_that_does_not_read_is_named()
    {
        static Dictionary<int, string> Row(params string[] cells) => cells.Select((c, i) => (c, i)).Where(x => x.c.Length > 0).ToDictionary(x => x.i, x => x.c);
        List<Dictionary<int, string>> rows =
        [
            Row("项目", "内容"), Row("自评表", "项目支出绩效自评表"), Row("名称", "职工体检费"), Row("执行率（%）", "98.64"), Row("总分", "9x"),
            Row(), Row("资金来源", "年初预算数", "全年预算数", "全年执行数", "执行率（%）"), Row("合计", "287", "287.00", "283.10", "98.64"),
            Row(), Row("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"), Row("产出指标", "数量指标", "体检人数", "≥95%", "96%", "10", "10"),
        ];
        var issues = new List<ImportIssue>();
        var form = EvaluationSheet.Read("绩效1 职工体检费", rows, "x.xlsx", issues)!;
        Assert.Equal(EvaluationKind.Project, form.Kind);
        Assert.Equal("职工体检费", form.Name);
        Assert.Equal("98.64", form.ExecutionRatePercent!.Value.ToString());
        Assert.Equal("287万元", form.Funds.Single().InitialBudget!.Value.ToString());
        Assert.Equal("283.10万元", form.Funds.Single().Executed!.Value.ToString());
        Assert.Equal("体检人数", form.Indicators.Single().Level3);
        Assert.Equal("10", form.Indicators.Single().Score!.Value.ToString());
        Assert.Null(form.TotalScore);
        Assert.Contains(issues, i => i.Message.Contains("第 5 行", StringComparison.Ordinal) && i.Message.Contains("总分", StringComparison.Ordinal));

        // Without its kind and name it is no form, said so.
        issues.Clear();
        Assert.Null(EvaluationSheet.Read("绩效3", [Row("项目", "内容"), Row("执行率（%）", "98.64")], "x.xlsx", issues));
        Assert.Contains(issues, i => i.Message.Contains("不是绩效自评表", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_gives_a_clear_error()
    {
        File.WriteAllText(_path, "not a spreadsheet");
        var result = Workbook.Read(_path);
        Assert.False(result.Success);
        Assert.Contains("不是可读取的 Excel 文件", result.Error, StringComparison.Ordinal);
    }

    // Rewrites the XML of every worksheet part of the written workbook.
    private void EditSheets(Func<string, string> edit)
    {
        using var zip = System.IO.Compression.ZipFile.Open(_path, System.IO.Compression.ZipArchiveMode.Update);
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).ToList())
        {
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            var name = entry.FullName;
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write(edit(xml));
        }
    }

    [Fact]
    public void A_shared_string_the_workbook_does_not_hold_is_reported_not_read_as_its_index()
    {
        Workbook.Write(Example, _path);
        // The first amount of each sheet becomes a reference to shared string 99999, which does not exist.
        EditSheets(xml => System.Text.RegularExpressions.Regex.Replace(xml, "<x:c r=\"D11\"( s=\"[0-9]+\")? t=\"n\"><x:v>[^<]*</x:v></x:c>", "<x:c r=\"D11\"$1 t=\"s\"><x:v>99999</x:v></x:c>"));
        var result = Workbook.Read(_path);
        Assert.True(result.Success, result.Error);
        Assert.DoesNotContain(result.Value!.Tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells), c => c.Value?.Value == 99999m);
        Assert.Contains(result.Issues, i => i.Message.Contains("无法读取的共享文字", StringComparison.Ordinal));
    }

    [Fact]
    public void Lower_case_cell_references_are_read()
    {
        Workbook.Write(Example, _path);
        var before = Workbook.Read(_path).Value!.Tables.Sum(t => t.Rows.Sum(r => r.Cells.Count(c => c.Value is not null)));
        EditSheets(xml => System.Text.RegularExpressions.Regex.Replace(xml, "r=\"([A-Z]+)([0-9]+)\"", m => $"r=\"{m.Groups[1].Value.ToLowerInvariant()}{m.Groups[2].Value}\""));
        var after = Workbook.Read(_path);
        Assert.True(after.Success, after.Error);
        Assert.Equal(before, after.Value!.Tables.Sum(t => t.Rows.Sum(r => r.Cells.Count(c => c.Value is not null))));
    }

    [Fact]
    public void A_year_out_of_range_and_a_damaged_part_are_refused_in_words()
    {
        var year = Example with { Year = 2024 };
        Workbook.Write(year, _path);
        EditSheets(xml => xml.Replace(">2024<", ">99999<", StringComparison.Ordinal));
        var result = Workbook.Read(_path);
        Assert.False(result.Success);
        Assert.Contains("99999", result.Error, StringComparison.Ordinal);

        Workbook.Write(year, _path);
        EditSheets(xml => xml[..(xml.Length / 2)]);
        var damaged = Workbook.Read(_path);
        Assert.False(damaged.Success);
        Assert.Contains("不是可读取的 Excel 文件", damaged.Error, StringComparison.Ordinal);
        Assert.DoesNotMatch("[A-Za-z]{6,}", damaged.Error!.Replace(Path.GetFileName(_path), string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void A_package_that_unpacks_beyond_the_limits_is_refused_before_it_is_parsed()
    {
        // A zip bomb in small: one part of 12 MB of spaces packs to a few KB — refused by its ratio.
        WritePart(12, compressible: true);
        Assert.True(new FileInfo(_path).Length < 200_000);
        var bomb = Workbook.Read(_path, new ImportLimits());
        Assert.False(bomb.Success);
        Assert.Contains("JUESUAN_LIMIT_ZIP_RATIO", bomb.Error, StringComparison.Ordinal);

        // Too big without being a bomb: 9 MB of noise against a limit of 8 MB, refused by the unpacked size.
        WritePart(9, compressible: false);
        var big = Workbook.Read(_path, new ImportLimits { UnpackedBytes = 8L * 1024 * 1024 });
        Assert.False(big.Success);
        Assert.Contains("JUESUAN_LIMIT_UNPACKED_BYTES", big.Error, StringComparison.Ordinal);

        // A zip upload's file over one file's limit, within the unpacked total: the refusal names that limit and the file.
        var zipped = File.ReadAllBytes(_path);
        Assert.Null(BoundedZip.Unpack(zipped, new ImportLimits { FileBytes = 8L * 1024 * 1024 }, _ => true, out var refusal));
        Assert.Contains("JUESUAN_LIMIT_FILE_BYTES", refusal, StringComparison.Ordinal);
        Assert.Contains("sheet1.xml", refusal, StringComparison.Ordinal);
    }

    private void WritePart(int megabytes, bool compressible)
    {
        File.Delete(_path);
        using var zip = System.IO.Compression.ZipFile.Open(_path, System.IO.Compression.ZipArchiveMode.Create);
        using var stream = zip.CreateEntry("xl/worksheets/sheet1.xml", System.IO.Compression.CompressionLevel.Fastest).Open();
        var block = new byte[1024 * 1024];
        var random = new Random(7);
        for (var i = 0; i < megabytes; i++)
        {
            if (compressible)
            {
                Array.Fill(block, (byte)' ');
            }
            else
            {
                random.NextBytes(block);
            }

            stream.Write(block);
        }
    }

    public void Dispose() => File.Delete(_path);
}
