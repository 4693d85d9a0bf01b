using Juesuan.Domain.Catalogs;
using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;
using Juesuan.Domain.Templates;

namespace Juesuan.Audit.Rules;

/// <summary>
/// 跨年核对 (issue 17): the checks only the department's report of the year before makes possible — this year's
/// 年初结转和结余 against last year's 年末结转和结余, every prior-year figure this year's report states or implies against
/// what last year's report published, and the classification codes that came or went (read through the catalogues'
/// crosswalk, so a renamed code is not a change of spending). They work on facts (concepts, scopes, codes), not on one
/// template's tables, so any template's reports are compared. Without a prior report they say nothing.
/// </summary>
internal static partial class PriorYearRules
{
    public static IEnumerable<Rule> All()
    {
        yield return new DelegateRule(RuleIds.YOpening, "本年年初结转和结余与上年报告的年末结转和结余一致（按资金来源）", Opening);
        yield return new DelegateRule(RuleIds.YPrior, "本年报告写出或隐含的上年数与上年报告公开的决算数一致", PriorFigures);
        yield return new DelegateRule(RuleIds.YCodes, "与上年报告相比新增或不再列出的科目（按科目对照，改名不算）", Codes);
        yield return new DelegateRule(RuleIds.YVehicles, "本年公务用车保有量不超过上年保有量加本年购置数", Vehicles);
    }

    private static IEnumerable<Finding> Opening(AuditContext c)
    {
        if (c.Prior is null)
        {
            yield break;
        }

        if (WrongYear(c, RuleIds.YOpening) is { } refused)
        {
            yield return refused;
            yield break;
        }

        foreach (var key in c.Facts.Keys.Where(k => k.Concept == Concepts.BalanceOpening && k.Basis == Bases.Actual && k.Code is null).OrderBy(k => k.Scope, StringComparer.Ordinal))
        {
            if (c.Facts.Stated(key) is not { } opening || c.PriorFacts!.Stated(key with { Concept = Concepts.BalanceClosing }) is not { } closing)
            {
                continue;
            }

            var check = Consistency.Check(opening.Amount.In(MoneyUnit.WanYuan), closing.Amount.In(MoneyUnit.WanYuan));
            if (check.Holds)
            {
                continue;
            }

            var what = FactRule.Describe(c, key);
            yield return new Finding
            {
                Rule = RuleIds.YOpening, Severity = Severity.Warning, Location = opening.Location.Describe(), Table = opening.Table,
                Message = $"本年{what}为 {Show(opening)}，上年（{c.Prior!.Year} 年度）报告的年末结转和结余为 {Show(closing)}（{PriorPlace(c, closing)}），相差 {AuditContext.Format(Math.Abs(check.Difference), 2)}万元。"
                    + "如有以前年度调整或单位划转，应在情况说明中说明。",
                Expected = Show(closing), Actual = Show(opening), Difference = AuditContext.Format(check.Difference),
                Figures = [new FindingFigure(opening.Amount.ToDisplayString(), opening.Location.Describe(), "本年", c.Locate(opening, opening.Amount.ToDisplayString())), PriorFigure(c, closing)],
            };
        }
    }

    private static IEnumerable<Finding> PriorFigures(AuditContext c)
    {
        if (c.Prior is null)
        {
            yield break;
        }

        if (WrongYear(c, RuleIds.YPrior) is { } refused)
        {
            yield return refused;
            yield break;
        }

        if (CatalogText.NormalizeName(c.Prior.Department.Name) != CatalogText.NormalizeName(c.Year.Department.Name))
        {
            yield return new Finding
            {
                Rule = RuleIds.YPrior, Severity = Severity.Info, Location = "上年报告",
                Message = $"跨年核对（Y.*）所用的上年报告是「{c.Prior.Department.Name}」的，本年是「{c.Year.Department.Name}」：若不是同一部门（机构改革更名除外），本报告中的跨年核对结果没有意义。",
                Expected = c.Year.Department.Name, Actual = c.Prior.Department.Name,
            };
        }

        var priors = ByCanonical(c, c.PriorFacts!);
        var said = new HashSet<FactKey>();

        // Prior-year figures stated as such: a 上年 column of a table, a 上年决算数 the narrative gives.
        foreach (var key in c.Facts.Keys.Where(k => k.Basis == Bases.Prior).OrderBy(k => k.ToString(), StringComparer.Ordinal))
        {
            var actual = key with { Basis = Bases.Actual };
            if (c.Facts.Stated(key) is not { } stated || Published(c, priors, actual) is not { } published)
            {
                continue;
            }

            var check = Consistency.Check(stated.Amount.In(MoneyUnit.WanYuan), published.Amount.In(MoneyUnit.WanYuan));
            if (!check.Holds && said.Add(actual))
            {
                var how = stated.Origin == AssertionOrigin.Reference ? "本年报告给出的上年数" : $"{stated.Location.Describe()}所列上年数";
                yield return Differs(c, actual, Show(stated), how, published, check,
                    new FindingFigure(stated.Amount.ToDisplayString(), stated.Location.Describe(), "本年报告所列上年数", c.Locate(stated, stated.Amount.ToDisplayString())), stated.Location.Describe(), stated.Table);
            }
        }

        // Prior-year figures a change implies: this year's value less the change it states — a change on last year
        // (「比上年」「同比」「与 2023 年相比」), not one against the budget.
        foreach (var claim in c.Year.Narrative.Claims.Where(x => x.Change is not null && x.Sentence is { } sentence && PriorMeant().IsMatch(sentence)))
        {
            var actual = claim.Subject with { Basis = Bases.Actual };
            if (said.Contains(actual) || NarrativeRules.ImpliedPrior(c, claim) is not { } implied || Published(c, priors, actual) is not { } published)
            {
                continue;
            }

            var check = Consistency.Check(implied, published.Amount.In(MoneyUnit.WanYuan));
            if (!check.Holds && said.Add(actual))
            {
                var where = NarrativeRules.Where(c, claim);
                var word = claim.ChangeDirection == Direction.Decrease ? "减少" : "增加";
                var how = $"由「{AuditContext.Excerpt(claim.Sentence, 40)}」中的「{word}{claim.Change}」推出";
                yield return Differs(c, actual, AuditContext.Format(implied.Value, 2) + "万元", how, published, check,
                    new FindingFigure(claim.Change!.Value.ToString(), where, "本年报告的增减额", c.Locate(claim, claim.Change.Value.Number.ToString())), where, null);
            }
        }
    }

