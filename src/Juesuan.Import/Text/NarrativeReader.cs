using System.Globalization;
using System.Text.RegularExpressions;
using Juesuan.Formats;
using Juesuan.Domain.Catalogs;
using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
using Juesuan.Domain.Reference;
using Juesuan.Domain.Templates;

namespace Juesuan.Import.Text;

/// <summary>
/// Reads the narrative (情况说明): section headings matched to the template's sections, the text of each joined across the
/// line wraps of the extraction, and the statements the audit checks — totals, each income and spending type with its
/// share, changes against the prior year, budgets and completion rates (total and per 项), 人员/公用经费, “三公”,
/// 机关运行经费. Every number with a unit that no pattern took is kept as an unattached figure.
/// </summary>
internal static partial class NarrativeReader
{
    private const string V = @"(?<v>[0-9][0-9,]{0,18}(?:\.[0-9]{1,6})?)";
    private const string U = @"(?<u>万元|元)";

    /// <summary>
    /// A section as read: its text (its body lines joined, spaces dropped) and the line each character came from, so a
    /// statement is located on its own line (or page), not its section's heading.
    /// </summary>
    private sealed record Section(NarrativeSection Printed, string Text, ReportLine Heading, IReadOnlyList<(int Start, ReportLine Line)> Body)
    {
        /// <summary>
        /// A section of <paramref name="body"/>'s lines, spaces dropped, each line's offset kept (ChinesePunctuation keeps
        /// lengths, so the offsets hold); <paramref name="printed"/> takes the text.
        /// </summary>
        public static Section Of(NarrativeSection printed, ReportLine heading, IEnumerable<ReportLine> body)
        {
            var parts = body.Select(l => (Line: l, Text: l.Text.Trim().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u3000", string.Empty, StringComparison.Ordinal)))
                .Where(p => p.Text.Length > 0).ToArray();
            var starts = new List<(int Start, ReportLine Line)>();
            var offset = 0;
            foreach (var part in parts)
            {
                starts.Add((offset, part.Line));
                offset += part.Text.Length;
            }

            var text = PrintedText.ChinesePunctuation(string.Concat(parts.Select(p => p.Text)));
            return new Section(printed with { Text = text }, text, heading, starts);
        }

        /// <summary>The line the character at <paramref name="index"/> of <see cref="Text"/> was printed on.</summary>
        public ReportLine LineAt(int index)
        {
            var line = Heading;
            foreach (var (start, body) in Body)
            {
                if (start > index)
                {
                    break;
                }

                line = body;
            }

            return line;
        }
    }

    public static Narrative Read(IReadOnlyList<ReportLine> lines, IReadOnlyList<(int Start, int End)> tableRegions, Template template, int year, string file, List<ImportIssue> issues, ReferenceData reference, IReadOnlyList<StatedTable>? tables = null, ISet<ReportLine>? linesRead = null)
    {
        var sections = ReadSections(lines, tableRegions, template, reference.Templates);
        foreach (var section in sections)
        {
            linesRead?.Add(section.Heading);
            linesRead?.UnionWith(section.Body.Select(b => b.Line));
        }

        return ReadClaims(sections, template, year, file, issues, reference, tables);
    }

    /// <summary>
    /// The narrative of sections given as text (a workbook's 「情况说明」 sheet, one section a row), read by the same grammar
    /// as a printed report; each claim is located at its section (numbered from 1 in the sheet's order).
    /// </summary>
    public static Narrative Read(IReadOnlyList<NarrativeSection> printed, Template template, int year, string file, List<ImportIssue> issues, ReferenceData reference, IReadOnlyList<StatedTable>? tables = null)
    {
        ArgumentNullException.ThrowIfNull(printed);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(reference);
        var sections = printed.Select((p, i) =>
        {
            var line = new ReportLine(i + 1, p.Text);
            return Section.Of(p with { Key = p.Key ?? SectionKey(p.Title, template) }, line with { Text = $"{p.Number}、{p.Title}" }, [line]);
        }).ToList();
        return ReadClaims(sections, template, year, file, issues, reference, tables);
    }

    private static Narrative ReadClaims(List<Section> sections, Template template, int year, string file, List<ImportIssue> issues, ReferenceData reference, IReadOnlyList<StatedTable>? tables)
    {
        var claims = new List<Claim>();
        var unattached = new List<string>();
        var catalog = reference.Catalogs.Function(year);
        var keys = sections.Select(s => s.Printed.Key).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var section in sections)
        {
            var used = new Spans(section.Text.Length);
            var context = new Context(section, file, claims, used, catalog, issues);
            switch (section.Printed.Key)
            {
                case SectionKeys.Overview: Overview(context); break;
                case SectionKeys.Income: Income(context); break;
                case SectionKeys.Expenditure: Expenditure(context); break;
                case SectionKeys.Fiscal: Fiscal(context); break;
                case SectionKeys.Gpb: Gpb(context); break;
                case SectionKeys.Basic: Basic(context); break;
                case SectionKeys.ThreePublic: ThreePublic(context); break;
                case SectionKeys.OperatingCosts: OperatingCosts(context); break;
                default: break;
            }

            // The counts and amounts that ThreePublicCounts, ProcurementOf and AssetsOf read from the section as a whole, or
            // from a sub-section of it where the report has no section of their own.
            foreach (var pattern in WholeSectionPatterns(section.Printed.Key))
            {
                foreach (Match m in pattern.Matches(section.Text))
                {
                    used.Add((m.Index, m.Index + m.Length));
                }
            }

            foreach (var (key, start, end) in SubSections(section.Text).Where(x => x.Key != section.Printed.Key && !keys.Contains(x.Key)))
            {
                foreach (var pattern in WholeSectionPatterns(key))
                {
                    foreach (Match m in pattern.Matches(section.Text, start).TakeWhile(m => m.Index + m.Length <= end))
                    {
                        used.Add((m.Index, m.Index + m.Length));
                    }
                }
            }

            var first = claims.Count;
            ReadStatements(context, unattached, tables ?? [], template, $"{section.Printed.Number}、{section.Printed.Title}");
            ComparisonsAfter(section.Text, claims, first);
        }

        return new Narrative { Sections = sections.Select(s => s.Printed).ToArray(), Claims = claims, UnattachedFigures = unattached };
    }

    /// <summary>
    /// The printed prose outside the sections (runs of lines no reader took: 部门概况, an appended self-evaluation report…)
    /// read by the same clause grammar, each run as a section of its own. Its statements keep the report's own words as
    /// their subjects (never a quantity of the tables: such prose often states another scope), so they are checked within
    /// themselves — shares, parts, changes — and every figure no statement takes is listed as unread.
    /// </summary>
    /// <summary>The narrative with the prose outside its sections read (<see cref="ReadProse"/>) and added: claims, unread figures, the count.</summary>
    public static Narrative WithProse(Narrative narrative, IReadOnlyList<IReadOnlyList<ReportLine>> runs, Template template, int year, string file, List<ImportIssue> issues, ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(narrative);
        var prose = ReadProse(runs, template, year, file, issues, reference);
        return narrative with { Claims = [.. narrative.Claims, .. prose.Claims], UnattachedFigures = [.. narrative.UnattachedFigures, .. prose.Unattached], ProseFigures = prose.Figures };
    }

    public static (IReadOnlyList<Claim> Claims, IReadOnlyList<string> Unattached, int Figures) ReadProse(IReadOnlyList<IReadOnlyList<ReportLine>> runs, Template template, int year, string file, List<ImportIssue> issues, ReferenceData reference)
    {
        var claims = new List<Claim>();
        var unattached = new List<string>();
        var figures = 0;
        var catalog = reference.Catalogs.Function(year);
        foreach (var run in runs.Where(r => r.Count > 0))
        {
            var section = Section.Of(new NarrativeSection { Number = string.Empty, Title = "正文", Key = SectionKeys.Prose, Text = string.Empty }, run[0], run);
            var text = section.Text;
            var at = run[0].Page is { } page ? $"第{page}页" : $"第{run[0].Number}行";
            // Each run is read from its own offset 0: its statements are keyed by where it starts, so two runs printing the
            // same template sentence never share a quantity.
            ReadStatements(new Context(section, file, claims, new Spans(text.Length), catalog, issues), unattached, [], template, $"正文（{at}）",
                $"{SectionKeys.Prose}-{run[0].Page?.ToString(CultureInfo.InvariantCulture) ?? "0"}-{run[0].Number.ToString(CultureInfo.InvariantCulture)}");
            figures += AnyFigure().Count(text);
        }

        return (claims, unattached, figures);
    }

