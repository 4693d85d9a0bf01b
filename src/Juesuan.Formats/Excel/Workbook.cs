using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
using Juesuan.Domain.Templates;
using Juesuan.Formats;

namespace Juesuan.Formats.Excel;

/// <summary>
/// The Excel workbook finance officers fill in (填报模板): a sheet 「部门」 with the department and year, 「单位」 with the units,
/// one sheet per table (codes or row keys in the first column, one column per table column, 行次 and names beside), the
/// units' tables on sheets prefixed 「U1-」…, and 「参考数」 with the prior-year and budget figures. Amounts are number
/// cells whose stored text is the printed value, so 138.60 stays 138.60. `export --format xlsx` writes it and
/// `import` reads it back unchanged; a blank one (`export --blank 模板`) is the template to fill in.
/// </summary>
public static class Workbook
{
    private const string DepartmentSheet = "部门";
    private const string UnitSheet = "单位";
    private const string ReferenceSheet = "参考数";
    private const string ExplanationSheet = "原因说明";
    private const string GuideSheet = "填表说明";
    private const string CodeSheet = "科目代码";
    private const string ChangeTopic = "与上年增减";
    private const string BudgetTopic = "与预算差异";
    /// <summary>The rows over a table sheet's figures: 标题, 表号, 表定义, 单位, 空表说明, 注, the two heading rows, 栏次, the keys.</summary>
    private const int HeaderRows = 10;

    /// <summary>The first cell of the (hidden) row of column keys; the figures start under it (row 9 in workbooks before the 栏次 row).</summary>
    private const string KeyRow = "key";

    /// <summary>Writes a department-year to an .xlsx file.</summary>
    public static void Write(DepartmentYear year, string path)
    {
        using var stream = File.Create(path);
        Write(year, stream);
    }

    /// <summary>Writes a department-year as an .xlsx workbook to a stream.</summary>
    public static void Write(DepartmentYear year, Stream stream) => Write(year, stream, null);

    /// <summary>Writes a department-year as a workbook, its sheets in the order of <paramref name="template"/> (else the year's own).</summary>
    public static void Write(DepartmentYear year, Stream stream, Template? template) => Write(year, stream, template, []);

    /// <summary>
    /// As <see cref="Write(DepartmentYear, Stream, Template?)"/>, with the reasons the disclosure still needs
    /// (<paramref name="wanted"/>: the figure, whether a change or a budget deviation, and what to write) listed in the
    /// 原因说明 sheet with the 原因 cell empty, so the clerk fills exactly those.
    /// </summary>
    public static void Write(DepartmentYear year, Stream stream, Template? template, IReadOnlyList<(FactKey Subject, ExplanationTopic Topic, string What)> wanted)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(year);
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles.Sheet();
        var sheets = workbook.Workbook.AppendChild(new Sheets());
        uint id = 1;
        AddSheet(workbook, sheets, id++, GuideSheet, Guide(), new Layout([76], FrozenRows: 0) { Style = (r, _) => r == 1 ? Styles.Bold : Styles.Text, Width = 1 });
        AddSheet(workbook, sheets, id++, DepartmentSheet,
        [
            ["部门名称", year.Department.Name], ["部门编码", year.Department.Code ?? string.Empty], ["省份", year.Department.Province ?? string.Empty],
            ["地区", year.Department.Region ?? string.Empty], ["年度", year.Year.ToString(CultureInfo.InvariantCulture)], ["模板", year.TemplateId],
            ["主要职能", year.Department.Functions ?? string.Empty], ["其他需要说明的情况", year.OtherMatters ?? string.Empty],
            ["文档类型", DocumentKinds.Name(year.Kind)],
        ], new Layout([20, 60], FrozenRows: 0) { Style = (_, c) => c == 0 ? Styles.Label : Styles.Text, Width = 2 });
        // The units a row each, with room for more (at least ten rows to type into).
        var unitRows = year.Units.Select(u => new[] { u.Name, u.Code ?? string.Empty, u.Kind == OrgUnitKind.Headquarters ? "本级" : "二级", u.Nature ?? string.Empty }).ToList();
        AddSheet(workbook, sheets, id++, UnitSheet, [["名称", "编码", "类别", "性质"], .. unitRows, .. Enumerable.Range(0, Math.Max(3, 10 - unitRows.Count)).Select(_ => new string[4])],
            new Layout([40, 16, 8, 20])
            {
                Style = (r, _) => r == 1 ? Styles.Header : Styles.Input, Width = 4,
                Validations =
                [
                    new DataValidation
                    {
                        Type = DataValidationValues.List, AllowBlank = true, ShowErrorMessage = true, ErrorTitle = "类别", Error = "类别填「本级」或「二级」。",
                        SequenceOfReferences = new ListValue<StringValue> { InnerText = $"C2:C{unitRows.Count + Math.Max(3, 10 - unitRows.Count) + 1}" },
                        Formula1 = new Formula1("\"本级,二级\""),
                    },
                ],
            });
        var order = (template ?? year.Template).Tables.Select(t => t.Definition).ToList();
        // A workbook to fill (a blank template, next year's prepared one): no figure in any table yet.
        var toFill = year.Tables.Concat(year.Units.SelectMany(u => u.Tables)).All(t => t.Rows.All(r => r.Cells.All(c => c.Value is null && c.Text is null)));
        // The codes of the year's classifications, for the rows a department adds (a drop-down list on each table).
        var functional = Juesuan.Domain.Catalogs.CatalogSet.Embedded.Function(year.Year).Entries;
        var economic = Juesuan.Domain.Catalogs.CatalogSet.Embedded.Economic(year.Year).Entries;
        var lists = new CodeLists($"'{CodeSheet}'!$A$2:$A${functional.Count + 1}", $"'{CodeSheet}'!$A${functional.Count + 2}:$A${functional.Count + economic.Count + 1}");
        foreach (var (prefix, tables) in new[] { (string.Empty, year.Tables) }.Concat(year.Units.Select((u, i) => ($"U{i + 1}-", u.Tables))))
        {
            foreach (var table in tables)
            {
                var index = order.IndexOf(table.Definition) is var o && o >= 0 ? (o + 1).ToString("00", CultureInfo.InvariantCulture) : table.Definition;
                AddTableSheet(workbook, sheets, id++, SheetName(prefix + index + " " + (table.Number ?? string.Empty) + table.Title), table, toFill, lists);
            }
        }