    private static Finding Differs(AuditContext c, FactKey key, string stated, string how, FactAssertion published, Consistency check, FindingFigure here, string location, string? table) => new()
    {
        Rule = RuleIds.YPrior, Severity = Severity.Error, Location = location, Table = table,
        Message = $"本年报告中{FactRule.Describe(c, key)}的上年数为 {stated}（{how}），而上年（{c.Prior!.Year} 年度）报告公开的决算数为 {Show(published)}（{PriorPlace(c, published)}），相差 {AuditContext.Format(Math.Abs(check.Difference), 2)}万元。",
        Expected = Show(published), Actual = stated, Difference = AuditContext.Format(check.Difference),
        Figures = [here, PriorFigure(c, published)],
    };

    // 保有量 this year ≤ 保有量 last year + 购置 this year: a car does not appear without being bought (or transferred in,
    // which the report should say). Without a stated purchase count, no purchase money means none was bought.
    private static IEnumerable<Finding> Vehicles(AuditContext c)
    {
        if (c.Prior is not { } prior || prior.Year != c.Year.Year - 1 || c.Year.ThreePublic?.VehiclesHeld is not { } held || prior.ThreePublic?.VehiclesHeld is not { } before)
        {
            yield break;
        }

        var purchaseMoney = c.Facts.FindConcept("threePublic.vehiclePurchase").FirstOrDefault(a => a.Key.Basis == Bases.Actual);
        int? bought = c.Year.ThreePublic.VehiclesPurchased ?? (purchaseMoney is { Amount.Value: 0m } ? 0 : null);
        if (bought is not { } purchased || held <= before + purchased)
        {
            yield break;
        }

        yield return new Finding
        {
            Rule = RuleIds.YVehicles, Severity = Severity.Warning, Location = "“三公”经费说明",
            Message = $"本年公务用车保有量 {held} 辆，上年（{prior.Year} 年度）报告为 {before} 辆，本年购置 {purchased} 辆：多出的 {held - before - purchased} 辆没有来源。如有划入车辆应在情况说明中说明，否则请核对保有量。",
            Expected = $"不超过 {before + purchased} 辆", Actual = $"{held} 辆",
        };
    }