    /// <summary>
    /// What a section's specific readers left: statements of the clause grammar about any subject, each a claim; a share
    /// whose whole is a quantity stated earlier in the section (「…收入总计 430,725.03 万元…财政拨款收入…占收入总额 56.42%」)
    /// is checked against it. Every figure no statement took is listed under <paramref name="label"/>.
    /// </summary>
    private static void ReadStatements(Context context, List<string> unattached, IReadOnlyList<StatedTable> tables, Template template, string label, string? keyScope = null)
    {
        var section = context.Section;
        var claims = context.Claims;
        var used = context.Used;
        var wholes = new List<Whole>();
        // A scoring scale (「分值区间 100%-80%（含）、80%-60%（含）…」) is read as a scale: N.RATE_RANGE checks its bands.
        used.AddRange(ScoringBands.In(section.Text).Select(m => (m.Index, m.Index + m.Length)).ToArray());
        var statements = ClauseReader.Read(section.Text, used.Covers);
        var claimOf = new Dictionary<int, FactKey>();
        for (var k = 0; k < statements.Count; k++)
        {
            var statement = statements[k];
            // Only a share that names no whole needs the search for one.
            var unstated = statement.Figures.FirstOrDefault(f => f.Role == FigureRole.Share && f.Whole is { } w && WholeNamed(w, wholes) is null)?.Whole;
            var implicitWhole = statement.Figures.Any(f => f.Role == FigureRole.Share && (f.Whole is null || f.Whole == unstated))
                ? ImplicitWhole(statement, claimOf, claims, section.Printed.Key!, section.Text, unstated) : null;
            if (StatementClaim(statement, section.Printed.Key!, wholes, CodedSubject(statement, section.Text, tables ?? [], template), implicitWhole, keyScope) is { } read)
            {
                if ((read.Claim.Amount ?? read.Claim.Budget) is not null)
                {
                    claimOf[k] = read.Claim.Subject;
                }

                if (statement.PartOf is { } whole && claimOf.TryGetValue(whole, out var wholeKey) && (read.Claim.Amount ?? read.Claim.Change) is not null)
                {
                    read = (read.Claim with { PartOf = wholeKey, PartsComplete = statement.CompleteParts }, read.Figures);
                }

                if (read.Claim.Amount is not null)
                {
                    wholes.Add(new Whole(ClauseReader.QuantityKey(statement.Subject), ClauseReader.IsTotal(statement.Subject), read.Claim.Subject));
                }

                used.AddRange(read.Figures.Select(f => (f.Index, f.Index + f.Length)));
                var sentence = SentenceAt(section.Text, statement.Index);
                // A rate without its budget still names which budget it is of (「完成全年预算的 0.00%」): the check takes that one.
                var basis = read.Claim is { Budget: null, CompletionPercent: not null } ? RateBasis(sentence) : read.Claim.BudgetBasis;
                claims.Add(read.Claim with { Section = section.Printed.Key, Sentence = sentence, Source = context.Where(statement.Index), BudgetBasis = basis });
            }
        }

        // 「…预算 0.6 万元，支出决算 0.32 万元，…决算数较预算数减少 0.28 万元」: the gap joins the statement of its sentence.
        foreach (Match m in BudgetGap().Matches(section.Text))
        {
            var sentence = SentenceAt(section.Text, m.Index);
            var index = claims.FindLastIndex(x => x.Section == section.Printed.Key && x.Sentence == sentence && x.Budget is not null && x.Amount is not null && x.BudgetDifference is null);
            if (index >= 0 && !used.Covers(m.Index))
            {
                claims[index] = claims[index] with { BudgetDifference = Money(m), BudgetDifferenceDirection = m.Groups["dir"].Value is "增加" or "超支" ? Direction.Increase : Direction.Decrease };
                used.Add((m.Index, m.Index + m.Length));
            }
        }

        // Every figure of every section that no statement took is listed, so nothing is dropped unseen.
        foreach (Match m in AnyFigure().Matches(section.Text))
        {
            if (!used.Covers(m.Index))
            {
                unattached.Add($"{label}：{m.Value}（「{SentenceAt(section.Text, m.Index)}」）");
            }
        }
    }

    /// <summary>
    /// The comparison with the budget that opens the sentence after a completion rate's (「…完成预算数的 100%…。决算数与预算数
    /// 持平的主要原因是严格执行预算」) belongs to that rate's claim — when it is the only claim of its sentence with a rate.
    /// </summary>
    private static void ComparisonsAfter(string text, List<Claim> claims, int first)
    {
        for (var i = first; i < claims.Count; i++)
        {
            var claim = claims[i];
            if (claim.CompletionPercent is null || claim.BudgetComparison is not null || claim.Sentence is not { Length: > 0 } sentence
                || claims.Skip(first).Count(x => x.Sentence == sentence && x.CompletionPercent is not null) != 1)
            {
                continue;
            }

            // A sentence cut short for display (「…」) is not found again.
            var at = sentence.EndsWith('…') ? -1 : text.IndexOf(sentence, StringComparison.Ordinal);
            var next = at < 0 ? -1 : at + sentence.Length;
            if (next < 0 || next >= text.Length || ComparisonOpening().Match(SentenceAt(text, next)) is not { Success: true } m)
            {
                continue;
            }

            // The budget the comparison names must be the one the rate is of (「完成全年预算的 95%。决算数大于年初预算数…」 compares
            // another budget).
            var named = RateBasis(sentence);
            var compared = m.Groups["b"].Value switch { "年初" => Bases.Budget, "全年" => Bases.FullYearBudget, _ => null };
            if (named is not null && compared is not null && named != compared)
            {
                continue;
            }

            claims[i] = claim with { BudgetComparison = Word(m.Groups["w"].Value) };
        }
    }

    // 「决算数大于预算数的主要原因…」「决算数与预算数持平…」 at a sentence's start, after at most the year and the subject's
    // words (「2024年度“三公”经费支出决算数小于预算数…」) — not 「其中…」, which is a part's.
    [GeneratedRegex(@"^(?:\d{4}\s*年度?)?(?!其中)[^。，；\d]{0,12}?决算数?(?:(?<w>大于|小于|等于|高于|低于)(?<b>年初|年度|全年)?预算数?|与(?<b>年初|全年)?预算数?(?<w>持平|一致|相等))")]
    private static partial Regex ComparisonOpening();

    /// <summary>The budget a sentence's completion rate names (「完成年初预算的」 → 年初, 「完成全年预算的」 → 全年), or null.</summary>
    internal static string? RateBasis(string sentence)
    {
        var named = RateBudget().Matches(sentence).Select(m => m.Groups["b"].Value).Distinct(StringComparer.Ordinal).ToArray();
        return named.Length != 1 ? null : named[0] switch { "年初" => Bases.Budget, "全年" or "调整后" => Bases.FullYearBudget, _ => null };
    }

    [GeneratedRegex(@"完成(?<b>年初|全年|调整后)?预算(?:数)?(?:的)?\s*\d")]
    private static partial Regex RateBudget();

    /// <summary>A quantity stated earlier in the section that a later share may name as its whole.</summary>
    private sealed record Whole(string Key, bool IsTotal, FactKey Subject);

    /// <summary>
    /// The quantity a share's whole names: the latest with the same key, or the latest total whose key ends with it
    /// (「占总支出的」 after 「财政拨款支出总计」 is over that total, not over an earlier 「各项支出总计」).
    /// </summary>
    private static FactKey? WholeNamed(string words, IReadOnlyList<Whole> wholes)
    {
        var key = ClauseReader.QuantityKey(words);
        return wholes.LastOrDefault(w => w.Key == key || (w.IsTotal && w.Key.EndsWith(key, StringComparison.Ordinal)))?.Subject;
    }

    private static string? KindOf(string words) => words.Contains("支出", StringComparison.Ordinal) ? "支出" : words.Contains("收入", StringComparison.Ordinal) ? "收入" : null;

    /// <summary>
    /// A share's whole that only the tables state: 「占项目支出总额的」 is over the 项目支出 total, 「占基本支出的」 over the
    /// 基本支出 total. Other wholes are the section's own quantities; 「部门预算项目支出总额」 may mean the budget or the
    /// actual, so it names neither.
    /// </summary>
    private static FactKey? TableWhole(string words) => Regex.Replace(words, "^(?:本?部门|单位)|决算|总额|总计|合计|总数|的", string.Empty) switch
    {
        "项目支出" => new FactKey(Concepts.ExpenseProject),
        "基本支出" => new FactKey(Concepts.ExpenseBasic),
        _ => null,
    };

    /// <summary>
    /// The fact a statement printed with its code states (「小学教育（2050202），2023 年度决算数为 7,970.38 万元」): the total of
    /// that code's row in the table the section last named before it (「（四）高等学校财政拨款支出决算表说明」), keyed as the
    /// table keys it — so the narrative and the table are compared. Null when no table is named or it has no such row.
    /// </summary>
    private static FactKey? CodedSubject(Statement statement, string text, IReadOnlyList<StatedTable> tables, Template template)
    {
        if (statement.Code is not { } code || tables.Count == 0)
        {
            return null;
        }

        var before = text[..statement.Index];
        var named = tables
            .Select(t => (Table: t, At: (template.Table(t.Definition)?.Titles ?? [t.Title]).Select(title => before.LastIndexOf(Template.TitleKey(title), StringComparison.Ordinal)).DefaultIfEmpty(-1).Max()))
            .Where(x => x.At >= 0)
            .OrderByDescending(x => x.At)
            .FirstOrDefault();
        if (named.Table?.Row(code) is not { } row || TemplateLibrary.Definitions.GetValueOrDefault(named.Table.Definition) is not { } definition
            || definition.Columns.FirstOrDefault(c => c.Role == "total") is not { } total)
        {
            return null;
        }

        return FactIndex.KeyOf(definition, row, total);
    }