        AddSheet(workbook, sheets, id++, CodeSheet,
            [["编码", "名称", "分类"], .. functional.Select(e => new[] { e.Code, e.Name, "支出功能分类" }), .. economic.Select(e => new[] { e.Code, e.Name, "支出经济分类" })],
            new Layout([12, 44, 14]) { Protect = true });

        // The keys are the reader's (hidden); the clerk reads the amount beside what it is (「一般公共预算财政拨款 2101101 行政单位医疗
        // 上年决算数」).
        AddSheet(workbook, sheets, id++, ReferenceSheet, [["概念", "编码", "范围", "基础", "金额", "项目"],
            .. year.References.Select(r => new[] { r.Key.Concept, r.Key.Code ?? string.Empty, r.Key.Scope, r.Key.Basis, r.Amount.ToString(), $"{Subject(year, r.Key)} {BasisName(r.Key.Basis)}" })],
            new Layout([18, 10, 8, 10, 14, 60]) { HiddenColumns = [0, 1, 2, 3] });
        AddSheet(workbook, sheets, id++, ExplanationSheet, [["概念", "编码", "范围", "说明对象", "原因", "需要说明的内容"],
            .. year.Explanations.Select(e => new[] { e.Subject.Concept, e.Subject.Code ?? string.Empty, e.Subject.Scope, e.Topic == ExplanationTopic.Budget ? BudgetTopic : ChangeTopic, e.Text, Subject(year, e.Subject) }),
            .. wanted.Where(w => !year.Explanations.Any(e => e.Subject == w.Subject with { Basis = e.Subject.Basis } && e.Topic == w.Topic)).DistinctBy(w => (w.Subject, w.Topic))
                .Select(w => new[] { w.Subject.Concept, w.Subject.Code ?? string.Empty, w.Subject.Scope, w.Topic == ExplanationTopic.Budget ? BudgetTopic : ChangeTopic, string.Empty, w.What })],
            // The keys (概念、编码、范围) are the reader's: hidden; the clerk reads what each reason is about in the last column.
            new Layout([18, 10, 8, 12, 50, 50]) { HiddenColumns = [0, 1, 2] });
        // The items are long (「面向中小企业预留的项目中由中小企业中标或成交的金额」, 26 characters at two widths each).
        // Styled like the other sheets, so it prints fitted to the page's width as they do.
        AddSheet(workbook, sheets, id++, DetailSheet.Name, DetailSheet.Rows(year),
            new Layout([16, 54, 30]) { Style = (r, c) => r == 1 ? Styles.Header : c < 2 ? Styles.Label : Styles.Text, Width = 3 });
        // The preparer's words: the narrative a section a row, the other printed text a passage a row (long text wrapped).
        static uint TextStyle(int row, int column, int textColumn) => row == 1 ? Styles.Header : column == textColumn || column == 1 ? Styles.Text : Styles.Input;
        var narrative = ProseSheet.NarrativeRows(year).ToList();
        AddSheet(workbook, sheets, id++, ProseSheet.Narrative, narrative,
            new Layout([6, 28, 90, 12, 5]) { HiddenColumns = [3], Style = (r, c) => TextStyle(r, c, 2), Width = 5 });
        AddSheet(workbook, sheets, id++, ProseSheet.Passages, ProseSheet.PassageRows(year),
            new Layout([110, 5, 6, 6, 6]) { Style = (r, c) => TextStyle(r, c, 0), Width = 2, HiddenColumns = [2, 3, 4] });
        foreach (var (evaluation, index) in year.Evaluations.Select((e, i) => (e, i + 1)))
        {
            // Header rows in bold, the form's items named in column A, the rest bordered and open to typing.
            var form = EvaluationSheet.Rows(evaluation).ToList();
            var headers = form.Select((row, i) => (row, i)).Where(x => x.row.Length > 0 && EvaluationSheet.IsHeader(x.row[0])).Select(x => x.i + 1).ToHashSet();
            var itemsEnd = headers.Where(h => h > 1).DefaultIfEmpty(form.Count + 1).Min();
            AddSheet(workbook, sheets, id++, SheetName(EvaluationSheet.NameOf(index, evaluation)), form, new Layout(EvaluationSheet.Widths)
            {
                Style = (r, c) => headers.Contains(r) ? Styles.Header : r < itemsEnd && c == 0 ? Styles.Label : r < itemsEnd && c > 1 ? Styles.Plain : Styles.Text,
                Width = EvaluationSheet.Widths.Count,
            });
        }