    private static IEnumerable<Finding> Codes(AuditContext c)
    {
        if (c.Prior is null || c.Prior.Year != c.Year.Year - 1)
        {
            yield break;
        }

        var catalogs = c.Reference.Catalogs;
        // The general-budget table first, then the expenditure table, then the rest; an item said of one table is not
        // said again of the next (the same codes run through tables 02, 03 and 05).
        var saidGone = new HashSet<string>(StringComparer.Ordinal);
        var saidAdded = new HashSet<string>(StringComparer.Ordinal);
        var saidRenamed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in c.Year.Tables.OrderBy(t => t.Definition == TableIds.GpbExpenditure ? 0 : t.Definition == TableIds.Expenditure ? 1 : 2))
        {
            if (c.Prior.Tables.FirstOrDefault(t => t.Definition == table.Definition) is not { } before)
            {
                continue;
            }

            static IEnumerable<StatedRow> Items(StatedTable t) => t.Rows.Where(r => r.Key.Length == 7 && Digits.Only(r.Key) && r.Cells.Any(x => x.Value is { Value: not 0m }));
            var now = Items(table).GroupBy(r => catalogs.Canonical(r.Key), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var then = Items(before).GroupBy(r => catalogs.Canonical(r.Key), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var name = c.TableName(table.Definition);
            var gone = then.Where(kv => !now.ContainsKey(kv.Key) && saidGone.Add(kv.Key)).Select(kv => $"{kv.Value.Key} {kv.Value.Label}").ToArray();
            var added = now.Where(kv => !then.ContainsKey(kv.Key) && saidAdded.Add(kv.Key)).Select(kv => $"{kv.Value.Key} {kv.Value.Label}").ToArray();
            var renamed = now.Where(kv => then.TryGetValue(kv.Key, out var old) && old.Key != kv.Value.Key && saidRenamed.Add(kv.Key)).Select(kv => $"{then[kv.Key].Key}→{kv.Value.Key}").ToArray();
            var renames = renamed.Length == 0 ? string.Empty : $"按科目对照，{string.Join("、", renamed)} 是同一科目改了编码，不算增减。";
            // The renames are said once, with the first list they explain.
            if (gone.Length > 0)
            {
                yield return Info(name, table.Definition, $"{name}：上年（{c.Prior.Year} 年度）列有数、本年没有的项 {gone.Length} 个：{string.Join("、", gone)}。请确认是业务变化，而不是漏列。{renames}", "上年有、本年无：" + string.Join("、", gone.Select(g => g.Split(' ')[0])));
                renames = string.Empty;
            }

            if (added.Length > 0)
            {
                yield return Info(name, table.Definition, $"{name}：本年新增、上年（{c.Prior.Year} 年度）没有的项 {added.Length} 个：{string.Join("、", added)}。{renames}", "本年新增：" + string.Join("、", added.Select(g => g.Split(' ')[0])));
            }
        }
    }

    // The codes in Actual: two lists of one table are two findings, each with its own fingerprint.
    private static Finding Info(string location, string table, string message, string codes) => new()
    {
        Rule = RuleIds.YCodes, Severity = Severity.Info, Location = location, Table = table, Message = message, Actual = codes,
    };

    // A prior report of another year cannot be compared: said once a rule, as a check not made.
    private static Finding? WrongYear(AuditContext c, string rule) => c.Prior is { Year: var y } && y != c.Year.Year - 1
        ? AuditContext.NotChecked(rule, $"所给的上年报告是 {y} 年度的，不是 {c.Year.Year - 1} 年度：跨年核对未进行")
        : null;

    // What a fact index states for a key: a table's cell first, else the first statement.
    // The prior report's facts by the crosswalk's code, so 2019-edition codes meet 2022-edition ones.
    private static Dictionary<FactKey, List<FactAssertion>> ByCanonical(AuditContext c, FactIndex prior)
    {
        var map = new Dictionary<FactKey, List<FactAssertion>>();
        foreach (var key in prior.Keys)
        {
            var canonical = key with { Code = key.Code is null ? null : c.Reference.Catalogs.Canonical(key.Code) };
            if (!map.TryGetValue(canonical, out var list))
            {
                map[canonical] = list = [];
            }

            list.AddRange(prior.Find(key));
        }

        return map;
    }

    private static FactAssertion? Published(AuditContext c, Dictionary<FactKey, List<FactAssertion>> priors, FactKey key)
    {
        var canonical = key with { Code = key.Code is null ? null : c.Reference.Catalogs.Canonical(key.Code) };
        return priors.TryGetValue(canonical, out var list)
            ? list.FirstOrDefault(a => a.Origin == AssertionOrigin.Table) ?? list.FirstOrDefault(a => a.Origin == AssertionOrigin.Narrative)
            : null;
    }

    private static string Show(FactAssertion a) => a.Amount.ToDisplayString() + a.Amount.Unit.Name();

    // A figure of last year's report: where it is there, marked as not in this document.
    // Where a figure of last year's report is: its own location, with the report's file when the location has none (a JSON input).
    private static string PriorPlace(AuditContext c, FactAssertion a) =>
        a.Location.File is null && c.Prior?.Sources.FirstOrDefault() is { } file ? $"{file} {a.Location.Describe()}" : a.Location.Describe();

    private static FindingFigure PriorFigure(AuditContext c, FactAssertion a) =>
        new(a.Amount.ToDisplayString(), PriorPlace(c, a), "上年报告",
            AuditContext.Locate(a.Location, a.Amount.ToDisplayString()) with { PriorReport = true, Document = a.Location.File ?? c.Prior?.Sources.FirstOrDefault() });

    [System.Text.RegularExpressions.GeneratedRegex(@"上年|上一年|同比|(?:与|比|较)\s*20\d\d\s*年")]
    private static partial System.Text.RegularExpressions.Regex PriorMeant();
}