    // A subject that can only mean one fact of the tables: the 一般公共预算财政拨款 spending total (in its own section the
    // fund's name alone, left by a sub-heading run into the sentence, means it too); 机关运行经费, which the templates
    // define as paid from 一般公共预算财政拨款 (「机关运行经费较上年度增长 6.91 万元，增长 437.86%」 is the quantity the
    // section's first sentence states); the “三公” total and items however quoted (「“三公”经费财政拨款支出决算为 1.38 万元」,
    // 「因公出国（境）经费支出 0 万元」), the columns of table 09. Prose outside the sections keeps its own words: it may
    // state another scope (an appended report's 部门总收入).
    private static FactKey? Known(string subject, string section)
    {
        if (section == SectionKeys.Prose)
        {
            return null;
        }

        // The subject as printed, or after what may stand before it: a sub-heading run into the sentence (「（一）机关运行经费
        // 支出情况」 then 「机关运行经费支出 184.65 万元」) or the department's name (「渠县医疗保障局机关运行经费支出」).
        var words = Unquoted().Replace(subject, string.Empty);
        if (KnownName(words, section) is { } known)
        {
            return known;
        }

        // 「…支出决算数为」: the figure's word (数) after the quantity's name.
        if (words.EndsWith("决算数", StringComparison.Ordinal) && KnownName(words[..^1], section) is { } counted)
        {
            return counted;
        }

        foreach (Match end in SubjectPrefixEnd().Matches(words))
        {
            if (KnownName(words[(end.Index + end.Length)..], section) is { } after)
            {
                return after;
            }
        }

        return null;
    }

    // A heading's words (「…支出情况」), the department's name (「渠县医疗保障局」: a 局; a unit's 「…中心」 may be a
    // subordinate, whose 机关运行经费 is not the department's) or the fund that pays (「财政拨款安排培训费」) at the start of a
    // subject, up to each possible end.
    [GeneratedRegex(@"(?<=^[^，。；]{1,24}?)(?:情况|说明|局|安排)")]
    private static partial Regex SubjectPrefixEnd();

    private static FactKey? KnownName(string words, string section) => words switch
    {
        "一般公共预算财政拨款支出" or "一般公共预算财政拨款支出决算" => new FactKey(Concepts.ExpenseTotal, Scope: Scopes.Gpb),
        "一般公共预算财政拨款" when section == "gpb" => new FactKey(Concepts.ExpenseTotal, Scope: Scopes.Gpb),
        // 「一般公共预算支出决算数为 7056.14 万元」 in the section on 一般公共预算财政拨款 spending is that spending.
        "一般公共预算" or "一般公共预算支出" or "一般公共预算支出决算" when section == "gpb" => new FactKey(Concepts.ExpenseTotal, Scope: Scopes.Gpb),
        "机关运行经费" or "机关运行经费支出" or "机关运行经费支出决算" => new FactKey(Concepts.OperatingCosts, Scope: Scopes.Gpb),
        "三公经费财政拨款" or "三公经费财政拨款支出" or "三公经费财政拨款支出决算" or "三公经费支出" or "三公经费支出决算"
            => new FactKey(Concepts.ThreePublicTotal, Scope: Scopes.Fiscal),
        "因公出国" or "因公出国（境）费" or "因公出国（境）费用" or "因公出国（境）经费" or "因公出国（境）费支出" or "因公出国（境）经费支出"
            => new FactKey("threePublic.abroad", Scope: Scopes.Fiscal),
        "公务用车购置及运行维护费" or "公务用车购置及运行费" or "公务用车购置及运行维护费支出" or "公务用车购置及运行费支出"
            => new FactKey("threePublic.vehicles", Scope: Scopes.Fiscal),
        "公务用车购置费" or "公务用车购置支出" or "公务用车购置费支出" => new FactKey("threePublic.vehiclePurchase", Scope: Scopes.Fiscal),
        "公务用车运行维护费" or "公务用车运行费" or "公务用车运行维护费支出" or "公务用车运行费支出" or "公务用车运行支出"
            => new FactKey("threePublic.vehicleOperation", Scope: Scopes.Fiscal),
        // The 会议费 and 培训费 columns of table 09 where the template prints them (「财政拨款安排培训费预算 0 万元，支出决算 0 万元」).
        "会议费" or "会议费支出" when section == SectionKeys.ThreePublic => new FactKey("meeting", Scope: Scopes.Fiscal),
        "培训费" or "培训费支出" when section == SectionKeys.ThreePublic => new FactKey("training", Scope: Scopes.Fiscal),
        "公务接待费" or "公务接待费支出" => new FactKey("threePublic.reception", Scope: Scopes.Fiscal),
        _ => null,
    };

    [GeneratedRegex("[“”\"‘’]")]
    private static partial Regex Unquoted();

    /// <summary>
    /// The whole a share that names none is over (「…其中：基本支出 673.65 万元，占 9.09%；…上缴上级支出 0 万元，占 0%」): the
    /// statement the breakdown belongs to, else the last total stated in this sentence or the one before it that is not
    /// itself a part (「“三公”经费财政拨款支出决算为 1.38 万元…。…因公出国（境）费支出决算 0 万元，占 0%」).
    /// </summary>
    private static FactKey? ImplicitWhole(Statement statement, Dictionary<int, FactKey> claimOf, List<Claim> claims, string section, string text, string? named = null)
    {
        if (statement.PartOf is { } part && claimOf.TryGetValue(part, out var whole))
        {
            // A share naming a total the section does not state (「年末决算支出合计为 1585.9 万元，其中：基本支出 476.21 万元…，
            // 占总支出的 61.46%」) is over the whole of its breakdown when that whole is a total itself (part of nothing) of
            // the same kind (支出, 收入); 「占基本支出的」 or a whole that is itself a part names something else.
            var wholeIsTotal = claims.LastOrDefault(x => x.Subject == whole) is { PartOf: null };
            var namesTotal = named is not null && (ClauseReader.IsTotal(named) || named.StartsWith('总'));
            return named is null || (namesTotal && wholeIsTotal && KindOf(named) is { } kind
                && (Concepts.StatedSubject(whole.Concept) is { } words ? KindOf(words) : whole.Concept.StartsWith("expense", StringComparison.Ordinal) ? "支出" : whole.Concept.StartsWith("income", StringComparison.Ordinal) ? "收入" : null) == kind) ? whole : null;
        }

        if (named is not null)
        {
            return null;
        }

        var sentence = SentenceAt(text, statement.Index);
        var start = text.LastIndexOf('。', Math.Max(0, Math.Min(statement.Index, text.Length - 1)));
        var previous = start > 0 ? SentenceAt(text, start - 1) : null;
        static bool IsWhole(Claim c) => c.Amount is not null && c.PartOf is null && c.Subject.Code is null
            && (c.Subject.Concept is Concepts.IncomeTotal or Concepts.ExpenseTotal or Concepts.ThreePublicTotal
                || (Concepts.StatedSubject(c.Subject.Concept) is { } name && ClauseReader.IsTotal(name)));
        var inSection = claims.Where(c => c.Section == section && IsWhole(c)).ToArray();
        return (inSection.LastOrDefault(c => c.Sentence == sentence) ?? inSection.LastOrDefault(c => previous is not null && c.Sentence == previous))?.Subject;
    }

    /// <summary>
    /// A statement of the clause grammar as a claim about a quantity the section names (<see cref="Concepts.Stated"/>):
    /// its amount, budget, completion rate, change, count, share (when its part and whole are known) or rate, each as
    /// printed. A share of a whole nobody states, about a subject without an amount, is read as a rate of that subject;
    /// a share whose whole is unknown beside an amount, and figures without a role, are left unread (and listed).
    /// </summary>
    private static (Claim Claim, IReadOnlyList<ClauseFigure> Figures)? StatementClaim(Statement statement, string section, IReadOnlyList<Whole> wholes, FactKey? coded = null, FactKey? implicitWhole = null, string? keyScope = null)
    {
        ClauseFigure? First(params FigureRole[] roles) => statement.Figures.FirstOrDefault(f => roles.Contains(f.Role));
        // A figure that does not parse (too many digits) is left unread, never a crash.
        statement = statement with { Figures = statement.Figures.Where(f => Printed.Parse(f.Number.Replace(",", string.Empty, StringComparison.Ordinal)).Success).ToArray() };
        static Amount Money(ClauseFigure f) => f.Money()!.Value;
        static Printed Number(ClauseFigure f) => Printed.Parse(f.Number.Replace(",", string.Empty, StringComparison.Ordinal)).Value;
        var amount = First(FigureRole.Amount);
        var budget = First(FigureRole.Budget, FigureRole.FullYearBudget);
        // A completion rate is kept without a budget figure too (「支出 1.31 万元，完成预算 0%」): the table may hold the budget.
        var rate = First(FigureRole.Completion);
        var named = amount is null && budget is null && rate is null ? First(FigureRole.Rate) : null;
        var change = First(FigureRole.ChangeAmount);
        var changePercent = First(FigureRole.ChangePercent);
        // A statement about a quantity of the report's own words keeps its count beside its amount (「门诊慢特病 44203 人次
        // 1448.53 万元」); a quantity of the tables keeps the amount only (the 三公 counts are read apart).
        var ownWords = coded is null && Known(statement.Subject, section) is null;
        var count = (amount is null && budget is null) || ownWords ? First(FigureRole.Count) : null;
        // A share needs its part: the amount stated, or a quantity of the tables the subject names (「公务用车购置及运行维护费
        // 支出决算 1.31 万元，占 94.93%」 where the amount was read as the table's).
        // A 三公 item's share that names no whole is over the 三公 total (「因公出国（境）费支出决算 0.00 万元，…，占 0.00%」).
        var threePublicItem = Known(statement.Subject, section) is { } k && k.Concept.StartsWith("threePublic.", StringComparison.Ordinal) && k.Concept != Concepts.ThreePublicTotal
            ? new FactKey(Concepts.ThreePublicTotal, Scope: Scopes.Fiscal) : null;
        FactKey? WholeOf(ClauseFigure f) => f.Whole is { } w ? WholeNamed(w, wholes) ?? TableWhole(w) ?? implicitWhole : implicitWhole ?? threePublicItem;
        var share = amount is null && ownWords ? null : statement.Figures.FirstOrDefault(f => f.Role == FigureRole.Share && WholeOf(f) is not null);
        // 「完成体检人数占预计体检人数的 96%」: a ratio of two quantities the report does not state is a rate of the subject.
        named ??= amount is null && budget is null && rate is null && share is null ? First(FigureRole.Share) : null;
        var figures = new[] { amount, budget, rate, change, changePercent, count, share, named }.OfType<ClauseFigure>().ToArray();
        if (figures.Length == 0)
        {
            return null;
        }

        var claim = new Claim
        {
            Subject = coded ?? Known(statement.Subject, section) ?? new FactKey(Concepts.Stated($"{keyScope ?? section}@{statement.Index}", statement.Subject)),
            Amount = amount is null ? null : Money(amount),
            Budget = budget is null ? null : Money(budget),
            BudgetBasis = budget is null ? null : budget.Role == FigureRole.FullYearBudget ? Bases.FullYearBudget : Bases.Budget,
            CompletionPercent = rate is null ? null : Number(rate),
            Change = change is null ? null : Money(change),
            ChangeDirection = change?.Direction ?? changePercent?.Direction,
            ChangePercent = changePercent is null ? null : Number(changePercent),
            ChangePercentDirection = changePercent?.Direction,
            Count = count is null ? null : Number(count),
            CountUnit = count?.Unit,
            SharePercent = share is null ? null : Number(share),
            ShareOf = share is null ? null : WholeOf(share),
            RatePercent = named is null ? null : Number(named),
            RateIsBound = named is null ? null : named.Bound,
        };
        return (claim, figures);
    }