        workbook.Workbook.Save();
    }

    // The first sheet a clerk opens: what each sheet is for and how to fill it, in their words.
    private static IEnumerable<string[]> Guide() =>
    [
        ["填表说明"],
        ["1. 「部门」表：填写部门名称、编码、所在省份和地区、年度、主要职能、其他需要说明的情况；年度和部门名称必填。"],
        ["2. 「单位」表：列出本部门决算包括的单位（本级和下属单位），每行一个。"],
        ["3. 各张决算表（以表号开头的工作表）：按行填写金额，单位见表头的「单位」（一般为万元）；不要改动第一列的编码、不要增删表头，空白表示该项为零或无此项。表下留有空行：本部门使用而表中没有的科目，从下拉列表（「科目代码」表）选编码，名称随之显示。"],
        ["4. 「参考数」表：上年决算数、年初预算数等，用于情况说明中的同比和预算比较（用 juesuan prepare 生成的模板已填好上年数）。"],
        ["5. 「原因说明」表：列出情况说明需要说明原因的各项；在「原因」列写出原因（如「人员增加」），「需要说明的内容」列写明每条原因说明的是哪一项（待填的一行附有提示）。"],
        ["6. 「其他情况」表：“三公”经费的批次、人次、车辆，会议费和培训费，机关运行经费，政府采购，国有资产，人员等；人数和次数写整数，金额写如「0.32万元」。"],
        ["7. 「情况说明」表：每部分一行，在「正文」列写该部分的文字（可照上年的写法改写）；其中的金额、占比和增减会与各表逐项核对。没有写的部分，生成文档时按表中数据撰写。"],
        ["8. 「其他正文」表：情况说明以外要公开的文字（如部门概况、附件说明），每段一行。"],
        ["9. 「绩效1」「绩效2」…表：每张绩效自评表一张工作表。先写「自评表」（项目支出绩效自评表或部门整体支出绩效自评表）和「名称」，再填资金、任务和各项指标；金额以万元计，如 287.00。不用的表留空即可。"],
        ["10. 填好后保存为 .xlsx，在工作台上传或用 juesuan import 导入；导入时逐项核对，有问题会指出所在工作表和行。"],
    ];

    /// <summary>A blank workbook for a template: its tables with their fixed rows, to fill in.</summary>
    public static DepartmentYear Blank(Template template, int year) => new()
    {
        Department = new Department { Name = "（填写部门名称）" },
        Year = year,
        TemplateId = template.Id,
        Tables = template.Tables.Select(t =>
        {
            var definition = TemplateLibrary.Definition(t.Definition);
            var rows = definition.Rows.Where(r => r.AppliesTo(year)).Select(r => new StatedRow { Key = r.Key, Label = r.Label, Line = r.Line }).ToList();
            if (definition.RowKind != RowKind.Fixed)
            {
                rows.Insert(0, new StatedRow { Key = FactIndex.TotalRowKey, Label = "合计" });
            }

            return new StatedTable { Definition = t.Definition, Number = t.Number, Title = t.Title, Rows = rows };
        }).ToArray(),
        // The sections of the 情况说明 with their titles, to write under; a project form and the department's to fill.
        Narrative = new Narrative { Sections = [.. template.Sections.Select(s => new NarrativeSection { Number = s.Number, Title = s.Title, Key = s.Key })] },
        Evaluations = [new Evaluation { Kind = EvaluationKind.Project, Name = string.Empty }, new Evaluation { Kind = EvaluationKind.Department, Name = string.Empty }],
    };

    /// <summary>Reads a workbook written by <see cref="Write(DepartmentYear, Stream)"/> (or the blank template, filled in).</summary>
    public static ImportResult Read(string path) => Read(path, ImportLimits.Current);

    /// <summary>Reads a workbook within the given limits.</summary>
    internal static ImportResult Read(string path, ImportLimits limits)
    {
        ArgumentNullException.ThrowIfNull(path);
        return InputFile.ReadBytes(path, out var error) is { } content ? Read(content, Path.GetFileName(path), limits) : new ImportResult(null, [], error);
    }

    /// <summary>Reads a workbook from the bytes of an input named <paramref name="file"/>.</summary>
    public static ImportResult Read(byte[] content, string file) => Read(content, file, ImportLimits.Current);

    /// <summary>Reads a workbook from bytes, its 模板 cell matched against <paramref name="templates"/> (a user's templates too).</summary>
    public static ImportResult Read(byte[] content, string file, TemplateSet? templates) => Read(content, file, ImportLimits.Current, templates);

    private static ImportResult Read(byte[] content, string file, ImportLimits limits, TemplateSet? templates = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            if (PackageTooLarge(content, limits) is { } refusal)
            {
                return new ImportResult(null, [], $"{file}：{refusal}");
            }

            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false);
            return Read(document, file, templates ?? TemplateSet.Embedded);
        }
        catch (ImportLimitException e)
        {
            return new ImportResult(null, [], $"{file}：{e.Message}");
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException
            || (e is InvalidOperationException or ArgumentException or KeyNotFoundException or FormatException or OverflowException && FromLibrary(e)))
        {
            // A damaged or foreign package: said in words a user can act on, not the library's.
            return new ImportResult(null, [], $"{file} 不是可读取的 Excel 文件（.xlsx）：文件已损坏、不完整，或不是 Excel 工作簿（{Kind(e)}）。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。");
        }
    }

    // Thrown inside the package or XML libraries (a damaged file), not by this reader's own code (a bug, which must stay
    // visible): the innermost frame that is one or the other decides — a BCL throw helper above it (ThrowHelper,
    // ArgumentOutOfRangeException.ThrowIf…, present or inlined as the JIT pleases) says nothing either way. The frame's
    // type is read by name (DiagnosticMethodInfo), which the installed `juesuan` keeps: compiled ahead of time (Native
    // AOT), its frames have no reflection metadata and GetMethod() is null for each.
    private static bool FromLibrary(Exception e)
    {
        foreach (var frame in new System.Diagnostics.StackTrace(e).GetFrames())
        {
            var ns = System.Diagnostics.DiagnosticMethodInfo.Create(frame)?.DeclaringTypeName ?? string.Empty;
            if (ns.StartsWith("Juesuan", StringComparison.Ordinal))
            {
                return false;
            }

            if (ns.StartsWith("DocumentFormat.OpenXml", StringComparison.Ordinal) || ns.StartsWith("System.IO.Packaging", StringComparison.Ordinal)
                || ns.StartsWith("System.Xml", StringComparison.Ordinal) || ns.StartsWith("System.IO.Compression", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Kind(Exception e) => e switch
    {
        System.Xml.XmlException => "工作表内容不是完整的 XML",
        InvalidOperationException or KeyNotFoundException => "缺少必需的部件",
        OpenXmlPackageException or FileFormatException or InvalidDataException => "压缩包结构损坏",
        _ => "内容格式不符",
    };

    /// <summary>
    /// A package that unpacks to more than the limits allow — a zip bomb, or simply too big — is refused before any part
    /// is parsed (<see cref="BoundedZip"/>: each part unpacked once into nothing, counting bytes).
    /// </summary>
    private static string? PackageTooLarge(byte[] content, ImportLimits limits) =>
        BoundedZip.Unpack(content, limits, _ => false, out var refusal) is null ? "Excel 文件" + refusal : null;

    private static ImportResult Read(SpreadsheetDocument document, string file, TemplateSet templates)
    {
        var issues = new List<ImportIssue>();
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("没有工作簿");
        var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        var places = Styles.DecimalsByStyle(workbook.WorkbookStylesPart?.Stylesheet);
        var grouped = Styles.GroupedStyles(workbook.WorkbookStylesPart?.Stylesheet);
        var sheets = workbook.Workbook.Sheets?.Elements<Sheet>().Select(s => (Name: s.Name?.Value ?? string.Empty, Rows: Rows(Worksheet(workbook, s), strings, places, grouped))).ToList() ?? [];
        // (A key written twice, or rows with column A blank, keep their first: never a crash.)
        var info = sheets.FirstOrDefault(s => s.Name == DepartmentSheet).Rows?.GroupBy(r => r.GetValueOrDefault(0, string.Empty))
            .ToDictionary(g => g.Key, g => g.First().GetValueOrDefault(1, string.Empty)) ?? [];
        if (!info.TryGetValue("部门名称", out var name) || name.Length == 0 || !int.TryParse(info.GetValueOrDefault("年度"), out var yearNumber))
        {
            return new ImportResult(null, [], $"{file} 的工作表「{DepartmentSheet}」中没有部门名称和年度：不是本程序的填报模板。");
        }

        if (yearNumber is < 2000 or > 2100)
        {
            return new ImportResult(null, [], $"{file} 的工作表「{DepartmentSheet}」中的年度「{yearNumber}」不是决算年度（应在 2000 至 2100 之间）。");
        }

        var units = (sheets.FirstOrDefault(s => s.Name == UnitSheet).Rows ?? []).Skip(1)
            .Select(r => new OrgUnit { Name = r.GetValueOrDefault(0, string.Empty), Code = Empty(r.GetValueOrDefault(1)), Kind = r.GetValueOrDefault(2) == "本级" ? OrgUnitKind.Headquarters : OrgUnitKind.Subordinate, Nature = Empty(r.GetValueOrDefault(3)) })
            .Where(u => u.Name.Length > 0).ToList();
        var departmentTables = new List<StatedTable>();
        var unitTables = units.Select(_ => new List<StatedTable>()).ToList();
        var evaluations = new List<Evaluation>();
        foreach (var (sheetName, rows) in sheets.Where(s => EvaluationSheet.Is(s.Name)))
        {
            if (EvaluationSheet.Read(sheetName, rows, file, issues) is { } evaluation)
            {
                evaluations.Add(evaluation);
            }
        }

        foreach (var (sheetName, rows) in sheets.Where(s => s.Name is not (GuideSheet or DepartmentSheet or UnitSheet or ReferenceSheet or ExplanationSheet or DetailSheet.Name or ProseSheet.Narrative or ProseSheet.Passages or CodeSheet)
            && !EvaluationSheet.Is(s.Name)))
        {
            var table = ReadTable(sheetName, rows, file, issues);
            if (table is null)
            {
                continue;
            }

            if (sheetName.StartsWith('U') && sheetName.IndexOf('-', StringComparison.Ordinal) is var dash and > 1 && int.TryParse(sheetName[1..dash], out var unit) && unit >= 1 && unit <= units.Count)
            {
                unitTables[unit - 1].Add(table);
            }
            else
            {
                departmentTables.Add(table);
            }
        }

        var references = new List<ReferenceFigure>();
        foreach (var row in (sheets.FirstOrDefault(s => s.Name == ReferenceSheet).Rows ?? []).Skip(1))
        {
            if (Amount.Parse(row.GetValueOrDefault(4), MoneyUnit.WanYuan) is { Success: true } amount && row.GetValueOrDefault(0) is { Length: > 0 } concept)
            {
                references.Add(new ReferenceFigure { Key = new FactKey(concept, Empty(row.GetValueOrDefault(1)), row.GetValueOrDefault(2) is { Length: > 0 } scope ? scope : Scopes.All, row.GetValueOrDefault(3) is { Length: > 0 } basis ? basis : Bases.Actual), Amount = amount.Value });
            }
        }

        var explanations = new List<Explanation>();
        foreach (var (row, index) in (sheets.FirstOrDefault(s => s.Name == ExplanationSheet).Rows ?? []).Select((r, i) => (r, i)).Skip(1))
        {
            if (row.GetValueOrDefault(0) is not { Length: > 0 } concept || row.GetValueOrDefault(4) is not { Length: > 0 } text)
            {
                continue;
            }

            var topic = row.GetValueOrDefault(3) switch
            {
                BudgetTopic => ExplanationTopic.Budget,
                ChangeTopic or null or "" => ExplanationTopic.Change,
                var other => (ExplanationTopic?)null,
            };
            if (topic is null)
            {
                issues.Add(new ImportIssue(new SourceLocation { File = file, Table = ExplanationSheet, Line = index + 1 },
                    $"工作表「{ExplanationSheet}」第 {index + 1} 行的说明对象「{row.GetValueOrDefault(3)}」不是「{ChangeTopic}」或「{BudgetTopic}」，该行已跳过。"));
                continue;
            }

            explanations.Add(new Explanation
            {
                Subject = new FactKey(concept, Empty(row.GetValueOrDefault(1)), row.GetValueOrDefault(2) is { Length: > 0 } scope ? scope : Scopes.All),
                Topic = topic.Value,
                Text = text,
            });
        }

        var templateId = info.GetValueOrDefault("模板") is { } t && templates.Find(t) is not null ? t : TemplateSet.DefaultTemplateId;
        var read = new DepartmentYear
        {
            Department = new Department { Name = name, Code = Empty(info.GetValueOrDefault("部门编码")), Province = Empty(info.GetValueOrDefault("省份")), Region = Empty(info.GetValueOrDefault("地区")), Functions = Empty(info.GetValueOrDefault("主要职能")) },
            Year = yearNumber,
            TemplateId = templateId,
            Units = units.Select((u, i) => u with { Tables = unitTables[i] }).ToArray(),
            Tables = departmentTables,
            References = references,
            Explanations = explanations,
            OtherMatters = Empty(info.GetValueOrDefault("其他需要说明的情况")),
            Kind = DocumentKinds.Parse(info.GetValueOrDefault("文档类型") ?? string.Empty) ?? DocumentKind.FinalAccounts,
            Sources = [file],
            Narrative = new Narrative { Sections = ProseSheet.ReadNarrative(sheets.FirstOrDefault(s => s.Name == ProseSheet.Narrative).Rows ?? [], file, issues) },
            Passages = ProseSheet.ReadPassages(sheets.FirstOrDefault(s => s.Name == ProseSheet.Passages).Rows ?? []),
            Evaluations = evaluations,
        };
        return new ImportResult(DetailSheet.Read(read, sheets.FirstOrDefault(s => s.Name == DetailSheet.Name).Rows ?? [], file, issues), issues);
    }

    private static StatedTable? ReadTable(string sheet, List<Dictionary<int, string>> rows, string file, List<ImportIssue> issues)
    {
        string Meta(int row) => rows.Count > row ? rows[row].GetValueOrDefault(1, string.Empty) : string.Empty;
        var definitionId = Meta(2);
        if (!TemplateLibrary.Definitions.TryGetValue(definitionId, out var definition))
        {
            issues.Add(new ImportIssue(new SourceLocation { File = file, Table = sheet }, $"工作表「{sheet}」没有可识别的表定义（第 3 行「表定义」为「{definitionId}」），已跳过。"));
            return null;
        }

        // The figures start under the row of keys, wherever the heading put it (a workbook written before the 栏次 row has
        // it as row 8).
        var keyRow = rows.Take(HeaderRows + 2).ToList().FindIndex(r => r.GetValueOrDefault(0) == KeyRow);
        var header = keyRow >= 0 ? keyRow + 1 : HeaderRows;
        var keys = rows.Count >= header ? rows[header - 1] : [];
        var result = new List<StatedRow>();
        if (rows.Count - header > ImportLimits.Current.TableRows)
        {
            throw new ImportLimitException($"工作表「{sheet}」有 {rows.Count - header} 行，超过上限 {ImportLimits.Current.TableRows}（JUESUAN_LIMIT_TABLE_ROWS），未导入。");
        }

        for (var r = header; r < rows.Count; r++)
        {
            var row = rows[r];
            var key = row.GetValueOrDefault(0, string.Empty).Trim();
            if (key.Length == 0)
            {
                continue;
            }

            var where = new SourceLocation { File = file, Table = sheet, Row = key, Line = r + 1 };
            var cells = new List<StatedCell>();
            foreach (var (column, text) in row.Where(c => c.Key >= 3 && keys.ContainsKey(c.Key) && c.Value.Trim().Length > 0))
            {
                var parsed = Printed.Parse(text);
                if (!parsed.Success)
                {
                    issues.Add(new ImportIssue(where with { Column = keys[column] }, $"「{text}」不是数字，已保留为文字。"));
                }

                // The printed form when it is not the number's own (「2,940.05」), as a report's reader keeps it; a key the
                // definition has as the template's own instance of it (StatedCell.Column).
                cells.Add(new StatedCell { Column = definition.Column(keys[column])?.Key ?? keys[column], Value = parsed.Success ? parsed.Value : null, Text = parsed.Success && parsed.Value.ToString() == text.Trim() ? null : text.Trim() });
            }

            result.Add(new StatedRow
            {
                Key = PrintedText.ChinesePunctuation(key).Replace(" ", string.Empty, StringComparison.Ordinal),
                Label = Empty(row.GetValueOrDefault(1)),
                Line = int.TryParse(row.GetValueOrDefault(2), out var line) ? line : null,
                Cells = cells,
            });
        }

        return new StatedTable
        {
            Definition = definition.Id, Title = Meta(0).Length > 0 ? Meta(0) : definition.Name, Number = Empty(Meta(1)),
            Unit = MoneyUnits.Parse(Meta(3)) is { Success: true } u ? u.Value : MoneyUnit.WanYuan,
            EmptyStatement = Empty(Meta(4)), Notes = Meta(5).Split('\n', StringSplitOptions.RemoveEmptyEntries), Rows = result,
        };
    }

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    // A sheet whose part the package lacks or mislabels (its relationships deleted or damaged) is a damaged file.
    private static WorksheetPart Worksheet(WorkbookPart workbook, Sheet sheet) =>
        sheet.Id?.Value is { Length: > 0 } id && workbook.TryGetPartById(id, out var part) && part is WorksheetPart worksheet
            ? worksheet : throw new InvalidDataException($"工作表「{sheet.Name?.Value}」的部件缺失或类型不对");

    private static List<Dictionary<int, string>> Rows(WorksheetPart part, string[] strings, IReadOnlyDictionary<uint, int> places, IReadOnlySet<uint> grouped) =>
        part.Worksheet.Descendants<Row>().Select(row => row.Elements<Cell>().Where(c => c.CellReference?.Value is not null)
            .ToDictionary(c => ColumnIndex(c.CellReference!.Value!), c => CellText(c, strings, places, grouped))).ToList();

    private static string CellText(Cell cell, string[] strings, IReadOnlyDictionary<uint, int> places, IReadOnlySet<uint> grouped)
    {
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            // A shared string the table does not hold is not a number: it is kept as text and reported, never read as its index.
            return int.TryParse(cell.CellValue?.Text, out var index) && index >= 0 && index < strings.Length ? strings[index] : $"（无法读取的共享文字 {cell.CellValue?.Text}）";
        }

        if (cell.DataType?.Value == CellValues.Boolean)
        {
            return cell.CellValue?.Text == "1" ? "TRUE" : "FALSE";
        }

        if (cell.DataType?.Value == CellValues.Error)
        {
            return cell.CellValue?.Text ?? "#ERROR";
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? string.Empty;
        }

        var raw = cell.CellValue?.Text ?? string.Empty;

        // A number in a cell formatted 0.00 (or 0.0, 0) is printed to those places: a clerk types 138.60 and Excel stores
        // 138.6, or 1.386E2, or 138.60000000000002 — all read as 138.60, the figure the clerk sees. A number with more
        // places than the format shows (26.5 in a 0 cell, 12.345 in a 0.00 one) keeps them: nothing typed is rounded away.
        if (cell.StyleIndex?.Value is { } style && places.TryGetValue(style, out var decimals) && raw.Length > 0
            && decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var shown))
        {
            var typed = Rounding.HalfUp(shown, 6) / 1.000000000000000000000000000000000m; // drops the float's trailing noise and zeros
            var kept = Math.Max(decimals, typed.Scale);
            // A cell that groups thousands (「#,##0.00」) shows, and so reads as, 2,940.05.
            return Rounding.HalfUp(typed, kept).ToString((grouped.Contains(style) ? "N" : "F") + kept.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }

        // Unformatted: a number typed in Excel may be stored as 1.386E2 or 138.60000000000002: read it as a decimal, printed to 2 places.
        if (raw.Contains('E', StringComparison.OrdinalIgnoreCase) || (raw.IndexOf('.', StringComparison.Ordinal) is var dot && dot >= 0 && raw.Length - dot - 1 > 6))
        {
            return decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? Rounding.HalfUp(value, 2).ToString("F2", CultureInfo.InvariantCulture) : raw;
        }

        return raw;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        // Excel writes 「B7」; other writers may write 「b7」.
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
            if (index > 16384)
            {
                break;
            }
        }

        return index - 1;
    }

    private static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : ColumnName((index / 26) - 1) + (char)('A' + (index % 26));

    private static string SheetName(string name)
    {
        // Excel's rules: none of \ / ? * [ ] : or control characters, at most 31 characters, no apostrophe at either end.
        var cleaned = new string(name.Where(c => c is not ('\\' or '/' or '?' or '*' or '[' or ']' or ':') && !char.IsControl(c)).ToArray()).Trim();
        cleaned = cleaned.Length <= 31 ? cleaned : cleaned[..31];
        if (cleaned.Length > 0 && char.IsHighSurrogate(cleaned[^1]))
        {
            cleaned = cleaned[..^1];
        }

        return cleaned.Trim().Trim('\'');
    }

    /// <summary>Where the 科目代码 sheet lists each classification's codes, as ranges a validation can name.</summary>
    private sealed record CodeLists(string Functional, string Economic);

    private static void AddTableSheet(WorkbookPart workbook, Sheets sheets, uint id, string name, StatedTable table, bool toFill, CodeLists lists)
    {
        var definition = TemplateLibrary.Definition(table.Definition);
        var columns = definition.Columns.Select(c => c.Key).Concat(table.Rows.SelectMany(r => r.Cells).Select(c => c.Column)).Distinct().ToList();
        var headings = columns.Select(c => definition.Column(c)?.Heading(definition) ?? (null, c)).ToArray();
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { "标题", table.Title }, new object?[] { "表号", table.Number ?? string.Empty }, new object?[] { "表定义", table.Definition },
            new object?[] { "单位", table.Unit.Name() }, new object?[] { "空表说明", table.EmptyStatement ?? string.Empty }, new object?[] { "注", string.Join('\n', table.Notes) },
            // The printed table's heading: a group over its columns (merged), the names under it (a name without a group
            // spans both rows), then the 栏次.
            new object?[] { "科目编码", "名称", "行次" }.Concat(headings.Select(h => (object?)(h.Group ?? h.Name))).ToArray(),
            new object?[] { null, null, null }.Concat(headings.Select(h => h.Group is null ? null : (object?)h.Name)).ToArray(),
            new object?[] { "栏次", null, null }.Concat(columns.Select((_, i) => (object?)(i + 1).ToString(CultureInfo.InvariantCulture))).ToArray(),
            new object?[] { KeyRow, "label", "line" }.Concat(columns).ToArray(),
        };
        foreach (var r in table.Rows)
        {
            var cells = columns.Select(c => r.Cell(c) is { } cell ? (cell.Value is { } v ? (object?)v : cell.Text) : null);
            rows.Add(new object?[] { r.Key, r.Label ?? string.Empty, r.Line?.ToString(CultureInfo.InvariantCulture) ?? string.Empty }.Concat(cells).ToArray());
        }

        // A table of codes gets rows to add the codes a department uses that the list lacks (a code of 3, 5 or 7 digits).
        var coded = definition.RowKind != RowKind.Fixed;
        var first = HeaderRows + 1;
        var last = rows.Count + (coded ? AddedRows : 0);
        for (var r = rows.Count; r < last; r++)
        {
            // The name follows the code chosen (a clerk may type over it).
            var at = (r + 1).ToString(CultureInfo.InvariantCulture);
            rows.Add(new object?[] { null, new SheetFormula($"IF(A{at}=\"\",\"\",IFERROR(VLOOKUP(A{at}&\"\",'{CodeSheet}'!$A:$B,2,FALSE),\"\"))") }.Concat(new object?[1 + columns.Count]).ToArray());
        }

        // A workbook to fill (a blank or a prepared one: no figures yet) gets its totals as formulas, so the clerk sees them
        // add up as the items go in — the 合计 of the 类, a 类 of its 款, a 款 of its 项 (on functional tables), counted by
        // the codes in column A below the row, the added rows included. A year read from a report keeps its printed
        // figures, an empty table its blanks: a formula there would silently mend what the audit must see.
        var addedFrom = table.Rows.Count + first;
        var totals = new HashSet<int>();
        if (coded && toFill)
        {
            for (var i = 0; i < table.Rows.Count; i++)
            {
                var key = table.Rows[i].Key;
                var children = key == FactIndex.TotalRowKey ? (Length: 3, Prefix: (string?)null)
                    : key.Length == 3 && IsCode(key) ? (Length: 5, Prefix: key)
                    : key.Length == 5 && IsCode(key) && definition.RowKind == RowKind.Functional ? (Length: 7, Prefix: key)
                    : (Length: 0, Prefix: null);
                var at = first + i;
                if (children.Length == 0 || at >= last)
                {
                    continue;
                }

                totals.Add(at);
                // The table's own children by name, wherever they stand (a department's order may put one first), and the
                // rows left for added codes by their codes. Never a range over the table's rows: a range through another
                // total's cell makes a circle of totals to Excel, whatever the codes say.
                var named = Enumerable.Range(0, table.Rows.Count).Where(j => j != i && table.Rows[j].Key is var k && k.Length == children.Length && IsCode(k)
                    && (children.Prefix is null || k.StartsWith(children.Prefix, StringComparison.Ordinal))).Select(j => first + j).ToArray();
                var added = $"$A${addedFrom}:$A${last}";
                var mask = children.Prefix is null ? $"(LEN({added})={children.Length})" : $"(LEN({added})={children.Length})*(LEFT({added},{children.Prefix.Length})=\"{children.Prefix}\")";
                var cells = (object?[])rows[at - 1];
                for (var c = 0; c < columns.Count; c++)
                {
                    var column = ColumnName(3 + c);
                    var terms = named.Select(r => column + r.ToString(CultureInfo.InvariantCulture)).ToList();
                    if (addedFrom <= last)
                    {
                        terms.Add($"SUMPRODUCT({mask}*{column}${addedFrom}:{column}${last})");
                    }

                    cells[3 + c] = new SheetFormula(string.Join("+", terms));
                }
            }
        }

        // What a clerk sees: the column names in bold over bordered cells, amounts as 0.00 in cells they may type into and
        // nothing else they can change (the sheet is protected without a password: codes, names and 行次 are the table's);
        // the names wide and the header kept in view; the technical rows (表定义, the column keys) hidden, still read back.
        var amountColumns = $"D{first}:{ColumnName(2 + columns.Count)}{last}";
        // A figure the report printed with thousands separators (「2,940.05」) is shown so, and read back so.
        Printed? GroupedAt(int row, int column) => row - first is var i && i >= 0 && i < table.Rows.Count && column - 3 < columns.Count
            && table.Rows[i].Cell(columns[column - 3]) is { Value: { } v, Text: { } t } && t == v.Value.ToString("N" + v.Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) ? v : null;
        // Merged as printed: 科目编码, 名称, 行次 and each ungrouped name over both heading rows, a group over its run of
        // columns, 栏次 over the first three.
        var lastColumn = ColumnName(2 + columns.Count);
        var merges = new List<string> { "A7:A8", "B7:B8", "C7:C8", "A9:C9", $"B5:{lastColumn}5", $"B6:{lastColumn}6" };
        for (var c = 0; c < headings.Length; c++)
        {
            var column = ColumnName(3 + c);
            if (headings[c].Group is not { } group)
            {
                merges.Add($"{column}7:{column}8");
                continue;
            }

            var end = c;
            while (end + 1 < headings.Length && headings[end + 1].Group == group)
            {
                end++;
            }

            if (end > c)
            {
                merges.Add($"{column}7:{ColumnName(3 + end)}7");
            }

            c = end;
        }

        AddRows(workbook, sheets, id, name, rows, new Layout([14, 40, 6, .. columns.Select(_ => 16.0)], FrozenRows: HeaderRows - 1, Hidden: [3, HeaderRows])
        {
            // The 空表说明 and 注 (rows 5 and 6) are the clerk's to write too.
            // A fixed row's key (「personnel.total」) is the program's, not the clerk's: kept in its cell, shown as nothing.
            Merges = merges,
            // The 空表说明 and 注 span the table's width, wrapped.
            WideText = [5, 6],
            Style = (r, c) => r is >= 7 and < HeaderRows ? Styles.Header : r < first ? (c == 0 ? Styles.Bold : c >= 1 && r is 5 or 6 ? Styles.Text : Styles.Plain)
                : c >= 3 ? (totals.Contains(r) ? Styles.Total : GroupedAt(r, c) is { } g ? Styles.GroupedAmountOf(g) : Styles.AmountOf(rows[r - 1].ElementAtOrDefault(c) as Printed?)) : coded && r >= addedFrom ? Styles.Input
                : c == 0 && r - first < table.Rows.Count && !IsCode(table.Rows[r - first].Key) ? Styles.HiddenKey : Styles.Label,
            Width = 3 + columns.Count,
            Protect = true,
            Landscape = columns.Count > 4,
            // An empty table without fixed rows (a 空表 read from a report) has no cells to validate.
            Validations = last < first ? [] :
            [
                new DataValidation
                {
                    Type = DataValidationValues.Decimal, Operator = DataValidationOperatorValues.Between, AllowBlank = true, ShowErrorMessage = true,
                    ErrorTitle = "请填写数字", Error = $"请填写金额（单位：{table.Unit.Name()}），如 138.60；没有的留空。",
                    SequenceOfReferences = new ListValue<StringValue> { InnerText = amountColumns },
                    Formula1 = new Formula1("-1000000000000"), Formula2 = new Formula2("1000000000000"),
                },
                .. coded ? new[]
                {
                    // A drop-down of the year's codes (the 科目代码 sheet); a code not listed there is allowed after a
                    // warning — the catalogue advises, the report's own tables decide.
                    new DataValidation
                    {
                        Type = DataValidationValues.List, AllowBlank = true, ShowErrorMessage = true, ShowInputMessage = true, ErrorStyle = DataValidationErrorStyleValues.Warning,
                        PromptTitle = "新增科目", Prompt = "从下拉列表选择科目编码（类 3 位、款 5 位、项 7 位），名称随之显示；也可填写列表中没有的编码。",
                        ErrorTitle = "科目编码", Error = "这个编码不在「科目代码」表中：请核对；确是本年度使用的科目，可以保留。",
                        SequenceOfReferences = new ListValue<StringValue> { InnerText = $"A{addedFrom}:A{last}" },
                        Formula1 = new Formula1(definition.RowKind == RowKind.Economic ? lists.Economic : lists.Functional),
                    },
                } : [],
            ],
        });
    }

    /// <summary>
    /// What a reason is about, in the report's words: the row of the tables with its code (「2101101 行政单位医疗」), or the
    /// quantity (「一般公共预算财政拨款 基本支出」).
    /// </summary>
    private static string Subject(DepartmentYear year, FactKey key)
    {
        var name = Concepts.Name(key) ?? Concepts.StatedSubject(key.Concept) ?? key.Concept;
        var row = key.Code is { } code ? $"{code} {year.Tables.SelectMany(t => t.Rows).FirstOrDefault(r => r.Key == code && r.Label is { Length: > 0 })?.Label} " : string.Empty;
        return $"{Scopes.Name(key.Scope)} {row}{name}".Trim();
    }

    private static string BasisName(string basis) => basis switch
    {
        Bases.Prior => "上年决算数",
        Bases.Budget => "年初预算数",
        Bases.FullYearBudget => "全年预算数",
        _ => "决算数",
    };

    /// <summary>A cell's formula (without the leading =).</summary>
    private sealed record SheetFormula(string Text);

    private static bool IsCode(string key) => key.Length is 3 or 5 or 7 && key.All(char.IsAsciiDigit);

    /// <summary>Rows left open under a table of codes for the codes a department adds.</summary>
    private const int AddedRows = 20;

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, uint id, string name, IEnumerable<string[]> rows, Layout? layout = null) =>
        AddRows(workbook, sheets, id, name, rows.Select(r => (IReadOnlyList<object?>)r.Cast<object?>().ToArray()).ToList(), layout);

    /// <summary>
    /// How a sheet is shown: column widths (in characters), rows frozen at the top, rows hidden (1-based); the style of
    /// each cell (row and column 1-based and 0-based), over <see cref="Width"/> columns, blank cells included; whether the
    /// sheet is protected (structure locked, unlocked styles open to typing), printed landscape, and its validations.
    /// </summary>
    private sealed record Layout(IReadOnlyList<double> Widths, int FrozenRows = 1, IReadOnlyList<int>? Hidden = null)
    {
        public Func<int, int, uint>? Style { get; init; }

        public int Width { get; init; }

        public bool Protect { get; init; }

        public bool Landscape { get; init; }

        public IReadOnlyList<DataValidation> Validations { get; init; } = [];

        /// <summary>Columns (0-based) hidden from view, still read back.</summary>
        public IReadOnlyList<int> HiddenColumns { get; init; } = [];

        /// <summary>Ranges merged into one cell (「A7:A8」).</summary>
        public IReadOnlyList<string> Merges { get; init; } = [];

        /// <summary>Rows (1-based) whose text in column B is merged across the rest of the columns (its height is reckoned on their width).</summary>
        public IReadOnlyList<int> WideText { get; init; } = [];
    }

    private static double? TextHeight(IReadOnlyList<object?> cells, Func<int, double> widthOfTextColumn)
    {
        var lines = 1;
        for (var c = 0; c < cells.Count; c++)
        {
            if (cells[c] is string text && widthOfTextColumn(c) is > 0 and var width)
            {
                var units = text.Sum(ch => ch > 0x2E80 ? 2 : 1);
                lines = Math.Max(lines, (int)Math.Ceiling(units / Math.Max(1, width - 1)) + text.Count(ch => ch == '\n'));
            }
        }

        return lines <= 1 ? null : Math.Min(409, 14.5 * lines);
    }

    private static void AddRows(WorkbookPart workbook, Sheets sheets, uint id, string name, List<IReadOnlyList<object?>> rows, Layout? layout = null)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < Math.Max(rows[r].Count, layout?.Style is null ? 0 : layout.Width); c++)
            {
                var reference = ColumnName(c) + (r + 1).ToString(CultureInfo.InvariantCulture);
                var style = layout?.Style?.Invoke(r + 1, c);
                Cell? cell = (c < rows[r].Count ? rows[r][c] : null) switch
                {
                    // A formula without a cached value: Excel, WPS and LibreOffice compute it on opening; read back
                    // before any of them has, it is blank, as the figures it adds.
                    SheetFormula formula => new Cell { CellReference = reference, CellFormula = new CellFormula(formula.Text) },
                    // A blank cell is written only to carry its style (its border, its being open to typing).
                    null => style is null or Styles.Plain ? null : new Cell { CellReference = reference },
                    Printed number => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(number.ToString()) },
                    var value => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(value.ToString() ?? string.Empty) { Space = SpaceProcessingModeValues.Preserve }) },
                };
                if (cell is not null)
                {
                    if (style is { } index)
                    {
                        cell.StyleIndex = index;
                    }

                    row.AppendChild(cell);
                }
            }

            if (layout?.Hidden?.Contains(r + 1) == true)
            {
                row.Hidden = true;
            }

            // A row of long wrapped text is made as tall as its text needs (not every program fits it on opening): a
            // Chinese character takes about two units of a column's width, a line about 14 points, at most 409 points.
            if (layout is { Style: { } styleOf } && TextHeight(rows[r], c => styleOf(r + 1, c) != Styles.Text ? 0
                    : layout.WideText.Contains(r + 1) ? (c == 1 ? layout.Widths.Skip(1).Sum() : 0) : layout.Widths.ElementAtOrDefault(c)) is { } height)
            {
                row.Height = height;
                row.CustomHeight = true;
            }

            data.AppendChild(row);
        }

        var worksheet = new Worksheet();
        if (layout?.Style is not null)
        {
            // Printed one page wide (the page setup's fit-to-width holds only with fitToPage set).
            worksheet.Append(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        }

        if (layout is not null)
        {
            if (layout.FrozenRows > 0)
            {
                var below = "A" + (layout.FrozenRows + 1).ToString(CultureInfo.InvariantCulture);
                worksheet.Append(new SheetViews(new SheetView(
                    new Pane { VerticalSplit = layout.FrozenRows, TopLeftCell = below, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                    new Selection { Pane = PaneValues.BottomLeft, ActiveCell = below, SequenceOfReferences = new ListValue<StringValue> { InnerText = below } })
                { WorkbookViewId = 0U }));
            }

            worksheet.Append(new Columns(layout.Widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true, Hidden = layout.HiddenColumns.Contains(i) ? true : null })));
        }

        worksheet.Append(data);
        if (layout?.Protect == true)
        {
            // No password: the protection keeps a clerk from typing over codes, names or the hidden keys by accident; the
            // amounts stay open, and formatting and resizing stay allowed.
            worksheet.Append(new SheetProtection { Sheet = true, Objects = true, Scenarios = true, FormatCells = false, FormatColumns = false, FormatRows = false });
        }

        if (layout?.Merges is { Count: > 0 } merged)
        {
            worksheet.Append(new MergeCells(merged.Select(m => new MergeCell { Reference = m })) { Count = (uint)merged.Count });
        }

        if (layout?.Validations is { Count: > 0 } validations)
        {
            worksheet.Append(new DataValidations(validations) { Count = (uint)validations.Count });
        }

        if (layout?.Style is not null)
        {
            worksheet.Append(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
            worksheet.Append(new PageSetup { PaperSize = 9U, Orientation = layout.Landscape ? OrientationValues.Landscape : OrientationValues.Portrait, FitToWidth = 1U, FitToHeight = 0U });
        }

        part.Worksheet = worksheet;
        sheets.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name });
    }
}