    private static IEnumerable<Regex> WholeSectionPatterns(string? key) => key switch
    {
        SectionKeys.ThreePublic => [AbroadCount(), VehiclesHeld(), VehiclesBought(), DomesticReception(), ForeignReception(), MeetingCount(), TrainingCount()],
        SectionKeys.Procurement => [ProcurementTotal(), ProcurementGoods(), ProcurementWorks(), ProcurementServices(), SmeContracts(), SmallMicroContracts(),
            SmeReservedBudget(), SmallMicroReservedBudget(), SmeReservedAwards(), SmallMicroReservedAwards(), SmeOtherAwards()],
        SectionKeys.Assets => [VehicleTotal(), VehicleKind(), LargeEquipment(), VehiclesPurchased()],
        _ => [],
    };

    /// <summary>
    /// The reasons the narrative gives (原因说明). The reader takes a reason only from a 项 paragraph, where it follows
    /// the comparison of the actual with the budget (「决算数小于年初预算数的主要原因是…」), so each explains a budget deviation.
    /// </summary>
    public static IReadOnlyList<Explanation> ExplanationsOf(Narrative narrative)
    {
        ArgumentNullException.ThrowIfNull(narrative);
        return narrative.Claims.Where(c => c.Reason is { Length: > 0 } && c.Subject.Code is { Length: 7 })
            .Select(c => new Explanation { Subject = c.Subject with { Basis = Bases.Actual }, Topic = ExplanationTopic.Budget, Text = c.Reason!.Trim() })
            .ToArray();
    }

    /// <summary>The “三公” counts the narrative states: groups and persons abroad, vehicles held, receptions, meetings, trainings.</summary>
    public static ThreePublicDetails? ThreePublicCounts(Narrative narrative)
    {
        ArgumentNullException.ThrowIfNull(narrative);
        var text = string.Concat(narrative.Sections.Where(s => s.Key == SectionKeys.ThreePublic).Select(s => s.Text));
        if (text.Length == 0)
        {
            return null;
        }

        static int? Get(Match m, string group) => m.Success ? Printed.Integer(m.Groups[group].Value) : null;
        var abroad = AbroadCount().Match(text);
        var held = VehiclesHeld().Match(text);
        var bought = VehiclesBought().Match(text);
        var domestic = DomesticReception().Match(text);
        var foreign = ForeignReception().Match(text);
        var meetings = MeetingCount().Match(text);
        var trainings = TrainingCount().Match(text);
        if (!(abroad.Success || held.Success || bought.Success || domestic.Success || foreign.Success || meetings.Success || trainings.Success))
        {
            return null;
        }

        return new ThreePublicDetails
        {
            AbroadGroups = Get(abroad, "g"), AbroadPersons = Get(abroad, "p"), VehiclesHeld = Get(held, "v"), VehiclesPurchased = Get(bought, "n"),
            DomesticReceptionBatches = Get(domestic, "b"), DomesticReceptionPersons = Get(domestic, "p"),
            ForeignReceptionBatches = Get(foreign, "b"), ForeignReceptionPersons = Get(foreign, "p"),
            Meetings = Get(meetings, "n"), MeetingPersons = Get(meetings, "p"), Trainings = Get(trainings, "n"), TrainingPersons = Get(trainings, "p"),
        };
    }

    /// <summary>
    /// The text a structured reader takes for <paramref name="key"/>: the sections of that key, or — in a report that has none —
    /// the sub-sections of other sections that open with its words (「十一、其他重要事项的情况说明」 of the national and
    /// Shanghai templates groups 「（一）机关运行经费」「（二）政府采购支出情况」「（三）国有资产占有使用情况」 under one heading).
    /// </summary>
    private static string TextOf(Narrative narrative, string key)
    {
        var own = string.Concat(narrative.Sections.Where(s => s.Key == key).Select(s => s.Text));
        return own.Length > 0 || narrative.Sections.Any(s => s.Key == key)
            ? own
            : string.Concat(narrative.Sections.SelectMany(s => SubSections(s.Text).Where(x => x.Key == key).Select(x => s.Text[x.Start..x.End])));
    }

    /// <summary>
    /// The sub-sections of a section's text that name a topic with a structured reader: each opens at a numbered sub-heading
    /// (「（二）政府采购支出情况」) whose first words name the topic, and ends where the next numbered sub-heading begins.
    /// </summary>
    internal static IEnumerable<(string Key, int Start, int End)> SubSections(string text)
    {
        var marks = SubHeading().Matches(text);
        for (var i = 0; i < marks.Count; i++)
        {
            var from = marks[i].Index + marks[i].Length;
            var words = text.Substring(from, Math.Min(16, text.Length - from));
            var key = SubSectionWords.FirstOrDefault(w => words.Contains(w.Word, StringComparison.Ordinal)).Key;
            if (key is not null)
            {
                yield return (key, marks[i].Index, i + 1 < marks.Count ? marks[i + 1].Index : text.Length);
            }
        }
    }

    private static readonly (string Word, string Key)[] SubSectionWords =
        [("机关运行", SectionKeys.OperatingCosts), ("政府采购", SectionKeys.Procurement), ("国有资产", SectionKeys.Assets)];

    [GeneratedRegex(@"[（(][一二三四五六七八九十]{1,3}[）)]")]
    private static partial Regex SubHeading();

    /// <summary>政府采购 as the narrative states it: total, goods, works, services, SME and small/micro contracts.</summary>
    public static Procurement? ProcurementOf(Narrative narrative)
    {
        ArgumentNullException.ThrowIfNull(narrative);
        var text = TextOf(narrative, SectionKeys.Procurement);
        var total = ProcurementTotal().Match(text);
        if (!total.Success)
        {
            // 「本年度无政府采购支出」: a stated zero, not a missing figure.
            return NoProcurement().IsMatch(text) ? new Procurement { Total = Amount.Zero(MoneyUnit.WanYuan) } : null;
        }

        Amount? Get(Regex pattern) => pattern.Match(text) is { Success: true } m ? Money(m) : null;
        Printed? ShareOf(Regex pattern) => pattern.Match(text) is { Success: true } m && m.Groups["s"].Success ? Percent(m, "s") : null;
        return new Procurement
        {
            Total = Money(total), Goods = Get(ProcurementGoods()), Works = Get(ProcurementWorks()), Services = Get(ProcurementServices()),
            SmeContracts = Get(SmeContracts()), SmallMicroContracts = Get(SmallMicroContracts()),
            SmeSharePercent = ShareOf(SmeContracts()), SmallMicroSharePercent = ShareOf(SmallMicroContracts()),
            SmeReservedBudget = Get(SmeReservedBudget()), SmallMicroReservedBudget = Get(SmallMicroReservedBudget()),
            SmeReservedAwards = Get(SmeReservedAwards()), SmallMicroReservedAwards = Get(SmallMicroReservedAwards()), SmeOtherAwards = Get(SmeOtherAwards()),
        };
    }

    /// <summary>
    /// 机关运行经费 as the narrative states it: the actual and budget of its claim, and the prior year the claim's change
    /// implies (actual less the signed change); null when the narrative states none.
    /// </summary>
    public static OperatingCosts? OperatingCostsOf(Narrative narrative)
    {
        ArgumentNullException.ThrowIfNull(narrative);
        var claim = narrative.Claims.FirstOrDefault(c => c.Subject.Concept == Concepts.OperatingCosts && c.Amount is not null);
        if (claim is null)
        {
            return null;
        }

        Amount? prior = null;
        if (claim.Change is { } change && claim.ChangeDirection is { } direction)
        {
            var actual = claim.Amount!.Value.ConvertTo(change.Unit);
            var signed = direction == Direction.Decrease ? -change.Value : direction == Direction.Increase ? change.Value : 0m;
            prior = new Amount(actual.Value - signed, Math.Max(actual.Decimals, change.Decimals), change.Unit);
        }

        return new OperatingCosts { Actual = claim.Amount, Budget = claim.Budget, Prior = prior };
    }

    /// <summary>国有资产占用: vehicles in total and by kind, large equipment, purchases this year.</summary>
    public static Assets? AssetsOf(Narrative narrative)
    {
        ArgumentNullException.ThrowIfNull(narrative);
        var text = TextOf(narrative, SectionKeys.Assets);
        var vehicles = VehicleTotal().Match(text);
        if (!vehicles.Success)
        {
            return null;
        }

        var kinds = VehicleKind().Matches(text)
            .Select(m => (Kind: m.Groups["k"].Value is var k && k.StartsWith("其中", StringComparison.Ordinal) ? k[2..] : k, Count: Printed.Integer(m.Groups["n"].Value)))
            .Where(x => x.Count is not null)
            .DistinctBy(x => x.Kind)
            .ToDictionary(x => x.Kind, x => x.Count!.Value);
        return new Assets
        {
            Vehicles = Printed.Integer(vehicles.Groups["n"].Value),
            VehiclesByKind = kinds,
            LargeEquipment = LargeEquipment().Match(text) is { Success: true } e ? Printed.Integer(e.Groups["n"].Value) : null,
            VehiclesPurchasedThisYear = VehiclesPurchased().Match(text) is { Success: true } p ? Printed.Integer(p.Groups["n"].Value) : null,
        };
    }

    /// <summary>人员情况 from anywhere in the report: 编制, 行政/事业编制, 实有人员, 离退休人员.</summary>
    public static Staffing? StaffingOf(IReadOnlyList<ReportLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        // 人员情况 belongs to the overview at the front of the report.
        var text = string.Concat(lines.Take(400).Where(l => l.Text.Contains('人', StringComparison.Ordinal)).Select(l => l.Text.Trim())).Replace(" ", string.Empty, StringComparison.Ordinal);
        var authorized = Authorized().Match(text);
        var actual = ActualStaff().Match(text);
        if (!authorized.Success && !actual.Success)
        {
            return null;
        }

        static int? Get(Match m, string g) => m.Success && m.Groups[g].Success ? Printed.Integer(m.Groups[g].Value) : null;
        return new Staffing
        {
            Authorized = Get(authorized, "n"), AuthorizedAdministrative = Get(authorized, "a"), AuthorizedInstitutional = Get(authorized, "i"),
            Actual = Get(actual, "n"), Retired = Get(Retired().Match(text), "n"),
        };
    }

    // 「政府采购支出总额 12.5 万元」, and the Shanghai template's 「政府采购金额（以合同签订为准）为 251.25 万元」.
    [GeneratedRegex(@"政府采购(?:支出总额|金额(?:[（(][^）)]{0,12}[）)])?)(?:为|是)?" + V + U)]
    private static partial Regex ProcurementTotal();

    [GeneratedRegex(@"(?:政府采购货物支出|货物采购(?:金额|支出))(?:为)?" + V + U)]
    private static partial Regex ProcurementGoods();

    [GeneratedRegex(@"(?:政府采购工程支出|工程采购(?:金额|支出))(?:为)?" + V + U)]
    private static partial Regex ProcurementWorks();

    [GeneratedRegex(@"(?:政府采购服务支出|服务采购(?:金额|支出))(?:为)?" + V + U)]
    private static partial Regex ProcurementServices();

    [GeneratedRegex(@"面向中小企业预留(?:的)?政府采购项目预算金额(?:为)?" + V + U)]
    private static partial Regex SmeReservedBudget();

    [GeneratedRegex(@"面向小微企业预留(?:的)?政府采购项目预算金额(?:为)?" + V + U)]
    private static partial Regex SmallMicroReservedBudget();

    [GeneratedRegex(@"面向中小企业预留(?:的)?政府采购项目中[，,]?由中小企业供应商中标或成交的[，,]?采购金额(?:为)?" + V + U)]
    private static partial Regex SmeReservedAwards();

    [GeneratedRegex(@"面向小微企业预留(?:的)?政府采购项目中[，,]?由小微企业供应商中标或成交的[，,]?采购金额(?:为)?" + V + U)]
    private static partial Regex SmallMicroReservedAwards();

    [GeneratedRegex(@"其他政府采购项目中[，,]?由中小企业供应商中标或成交的[，,]?采购金额(?:为)?" + V + U)]
    private static partial Regex SmeOtherAwards();

    // 「授予中小企业合同金额 20 万元，占政府采购支出总额的 40%」: the amount, and its share where printed.
    [GeneratedRegex(@"授予中小企业合同金额(?:为)?" + V + U + Share)]
    private static partial Regex SmeContracts();

    [GeneratedRegex(@"授予小微企业合同金额(?:为)?" + V + U + Share)]
    private static partial Regex SmallMicroContracts();

    private const string Share = @"(?:[，,]占政府采购(?:支出)?总额的?(?<s>[0-9]{1,3}(?:\.[0-9]{1,6})?)[%％])?";

    [GeneratedRegex(@"共有车辆(?<n>[0-9]{1,9})辆")]
    private static partial Regex VehicleTotal();

    [GeneratedRegex(@"(?<k>[^，、；：。\d]{2,14}用车)(?<n>[0-9]{1,9})辆")]
    private static partial Regex VehicleKind();

    // 「单价 100 万元（含）以上设备（不含车辆）2 台（套）」, 「单价 100 万元以上专用设备 0 台（套）」.
    [GeneratedRegex(@"(?<!购置[^。；，]{0,12})(?:以上|及以上)[^。；]{0,20}?设备(?:[（(]不含车辆[)）])?(?<n>[0-9]{1,9})台")]
    private static partial Regex LargeEquipment();

    [GeneratedRegex(@"当年购置车辆(?<n>[0-9]{1,9})辆")]
    private static partial Regex VehiclesPurchased();

    [GeneratedRegex(@"人员编制(?<n>[0-9]{1,9})人(?:[，,]其中行政编制(?<a>[0-9]{1,9})人[、，,]事业编制(?<i>[0-9]{1,9})人)?")]
    private static partial Regex Authorized();

    [GeneratedRegex(@"实有人员(?<n>[0-9]{1,9})人")]
    private static partial Regex ActualStaff();

    [GeneratedRegex(@"离退休人员(?<n>[0-9]{1,9})人")]
    private static partial Regex Retired();

    // 「团组 2 个，累计 10 人次」, 「安排因公出国（境）团组 0 次，出国（境）0 人」.
    // Not 「接待国内来访团组 9 个，56 人次」: a reception, not a trip abroad.
    [GeneratedRegex(@"(?<!来访)团组(?<g>[0-9]{1,9})(?:个|次)[，,、]?(?:累计|共|出国[（(]境[)）])?(?<p>[0-9]{1,9})人(?:次)?")]
    private static partial Regex AbroadCount();

    // 「公务用车保有量为 3 辆」, 「截至 12 月底，单位共有公务用车 0 辆」, 「实有公务用车 2 辆」.
    [GeneratedRegex(@"(?:保有量(?:为)?|(?:共有|实有|现有)公务用车)(?<v>[0-9]{1,9})辆")]
    private static partial Regex VehiclesHeld();

    // 「购置公务用车 1 辆」, 「更新购置公务用车 0 辆」, 「公务用车购置数为 0 辆」.
    [GeneratedRegex(@"(?:购置(?:公务用?车|车辆)|公务用车购置(?:数量?)?(?:为)?)(?<n>[0-9]{1,9})辆")]
    private static partial Regex VehiclesBought();

    // 「国内公务接待 1 批次，10 人次」, 「接待国内来访团组 3 个、来宾 30 人次」.
    [GeneratedRegex(@"(?:国内公务接待|接待国内来访团组)(?<b>[0-9]{1,9})(?:批次|个|次)[、，,](?:来宾|共)?(?<p>[0-9]{1,9})人(?:次)?")]
    private static partial Regex DomesticReception();

    // 「接待国（境）外来访团组 0 个、来访外宾 0 人次」, 「外事接待 0 批次，0 人」.
    [GeneratedRegex(@"(?:接待国[（(]境[)）]外来访团组|外事接待)(?<b>[0-9]{1,9})(?:批次|个|次)[、，,](?:来访外宾|共)?(?<p>[0-9]{1,9})人(?:次)?")]
    private static partial Regex ForeignReception();

    [GeneratedRegex(@"召开会议(?<n>[0-9]{1,9})次[、，,]参会(?<p>[0-9]{1,9})人次")]
    private static partial Regex MeetingCount();

    [GeneratedRegex(@"组织培训(?<n>[0-9]{1,9})次[、，,]参训(?<p>[0-9]{1,9})人次")]
    private static partial Regex TrainingCount();

    private static List<Section> ReadSections(IReadOnlyList<ReportLine> lines, IReadOnlyList<(int Start, int End)> tableRegions, Template template, TemplateSet templates)
    {
        bool InTable(int i) => ReportText.RegionOf(tableRegions, i) != default;
        var headings = new List<(int Index, string Number, string Title)>();
        var closed = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var text = lines[i].Text.Trim();
            if (headings.Count > 0 && Part().IsMatch(text))
            {
                // A part heading (tables, glossary, annexes) closes the run of sections; only a new 「一、」 opens another
                // (a table of contents lists the sections before the text does).
                closed = true;
                continue;
            }

            if (InTable(i) || ReportText.IsContentsEntry(text) || text.StartsWith('-'))
            {
                continue;
            }

            if (Heading().Match(text) is { Success: true } m && SectionKey(m.Groups[2].Value, template) is not null
                && templates.MatchAnyTitleOf(m.Groups[2].Value.Trim()) is null)
            {
                // Keep the last run of headings that opens with 「一、收入支出决算总体情况说明」: a table of contents comes before
                // the text itself, and annexes number their own 「一、」 headings.
                if (m.Groups[1].Value == "一")
                {
                    if (SectionKey(m.Groups[2].Value, template) == template.Sections[0].Key)
                    {
                        headings.Clear();
                        closed = false;
                    }
                    else
                    {
                        closed = true;
                    }
                }

                if (!closed)
                {
                    headings.Add((i, m.Groups[1].Value, m.Groups[2].Value.Trim()));
                }
            }
        }

        var result = new List<Section>();
        for (var h = 0; h < headings.Count; h++)
        {
            var (index, number, title) = headings[h];
            var end = Math.Min(h + 1 < headings.Count ? headings[h + 1].Index : lines.Count, NextPart(lines, index + 1));
            var body = Enumerable.Range(index + 1, Math.Max(0, end - index - 1)).Where(i => !InTable(i)).Select(i => lines[i]);
            result.Add(Section.Of(new NarrativeSection { Number = number, Title = title, Key = SectionKey(title, template), Text = string.Empty }, lines[index], body));
        }

        return result;
    }

    private static int NextPart(IReadOnlyList<ReportLine> lines, int from)
    {
        for (var i = from; i < lines.Count; i++)
        {
            if (Part().IsMatch(lines[i].Text.Trim()))
            {
                return i;
            }
        }

        return lines.Count;
    }

    /// <summary>The template section a printed heading is, by title and then by keywords (numbering differs by province).</summary>
    internal static string? SectionKey(string title, Template template)
    {
        var key = Template.TitleKey(PrintedText.ChinesePunctuation(title));
        var exact = template.Sections.FirstOrDefault(s => Template.TitleKey(s.Title) == key);
        if (exact is not null)
        {
            return exact.Key;
        }

        (string Word, string Key)[] keywords =
        [
            ("三公", SectionKeys.ThreePublic), ("机关运行", SectionKeys.OperatingCosts), ("政府采购", SectionKeys.Procurement), ("国有资产", SectionKeys.Assets), ("绩效", SectionKeys.Performance),
            ("政府性基金", SectionKeys.GovFund), ("国有资本", SectionKeys.Soe), ("基本支出", SectionKeys.Basic), ("一般公共预算", SectionKeys.Gpb), ("财政拨款收入支出", SectionKeys.Fiscal),
            ("收入支出决算总体", SectionKeys.Overview), ("收入决算", SectionKeys.Income), ("支出决算情况", SectionKeys.Expenditure), ("其他", SectionKeys.Other),
        ];
        return keywords.FirstOrDefault(k => key.Contains(k.Word, StringComparison.Ordinal)).Key;
    }

    /// <summary>The characters of a section's text that a statement has read, so a figure is read once (constant time per question).</summary>
    private sealed class Spans(int length)
    {
        private readonly bool[] covered = new bool[length + 1];

        public void Add((int Start, int End) span)
        {
            for (var i = Math.Max(0, span.Start); i < Math.Min(span.End, covered.Length); i++)
            {
                covered[i] = true;
            }
        }

        public void AddRange(IEnumerable<(int Start, int End)> spans)
        {
            foreach (var span in spans)
            {
                Add(span);
            }
        }

        public bool Covers(int index) => index >= 0 && index < covered.Length && covered[index];
    }

    private sealed record Context(Section Section, string File, List<Claim> Claims, Spans Used, Catalog Catalog, List<ImportIssue> Issues)
    {
        public string Text => Section.Text;

        public string SectionKey => Section.Printed.Key!;

        public SourceLocation Where(int index) => Section.LineAt(index).At(File) with
        {
            Section = Section.Printed.Key == SectionKeys.Prose ? "正文" : $"情况说明 {Section.Printed.Number}、{Section.Printed.Title}", Sentence = SentenceAt(Text, index),
        };

        public void Add(Match match, Claim claim)
        {
            Used.Add((match.Index, match.Index + match.Length));
            Claims.Add(claim with { Section = SectionKey, Sentence = SentenceAt(Text, match.Index), Source = Where(match.Index) });
        }
    }

    private static Amount Money(Match m, string value = "v", string unit = "u") =>
        Amount.Parse(m.Groups[value].Value.Replace(",", string.Empty, StringComparison.Ordinal) + (m.Groups[unit].Success && m.Groups[unit].Value.Length > 0 ? m.Groups[unit].Value : "万元"), MoneyUnit.WanYuan).Value;

    private static Printed Percent(Match m, string group) => Printed.Parse(m.Groups[group].Value).Value;

    private static Direction? Word(string word) => word switch
    {
        "增加" or "增长" or "上升" or "大于" or "高于" or "超过" => Direction.Increase,
        "减少" or "下降" or "降低" or "小于" or "低于" => Direction.Decrease,
        "等于" or "持平" or "一致" or "相等" => Direction.Flat,
        _ => null,
    };

    /// <summary>
    /// 「与上年相比…增加 X 万元，增长 Y%」 within the same sentence after <paramref name="from"/>, or in a following sentence
    /// that opens with 「与上年相比」 — past at most one sentence giving the reason for a budget deviation (「决算数小于全年
    /// 预算数的主要原因是…」), which sits between the two in the 三公 and 机关运行经费 paragraphs.
    /// </summary>
    private static Claim WithChange(Context c, Claim claim, int from)
    {
        var sentenceEnd = c.Text.IndexOf('。', from) is var e && e >= 0 ? e : c.Text.Length;
        var candidates = new List<(string Text, int Offset)> { (c.Text[from..sentenceEnd], from) };
        var at = sentenceEnd + 1;
        for (var k = 0; k < 2 && at < c.Text.Length; k++)
        {
            var end = c.Text.IndexOf('。', at) is var n && n >= 0 ? n : c.Text.Length;
            var sentence = c.Text[at..end];
            if (ChangeStart().IsMatch(sentence))
            {
                candidates.Add((sentence, at));
                break;
            }

            if (!DeviationReason().IsMatch(sentence))
            {
                break;
            }

            at = end + 1;
        }

        foreach (var (text, offset) in candidates)
        {
            if (Change().Match(text) is { Success: true } m)
            {
                c.Used.Add((offset + m.Index, offset + m.Index + m.Length));
                return claim with
                {
                    Change = Money(m, "c", "cu"),
                    ChangeDirection = Word(m.Groups["dir"].Value),
                    ChangePercent = m.Groups["p"].Success && m.Groups["p"].Value.Length > 0 ? Percent(m, "p") : null,
                    ChangePercentDirection = m.Groups["pdir"].Success && m.Groups["pdir"].Value.Length > 0 ? Word(m.Groups["pdir"].Value) : null,
                };
            }
        }

        return claim;
    }

    private static void Overview(Context c)
    {
        if (Totals().Match(c.Text) is { Success: true } m)
        {
            c.Add(m, WithChange(c, new Claim { Subject = new FactKey(Concepts.IncomeGrandTotal), Amount = Money(m) }, m.Index + m.Length));
        }
    }

    private static void Fiscal(Context c)
    {
        if (FiscalTotals().Match(c.Text) is { Success: true } m)
        {
            c.Add(m, WithChange(c, new Claim { Subject = new FactKey(Concepts.IncomeGrandTotal, Scope: Scopes.Fiscal), Amount = Money(m) }, m.Index + m.Length));
        }
    }

    private static readonly Dictionary<string, string> IncomeConcepts = new()
    {
        ["财政拨款"] = Concepts.IncomeFiscal, ["一般公共预算财政拨款"] = Concepts.IncomeGeneral, ["政府性基金预算财政拨款"] = "income.fund",
        ["国有资本经营预算财政拨款"] = "income.soe", ["上级补助"] = "income.superior", ["事业"] = "income.business", ["经营"] = "income.operating",
        ["附属单位上缴"] = "income.affiliates", ["附属部门上缴"] = "income.affiliates", ["其他"] = "income.other",
    };

    private static readonly Dictionary<string, string> ExpenseConcepts = new()
    {
        ["基本支出"] = Concepts.ExpenseBasic, ["项目支出"] = Concepts.ExpenseProject, ["上缴上级支出"] = "expense.paidToSuperior", ["经营支出"] = "expense.operating",
        ["对附属单位补助支出"] = "expense.subsidyToAffiliates", ["对附属部门补助支出"] = "expense.subsidyToAffiliates",
    };

    private static void Income(Context c)
    {
        if (IncomeTotal().Match(c.Text) is { Success: true } t)
        {
            c.Add(t, new Claim { Subject = new FactKey(Concepts.IncomeTotal), Amount = Money(t) });
        }

        foreach (Match m in IncomeItem().Matches(c.Text))
        {
            c.Add(m, new Claim { Subject = new FactKey(IncomeConcepts[m.Groups["name"].Value]), Amount = Money(m), SharePercent = Percent(m, "s"), ShareOf = new FactKey(Concepts.IncomeTotal) });
        }
    }

    private static void Expenditure(Context c)
    {
        if (ExpenseTotal().Match(c.Text) is { Success: true } t)
        {
            c.Add(t, new Claim { Subject = new FactKey(Concepts.ExpenseTotal), Amount = Money(t) });
        }

        foreach (Match m in ExpenseItem().Matches(c.Text))
        {
            c.Add(m, new Claim { Subject = new FactKey(ExpenseConcepts[m.Groups["name"].Value]), Amount = Money(m), SharePercent = Percent(m, "s"), ShareOf = new FactKey(Concepts.ExpenseTotal) });
        }
    }

    private static void Gpb(Context c)
    {
        var gpbTotal = new FactKey(Concepts.ExpenseTotal, Scope: Scopes.Gpb);
        var itemStarts = new List<int>();
        foreach (Match m in Item().Matches(c.Text))
        {
            itemStarts.Add(m.Index);
        }

        // Each 项 paragraph: names → code, then budget, actual, completion rate, comparison word, reason.
        var items = Item().Matches(c.Text);
        for (var k = 0; k < items.Count; k++)
        {
            var m = items[k];
            var end = k + 1 < items.Count ? items[k + 1].Index : c.Text.Length;
            var body = c.Text[m.Index..end];
            var code = ResolveItem(c.Catalog, m.Groups["cls"].Value, m.Groups["sec"].Value, m.Groups["item"].Value);
            if (code is null)
            {
                c.Issues.Add(new ImportIssue(c.Where(m.Index), $"无法把「{m.Groups["cls"].Value}（类）{m.Groups["sec"].Value}（款）{m.Groups["item"].Value}（项）」对应到科目编码，该段未作为陈述读取。"));
                continue;
            }

            var budget = ItemBudget().Match(body);
            var actual = ItemActual().Match(body);
            var rate = Completion().Match(body);
            var word = Comparison().Match(body);
            var claim = new Claim
            {
                Subject = new FactKey(Concepts.ExpenseTotal, code, Scopes.Gpb),
                Amount = actual.Success ? Money(actual) : null,
                Budget = budget.Success ? Money(budget) : null,
                BudgetBasis = budget.Success ? Bases.Budget : null,
                CompletionPercent = rate.Success ? Percent(rate, "r") : null,
                BudgetComparison = word.Success ? Word(word.Groups["w"].Value) : null,
                Reason = Reason().Match(body) is { Success: true } r ? r.Groups["r"].Value : null,
            };
            c.Used.Add((m.Index, end));
            c.Claims.Add(claim with { Section = c.SectionKey, Sentence = body.Length > 200 ? body[..200] : body, Source = c.Where(m.Index) });
        }

        var head = itemStarts.Count > 0 ? c.Text[..itemStarts[0]] : c.Text;
        var share = GpbShare().Match(head);
        if (share.Success)
        {
            c.Add(share, WithChange(c, new Claim { Subject = gpbTotal, Amount = Money(share), SharePercent = Percent(share, "s"), ShareOf = new FactKey(Concepts.ExpenseTotal) }, share.Index + share.Length));
        }

        if (GpbBudget().Match(head) is { Success: true } b)
        {
            var claim = new Claim
            {
                Subject = gpbTotal, Amount = Money(b), Budget = Money(b, "b", "bu"), BudgetBasis = Bases.Budget, CompletionPercent = Percent(b, "r"),
            };
            if (!share.Success && ZhenanShare().Match(head, b.Index) is { Success: true } s2)
            {
                claim = claim with { SharePercent = Percent(s2, "s"), ShareOf = new FactKey(Concepts.ExpenseTotal) };
                c.Used.Add((s2.Index, s2.Index + s2.Length));
            }

            c.Add(b, share.Success ? claim : WithChange(c, claim, b.Index + b.Length));
        }

        foreach (Match m in Structure().Matches(head))
        {
            if (ResolveClass(c.Catalog, m.Groups["cls"].Value) is { } cls)
            {
                c.Add(m, new Claim { Subject = new FactKey(Concepts.ExpenseTotal, cls, Scopes.Gpb), Amount = Money(m), SharePercent = Percent(m, "s"), ShareOf = gpbTotal });
            }
        }
    }

    private static void Basic(Context c)
    {
        // 人员经费 and 公用经费 are the parts of the 基本支出 the section states first, in whatever sentences they follow.
        FactKey? basic = null;
        foreach (var (pattern, concept) in new[] { (BasicTotal(), Concepts.ExpenseBasic), (Personnel(), Concepts.ExpensePersonnel), (PublicCosts(), Concepts.ExpensePublic) })
        {
            if (pattern.Match(c.Text) is { Success: true } m)
            {
                var claim = new Claim { Subject = new FactKey(concept, Scope: Scopes.Gpb), Amount = Money(m), PartOf = concept == Concepts.ExpenseBasic ? null : basic };
                c.Add(m, WithChange(c, claim, m.Index + m.Length));
                basic ??= concept == Concepts.ExpenseBasic ? claim.Subject : null;
            }
        }
    }

    private static void ThreePublic(Context c)
    {
        if (ThreePublicTotal().Match(c.Text) is { Success: true } m)
        {
            c.Add(m, WithChange(c, new Claim
            {
                Subject = new FactKey(Concepts.ThreePublicTotal, Scope: Scopes.Fiscal), Amount = Money(m), Budget = Money(m, "b", "bu"), BudgetBasis = Bases.FullYearBudget,
                CompletionPercent = m.Groups["r"].Success && m.Groups["r"].Value.Length > 0 ? Percent(m, "r") : null,
            }, m.Index + m.Length));
        }

        foreach (Match part in ThreePublicPart().Matches(c.Text))
        {
            var concept = Known(part.Groups["name"].Value, SectionKeys.ThreePublic)?.Concept ?? "threePublic.reception";
            c.Add(part, new Claim
            {
                Subject = new FactKey(concept, Scope: Scopes.Fiscal), Amount = Money(part), SharePercent = Percent(part, "s"),
                ShareOf = new FactKey(Concepts.ThreePublicTotal, Scope: Scopes.Fiscal),
            });
        }

        // 「国内公务接待支出 0.53 万元」 is the 公务接待费 of the tables when the section states foreign (外事/外宾) receptions
        // as nothing, or not at all (the template has them stated together: 国内 + 外事 = 公务接待费). Where it states money
        // spent on foreign receptions, the two are the parts of 公务接待费 and add up to it; a foreign reception of nothing
        // is at most a part of it.
        var reception = new FactKey("threePublic.reception", Scope: Scopes.Fiscal);
        var foreign = ForeignReceptionSpent().Matches(c.Text);
        var foreignSpent = foreign.Any(f => Money(f).Value != 0m);
        var domestic = DomesticReceptionSpent().Match(c.Text);
        if (domestic.Success)
        {
            c.Add(domestic, foreignSpent
                ? new Claim { Subject = new FactKey(Concepts.Stated($"{SectionKeys.ThreePublic}@{domestic.Index}", "国内公务接待")), Amount = Money(domestic), PartOf = reception, PartsComplete = true }
                : new Claim { Subject = reception, Amount = Money(domestic) });
        }

        foreach (Match f in foreign)
        {
            c.Add(f, new Claim
            {
                Subject = new FactKey(Concepts.Stated($"{SectionKeys.ThreePublic}@{f.Index}", "外事接待")), Amount = Money(f), PartOf = reception,
                PartsComplete = foreignSpent && domestic.Success,
            });
        }

        if (Reception().Match(c.Text) is { Success: true } r)
        {
            c.Add(r, new Claim
            {
                Subject = new FactKey("threePublic.reception", Scope: Scopes.Fiscal), Amount = Money(r), Budget = Money(r, "b", "bu"), BudgetBasis = Bases.FullYearBudget,
                CompletionPercent = r.Groups["r"].Success && r.Groups["r"].Value.Length > 0 ? Percent(r, "r") : null,
            });
        }
    }

    private static void OperatingCosts(Context c)
    {
        if (Operating().Match(c.Text) is { Success: true } m)
        {
            c.Add(m, WithChange(c, new Claim
            {
                Subject = new FactKey(Concepts.OperatingCosts, Scope: Scopes.Gpb), Amount = Money(m), Budget = Money(m, "b", "bu"), BudgetBasis = Bases.Budget,
                CompletionPercent = m.Groups["r"].Success && m.Groups["r"].Value.Length > 0 ? Percent(m, "r") : null,
            }, m.Index + m.Length));
        }
    }

    private static string? ResolveClass(Catalog catalog, string name) =>
        catalog.Named(name).FirstOrDefault(e => e.Code.Length == 3)?.Code;

    private static string? ResolveItem(Catalog catalog, string cls, string section, string item)
    {
        var classCode = ResolveClass(catalog, cls);
        bool InClass(CatalogEntry e) => classCode is null || e.Code.StartsWith(classCode, StringComparison.Ordinal);
        var sections = catalog.Named(section).Where(e => e.Code.Length == 5 && InClass(e)).ToArray();
        var items = catalog.Named(item)
            .Where(e => e.Code.Length == 7 && (sections.Length == 0 ? InClass(e) : sections.Any(s => e.Code.StartsWith(s.Code, StringComparison.Ordinal))))
            .ToArray();
        return items.Length == 1 ? items[0].Code : null;
    }

    private static string SentenceAt(string text, int index)
    {
        // The full stops of the text, found once per text (a section with thousands of figures asks thousands of times).
        if (!ReferenceEquals(text, stopsOf))
        {
            stops = Enumerable.Range(0, text.Length).Where(i => text[i] == '。').ToArray();
            stopsOf = text;
        }

        // As LastIndexOf('。', at) + 1 and IndexOf('。', index) would give, by binary search.
        var at = Math.Max(0, Math.Min(index, text.Length - 1));
        var i = Array.BinarySearch(stops!, at);
        var previous = i >= 0 ? stops![i] : ~i - 1 >= 0 ? stops![~i - 1] : -1;
        var start = previous + 1;
        var j = Array.BinarySearch(stops!, Math.Min(index, text.Length));
        var end = j >= 0 ? stops![j] : ~j < stops!.Length ? stops[~j] : -1;
        var length = (end < 0 ? text.Length : end + 1) - start;
        return length > 240 ? text.Substring(start, 240) + "…" : text.Substring(start, Math.Max(0, length));
    }

    [ThreadStatic]
    private static string? stopsOf;

    [ThreadStatic]
    private static int[]? stops;

    [GeneratedRegex(@"^([一二三四五六七八九十]+)[、.．]\s*(.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^第[一二三四五六七八九十]+部分")]
    private static partial Regex Part();

    /// <summary>Every figure of the narrative: amounts, percentages and counts with their units (years and numbering excluded).</summary>
    // Unbounded, unlike the statements' patterns: a figure too long to reason about is still counted and listed as unread.
    [GeneratedRegex(@"(?<![0-9.])[0-9][0-9,]*(?:\.[0-9]+)?(?:万元|元|%|％|个|人次|批次|人|辆|台|套|次|家|项|户|件)")]
    internal static partial Regex AnyFigure();

    // 「收入总计、支出总计均为…」, 「收支总计为…」, Shanghai's 「收入支出总计2995.39万元」.
    [GeneratedRegex(@"(?:收入总计、支出总计|收、支总计|收支总计|收入支出总计)(?:均为|各为|为)?" + V + U)]
    private static partial Regex Totals();

    [GeneratedRegex(@"财政拨款收(?:入)?(?:总计)?、?支(?:出)?总计(?:均为|各为|为)?" + V + U)]
    private static partial Regex FiscalTotals();

    [GeneratedRegex(@"(?<dir>增加|减少)(?<c>[0-9][0-9,]{0,18}(?:\.[0-9]{1,6})?)(?<cu>万元|元)(?:[，,](?:同比)?(?<pdir>增长|下降|增加|减少|上升|降低)(?<p>[0-9][0-9,]{0,18}(?:\.[0-9]{1,6})?)%)?")]
    private static partial Regex Change();

    [GeneratedRegex(@"(?:较|比)(?:年初|全年|调整后)?预算数?(?<dir>增加|减少|节约|超支)(?<v>[0-9][0-9,]{0,18}(?:\.[0-9]{1,6})?)(?<u>万元|元)")]
    private static partial Regex BudgetGap();

    [GeneratedRegex(@"无政府采购(?:支出)?")]
    private static partial Regex NoProcurement();

    // 「与上年相比」, 「比上年」, 「较上年」, and Shanghai's 「与2023年度相比」.
    [GeneratedRegex(@"^(?:支出决算|决算数?)?(?:与(?:上|\d{4})年(?:度)?相比|比上年|较上年)")]
    private static partial Regex ChangeStart();

    [GeneratedRegex(@"^决算数(?:大于|小于|高于|低于|等于|与)[^。]{0,12}预算数")]
    private static partial Regex DeviationReason();

    // 「公务用车运行维护费支出决算1.85万元，占80.43%」: one 三公 component with its share of the total.
    [GeneratedRegex(@"(?<name>因公出国（境）费|公务用车购置费|公务用车运行维护费|公务接待费)(?:支出)?(?:决算)?(?:为)?" + V + U + @"[，,]占(?<s>[0-9]{1,15}(?:\.[0-9]{1,6})?)%")]
    private static partial Regex ThreePublicPart();

    [GeneratedRegex(@"(?:本年)?收入合计" + V + U)]
    private static partial Regex IncomeTotal();

    [GeneratedRegex(@"(?<name>一般公共预算财政拨款|政府性基金预算财政拨款|国有资本经营预算财政拨款|财政拨款|上级补助|事业|(?<!资本)经营|附属单位上缴|附属部门上缴|其他)收入" + V + U + @"[，,]占(?:总收入|收入合计|本年收入合计)?的?(?<s>[0-9]{1,15}(?:\.[0-9]{1,6})?)%")]
    private static partial Regex IncomeItem();

    [GeneratedRegex(@"(?:本年)?支出合计" + V + U)]
    private static partial Regex ExpenseTotal();

    [GeneratedRegex(@"(?<name>基本支出|项目支出|上缴上级支出|经营支出|对附属单位补助支出|对附属部门补助支出)" + V + U + @"[，,]占(?:本年支出合计的|支出合计的)?(?<s>[0-9]{1,15}(?:\.[0-9]{1,6})?)%")]
    private static partial Regex ExpenseItem();

    [GeneratedRegex(@"\d+[.、．]?(?<cls>[^，；：（）。\d]{2,20}?)（类）(?<sec>[^（）。]{2,30}?)（款）(?<item>[^（）。]{2,40}?)（项）")]
    private static partial Regex Item();

    [GeneratedRegex(@"年初预算(?:数)?(?:为)?(?<v>[0-9][0-9,]{0,18}(?:\.[0-9]{1,6})?)(?<u>万元|元)")]
    private static partial Regex ItemBudget();

    [GeneratedRegex(@"(?:支出决算|决算支出|决算数|决算)(?:数)?(?:为)?(?<v>[0-9][0-9,]{0,18}(?:\.[0-9]{1,6})?)(?<u>万元|元)")]
    private static partial Regex ItemActual();

    [GeneratedRegex(@"完成(?:年初|年度|全年)?预算(?:数)?的?(?<r>[0-9]{1,15}(?:\.[0-9]{1,6})?)%")]
    private static partial Regex Completion();

    [GeneratedRegex(@"决算数?(?<w>大于|小于|等于|高于|低于)(?:年初|年度|全年)?预算数?")]
    private static partial Regex Comparison();

    [GeneratedRegex(@"(?:主要)?原因是(?<r>[^。]+)")]
    private static partial Regex Reason();

    [GeneratedRegex(@"一般公共预算财政拨款支出(?:决算)?(?:为)?" + V + U + @"[，,]占(?:本年)?支出合计的(?<s>[0-9]{1,15}(?:\.[0-9]{1,6})?)%")]
    private static partial Regex GpbShare();

    [GeneratedRegex(@"年初预算(?:数)?(?:为)?(?<b>[0-9][0-9,]{0,18}(?:\.[0-9]{1,6})?)(?<bu>万元|元)[，,](?:支出)?决算(?:数)?(?:为)?" + V + U + @"[，,]完成年初预算的(?<r>[0-9]{1,15}(?:\.[0-9]{1,6})?)%")]
    private static partial Regex GpbBudget();

    [GeneratedRegex(@"占本年支出合计的(?<s>[0-9]{1,15}(?:\.[0-9]{1,6})?)%")]
    private static partial Regex ZhenanShare();

    [GeneratedRegex(@"(?<cls>[^，；：、（）。\d]{2,20}?)（类）" + V + U + @"[，,]占(?<s>[0-9]{1,15}(?:\.[0-9]{1,6})?)%")]
    private static partial Regex Structure();

    [GeneratedRegex(@"基本支出" + V + U)]
    private static partial Regex BasicTotal();

    [GeneratedRegex(@"人员经费(?:支出)?" + V + U)]
    private static partial Regex Personnel();

    [GeneratedRegex(@"公用经费(?:支出)?" + V + U)]
    private static partial Regex PublicCosts();

    [GeneratedRegex(@"“三公”经费(?:财政拨款)?支出(?:全年)?预算(?:为|数为)?(?<b>[0-9][0-9,]{0,18}(?:\.[0-9]{1,6})?)(?<bu>万元|元)[，,]支出决算(?:为)?" + V + U + @"(?:[，,]完成(?:全年)?预算的(?<r>[0-9]{1,15}(?:\.[0-9]{1,6})?)%)?")]
    private static partial Regex ThreePublicTotal();

    [GeneratedRegex(@"公务接待(?:费)?预算(?:为)?(?<b>[0-9][0-9,]{0,18}(?:\.[0-9]{1,6})?)(?<bu>万元|元)[，,]支出决算(?:为)?" + V + U + @"(?:[，,]完成(?:全年)?预算的(?<r>[0-9]{1,15}(?:\.[0-9]{1,6})?)%)?")]
    private static partial Regex Reception();

    [GeneratedRegex(@"(?:其他)?国内公务接待(?:费)?(?:支出)?(?:决算)?(?:为)?" + V + U)]
    private static partial Regex DomesticReceptionSpent();

    [GeneratedRegex(@"(?:外事接待|外宾接待|国（境）外公务接待|国外公务接待)(?:费)?(?:支出)?(?:决算)?(?:为)?" + V + U)]
    private static partial Regex ForeignReceptionSpent();

    [GeneratedRegex(@"机关运行经费(?:年初)?预算(?:为)?(?<b>[0-9][0-9,]{0,18}(?:\.[0-9]{1,6})?)(?<bu>万元|元)[，,]支出决算(?:为)?" + V + U + @"(?:[，,]完成(?:年初)?预算的(?<r>[0-9]{1,15}(?:\.[0-9]{1,6})?)%)?")]
    private static partial Regex Operating();
}
