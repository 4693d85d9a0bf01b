using Juesuan.Domain.Catalogs;
using Juesuan.Domain.Model;
using Juesuan.Domain.Templates;
using static Juesuan.Documents.Disclosure.Figures;

namespace Juesuan.Documents.Disclosure;

/// <summary>Writes one section of the narrative at a time, collecting the gaps (see <see cref="NarrativeWriter"/>).</summary>
internal sealed class SectionWriter(Figures figures)
{
    private const string Summary = TableIds.IncomeExpenditureSummary;
    private const string Total = FactIndex.TotalRowKey;
    private readonly List<NarrativeGap> _gaps = [];
    private string _section = string.Empty;

    public IReadOnlyList<NarrativeGap> Gaps => _gaps;

    private DepartmentYear Year => figures.Year;

    private int Y => figures.Year.Year;

    // 部门, or 单位 in a 单位决算 (「本单位」「单位整体支出」).
    private string Who => DocumentKinds.Publisher(figures.Year.Kind);

    public GeneratedSection Write(SectionDefinition section)
    {
        _section = $"{section.Number}、{section.Title}";
        IReadOnlyList<GeneratedParagraph> paragraphs = section.Key switch
        {
            SectionKeys.Overview => [new(Overview())],
            SectionKeys.Income => [new(Income())],
            SectionKeys.Expenditure => [new(Expenditure())],
            SectionKeys.Fiscal => [new(Fiscal())],
            SectionKeys.Gpb => [.. Gpb().Select(p => new GeneratedParagraph(p))],
            SectionKeys.Basic => [new(Basic())],
            SectionKeys.GovFund => [new(GovFund())],
            SectionKeys.Soe => [new(Soe())],
            SectionKeys.ThreePublic => [new(ThreePublic())],
            SectionKeys.OperatingCosts => [new(OperatingCosts())],
            SectionKeys.Procurement => [new(Procurement())],
            SectionKeys.Assets => [new(AssetsText())],
            SectionKeys.Performance => [new(Performance())],
            SectionKeys.Other => Other(),
            _ => [new(Placeholder("本部分内容"))],
        };
        return new GeneratedSection(section.Number, section.Title, section.Key, paragraphs);
    }

    private string Placeholder(string what, FactKey? subject = null, ExplanationTopic? topic = null)
    {
        _gaps.Add(new NarrativeGap(_section, what) { Subject = subject, Topic = topic });
        return NarrativeWriter.PlaceholderOpen + what + "】";
    }

    // 「增加18.73万元，增长4.00%」; the percent is left out when the prior year was zero.
    private static string Change(decimal current, decimal prior)
    {
        var difference = current - prior;
        var (more, rate) = difference > 0 ? ("增加", "增长") : ("减少", "下降");
        var percent = Percent(Math.Abs(difference), prior);
        return $"{more}{Money(Math.Abs(difference))}万元" + (percent is null ? string.Empty : $"，{rate}{percent}%");
    }

    // 「主要原因是…」 (no closing punctuation), or a placeholder when required and missing, or null.
    private string? Reason(FactKey subject, ExplanationTopic topic, string what, bool required = true, string lead = "主要原因是") =>
        figures.Reason(subject, topic) is { } reason ? lead + reason
        : required ? lead + Placeholder(what, subject, topic)
        : null;

    // A clause and its reason as sentences: 「X。主要原因是Y。」
    private static string Sentences(string clause, string? reason) => clause + "。" + (reason is null ? string.Empty : reason + "。");

    // The comparison with the prior year: 「与上年相比增加…，增长…%」 or 「与上年持平」, with its reason; a placeholder clause
    // when the prior year is unknown (Known false: it then stands as a sentence of its own).
    private PriorYear Prior(decimal current, FactKey key, string subject, string lead, bool reasonRequired = true)
    {
        if (figures.Reference(key with { Basis = Bases.Prior }) is not { } prior)
        {
            return new PriorYear(lead + Placeholder(subject + "的上年决算数"), null, Known: false);
        }

        return Money(current) == Money(prior)
            ? new PriorYear("与上年持平", null, Known: true)
            : new PriorYear(lead + Change(current, prior), Reason(key, ExplanationTopic.Change, subject + "与上年相比增减的原因", reasonRequired), Known: true);
    }

    // After a head stating the amount: 「，与上年相比…。主要原因是…。」, or 「。与上年相比【待补充…】。」.
    private static string AfterHead(PriorYear prior) => (prior.Known ? "，" : "。") + Sentences(prior.Clause, prior.Reason);

    private sealed record PriorYear(string Clause, string? Reason, bool Known);

    private string Overview()
    {
        var income = figures.Cell(Summary, "income.grandTotal", "amount");
        var expense = figures.Cell(Summary, "expense.grandTotal", "amount");
        if (income is null && expense is null)
        {
            return $"{Y}年度收入总计、支出总计{Placeholder("收入支出决算总表的总计")}。";
        }

        var head = income == expense || expense is null || income is null
            ? $"{Y}年度收入总计、支出总计均为{Money((income ?? expense)!.Value)}万元"
            : $"{Y}年度收入总计{Money(income.Value)}万元、支出总计{Money(expense.Value)}万元";
        var key = new FactKey(Concepts.IncomeGrandTotal);
        return head + AfterHead(Prior((income ?? expense)!.Value, key, "收、支总计", "与上年相比，收、支总计各"));
    }

    private string Income()
    {
        (string Column, string Name)[] parts =
            [("fiscal", "财政拨款收入"), ("superior", "上级补助收入"), ("business", "事业收入"), ("operating", "经营收入"), ("affiliates", "附属单位上缴收入"), ("other", "其他收入")];
        var total = figures.Cell(TableIds.Income, Total, "total") ?? figures.Cell(Summary, "income.total", "amount");
        IEnumerable<(string Name, decimal Value)> values = Year.Table(TableIds.Income) is not null
            ? parts.Select(p => (p.Name, figures.CellOrZero(TableIds.Income, Total, p.Column)))
            : parts.Select(p => (p.Name, p.Column == "fiscal"
                ? figures.CellOrZero(Summary, "income.general", "amount") + figures.CellOrZero(Summary, "income.fund", "amount") + figures.CellOrZero(Summary, "income.soe", "amount")
                : figures.CellOrZero(Summary, "income." + p.Column, "amount")));
        return Structure($"{Y}年度本年收入合计", total, values, "收入决算表的本年收入合计");
    }

    private string Expenditure()
    {
        (string Column, string Name)[] parts =
            [("basic", "基本支出"), ("project", "项目支出"), ("paidToSuperior", "上缴上级支出"), ("operating", "经营支出"), ("subsidyToAffiliates", "对附属单位补助支出")];
        var total = figures.Cell(TableIds.Expenditure, Total, "total") ?? figures.Cell(Summary, "expense.total", "amount");
        return Structure($"{Y}年度本年支出合计", total, parts.Select(p => (p.Name, figures.CellOrZero(TableIds.Expenditure, Total, p.Column))), "支出决算表的本年支出合计");
    }

    // 「…合计481.93万元，其中：A 479.93万元，占99.59%；B 2.00万元，占0.41%。」 listing the non-zero parts.
    private string Structure(string head, decimal? total, IEnumerable<(string Name, decimal Value)> parts, string missing)
    {
        if (total is not { } whole)
        {
            return head + Placeholder(missing) + "。";
        }

        var listed = parts.Where(p => p.Value != 0m).Select(p => $"{p.Name}{Money(p.Value)}万元" + (Percent(p.Value, whole) is { } s ? $"，占{s}%" : string.Empty)).ToArray();
        return $"{head}{Money(whole)}万元" + (listed.Length == 0 ? "。" : "，其中：" + string.Join("；", listed) + "。");
    }

    private string Fiscal()
    {
        var income = figures.Cell(TableIds.FiscalSummary, "income.grandTotal", "amount");
        var expense = figures.Cell(TableIds.FiscalSummary, "expense.grandTotal", "total");
        if (income is null && expense is null)
        {
            return $"{Y}年度财政拨款收入总计、支出总计{Placeholder("财政拨款收入支出决算总表的总计")}。";
        }

        var head = income == expense || expense is null || income is null
            ? $"{Y}年度财政拨款收入总计、支出总计均为{Money((income ?? expense)!.Value)}万元"
            : $"{Y}年度财政拨款收入总计{Money(income.Value)}万元、支出总计{Money(expense.Value)}万元";
        var key = new FactKey(Concepts.IncomeGrandTotal, Scope: Scopes.Fiscal);
        return head + AfterHead(Prior((income ?? expense)!.Value, key, "财政拨款收、支总计", "与上年相比，财政拨款收、支总计各"));
    }

    private List<string> Gpb()
    {
        var paragraphs = new List<string>();
        var gpb = figures.Cell(TableIds.GpbExpenditure, Total, "total");
        if (gpb is not { } spent)
        {
            return [$"{Y}年度一般公共预算财政拨款支出{Placeholder("一般公共预算财政拨款支出决算表的合计")}。"];
        }

        var key = new FactKey(Concepts.ExpenseTotal, Scope: Scopes.Gpb);
        var all = figures.Cell(Summary, "expense.total", "amount");
        var share = all is { } a && Percent(spent, a) is { } s ? $"，占本年支出合计的{s}%" : string.Empty;
        var prior = Prior(spent, key, "一般公共预算财政拨款支出", "与上年相比，一般公共预算财政拨款支出");
        paragraphs.Add($"{Y}年度一般公共预算财政拨款支出{Money(spent)}万元{share}。" + Sentences(prior.Clause, prior.Reason));

        var classes = figures.CodedRows(TableIds.GpbExpenditure, 3)
            .Select(r => (Code: r.Key, Value: figures.CellOrZero(TableIds.GpbExpenditure, r.Key, "total"))).Where(c => c.Value != 0m).ToArray();
        if (classes.Length > 0)
        {
            paragraphs.Add($"{Y}年度一般公共预算财政拨款支出{Money(spent)}万元，主要用于以下方面："
                + string.Join("；", classes.Select(c => $"{figures.FunctionName(c.Code)}（类）{Money(c.Value)}万元" + (Percent(c.Value, spent) is { } p ? $"，占{p}%" : string.Empty))) + "。");
        }

        paragraphs.AddRange(Items(spent, key));
        return paragraphs;
    }

    // The budget paragraph and one paragraph per 项: budget, actual, completion rate and the reason for a difference.
    private List<string> Items(decimal spent, FactKey key)
    {
        var paragraphs = new List<string>();
        var budget = figures.Reference(key with { Basis = Bases.Budget });
        paragraphs.Add(budget is { } b && b != 0m
            ? $"{Y}年度一般公共预算财政拨款支出年初预算为{Money(b)}万元，支出决算为{Money(spent)}万元，完成年初预算的{Percent(spent, b)}%。其中："
            : budget is not null
                ? $"{Y}年度一般公共预算财政拨款支出年初预算为0.00万元，支出决算为{Money(spent)}万元。其中："
                : $"{Y}年度一般公共预算财政拨款支出年初预算为{Placeholder("一般公共预算财政拨款支出的年初预算数")}万元，支出决算为{Money(spent)}万元。其中：");

        var budgeted = Year.References.Where(r => r.Key.Concept == Concepts.ExpenseTotal && r.Key.Scope == Scopes.Gpb && r.Key.Basis == Bases.Budget && r.Key.Code is { Length: 7 })
            .Select(r => r.Key.Code!);
        var items = figures.CodedRows(TableIds.GpbExpenditure, 7)
            .Where(r => figures.CellOrZero(TableIds.GpbExpenditure, r.Key, "total") != 0m).Select(r => r.Key)
            .Union(budgeted).Order(StringComparer.Ordinal).ToArray();
        var n = 0;
        foreach (var code in items)
        {
            n++;
            var actual = figures.CellOrZero(TableIds.GpbExpenditure, code, "total");
            var itemKey = new FactKey(Concepts.ExpenseTotal, code, Scopes.Gpb);
            var name = $"{figures.FunctionName(code[..3])}（类）{figures.FunctionName(code[..5])}（款）{figures.FunctionName(code)}（项）";
            var itemBudget = figures.Reference(itemKey with { Basis = Bases.Budget });
            var text = $"{n}.{name}。";
            if (itemBudget is not { } ib)
            {
                text += $"年初预算为{Placeholder(code + " " + figures.FunctionName(code) + "的年初预算数")}万元，支出决算为{Money(actual)}万元。";
            }
            else
            {
                text += $"年初预算为{Money(ib)}万元，支出决算为{Money(actual)}万元" + (Percent(actual, ib) is { } rate ? $"，完成年初预算的{rate}%。" : "。");
                text += Money(actual) == Money(ib)
                    ? "决算数与年初预算数持平。"
                    : Reason(itemKey, ExplanationTopic.Budget, code + " " + figures.FunctionName(code) + "决算数与年初预算数差异的原因",
                        lead: $"决算数{(actual > ib ? "大于" : "小于")}年初预算数的主要原因是") + "。";
            }

            paragraphs.Add(text);
        }

        return paragraphs;
    }

    private string Basic()
    {
        var basic = figures.Cell(TableIds.GpbExpenditure, Total, "basic");
        if (basic is not { } spent)
        {
            return $"{Y}年度一般公共预算财政拨款基本支出{Placeholder("一般公共预算财政拨款支出决算表的基本支出合计")}。";
        }

        var key = new FactKey(Concepts.ExpenseBasic, Scope: Scopes.Gpb);
        var text = $"{Y}年度一般公共预算财政拨款基本支出{Money(spent)}万元" + AfterHead(Prior(spent, key, "基本支出", "与上年相比", reasonRequired: false));
        var economic = figures.ReferenceData.Catalogs.Economic(Y);
        var items = figures.CodedRows(TableIds.GpbBasicEconomic, 5)
            .Where(r => figures.CellOrZero(TableIds.GpbBasicEconomic, r.Key, "amount") != 0m)
            .Select(r => (Code: r.Key, Name: figures.EconomicName(r.Key, r.Label), Personnel: economic.IsPersonnel(r.Key)))
            .ToArray();
        foreach (var (concept, row, name, personnel) in new[] { (Concepts.ExpensePersonnel, "personnel.total", "人员经费", true), (Concepts.ExpensePublic, "public.total", "公用经费", false) })
        {
            if (figures.Cell(TableIds.GpbBasicEconomic, row, "amount") is not { } amount)
            {
                continue;
            }

            var groupKey = new FactKey(concept, Scope: Scopes.Gpb);
            var prior = Prior(amount, groupKey, name, "与上年相比", reasonRequired: false);
            var listed = items.Where(i => i.Personnel == personnel).Select(i => i.Name).ToArray();
            text += (personnel ? "其中：" : string.Empty) + $"{name}{Money(amount)}万元，{prior.Clause}" + (prior.Reason is null ? string.Empty : "，" + prior.Reason)
                + (listed.Length > 0 ? "，主要包括：" + string.Join("、", listed) : string.Empty) + "。";
        }

        return text;
    }

    private string GovFund()
    {
        var table = Year.Table(TableIds.GovFund);
        if (table is null || table.HasNoData)
        {
            return $"本{Who}{Y}年度无政府性基金预算财政拨款收支，已公开空表。";
        }

        return $"{Y}年度政府性基金预算财政拨款年初结转和结余{Money(figures.CellOrZero(TableIds.GovFund, Total, "opening"))}万元，本年收入{Money(figures.CellOrZero(TableIds.GovFund, Total, "income"))}万元，"
            + $"本年支出{Money(figures.CellOrZero(TableIds.GovFund, Total, "total"))}万元，年末结转和结余{Money(figures.CellOrZero(TableIds.GovFund, Total, "closing"))}万元。" + ClassList(TableIds.GovFund);
    }

    private string Soe()
    {
        var id = Year.Table(TableIds.SoeExpenditure) is not null ? TableIds.SoeExpenditure : TableIds.SoeIncomeExpenditure;
        var table = Year.Table(id);
        if (table is null || table.HasNoData)
        {
            return $"本{Who}{Y}年度无国有资本经营预算财政拨款支出，已公开空表。";
        }

        var total = figures.CellOrZero(id, Total, "total");
        return $"{Y}年度国有资本经营预算财政拨款支出{Money(total)}万元，其中：基本支出{Money(figures.CellOrZero(id, Total, "basic"))}万元，项目支出{Money(figures.CellOrZero(id, Total, "project"))}万元。" + ClassList(id);
    }

    // 「支出主要用于：X（类）1.00万元；…。」 from a coded table's 类 rows.
    private string ClassList(string table)
    {
        var classes = figures.CodedRows(table, 3).Select(r => (r.Key, Value: figures.CellOrZero(table, r.Key, "total"))).Where(c => c.Value != 0m).ToArray();
        return classes.Length == 0 ? string.Empty : "支出主要用于：" + string.Join("；", classes.Select(c => $"{figures.FunctionName(c.Key)}（类）{Money(c.Value)}万元")) + "。";
    }

    private string ThreePublic()
    {
        var id = Year.Table(TableIds.ThreePublicMeetingTraining) is not null ? TableIds.ThreePublicMeetingTraining : TableIds.ThreePublic;
        var actual = figures.Cell(id, "actual", "total");
        if (actual is not { } spent)
        {
            return $"{Y}年度“三公”经费财政拨款支出{Placeholder("“三公”经费支出决算表的决算数")}。";
        }

        var key = new FactKey(Concepts.ThreePublicTotal, Scope: Scopes.Fiscal);
        var budget = figures.Cell(id, "budget", "total");
        var text = $"{Y}年度“三公”经费财政拨款支出";
        if (budget is { } b && b != 0m)
        {
            text += $"全年预算为{Money(b)}万元，支出决算为{Money(spent)}万元，完成全年预算的{Percent(spent, b)}%。";
            text += Money(spent) == Money(b) ? "决算数与全年预算数持平。"
                : Reason(key, ExplanationTopic.Budget, "“三公”经费决算数与全年预算数差异的原因", lead: $"决算数{(spent > b ? "大于" : "小于")}全年预算数的主要原因是") + "。";
        }
        else
        {
            text += $"支出决算为{Money(spent)}万元。";
        }

        var prior = Prior(spent, key, "“三公”经费", "与上年相比");
        text += prior.Clause + (prior.Reason is null ? string.Empty : "，" + prior.Reason) + "。";

        var details = Year.ThreePublic;
        var abroad = figures.CellOrZero(id, "actual", "abroad");
        var purchase = figures.CellOrZero(id, "actual", "vehiclePurchase");
        var operation = figures.CellOrZero(id, "actual", "vehicleOperation");
        var reception = figures.CellOrZero(id, "actual", "reception");
        string Share(decimal v) => v != 0m && Percent(v, spent) is { } p ? $"，占{p}%" : string.Empty;
        string Count(int? value, string what, decimal amount) => value is { } v ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : amount == 0m ? "0" : Placeholder(what);

        var parts = new List<string>
        {
            $"因公出国（境）费支出决算{Money(abroad)}万元{Share(abroad)}，全年因公出国（境）团组{Count(details?.AbroadGroups, "因公出国（境）团组数", abroad)}个，累计{Count(details?.AbroadPersons, "因公出国（境）人次", abroad)}人次",
            $"公务用车购置费支出决算{Money(purchase)}万元{Share(purchase)}" + (purchase != 0m ? $"，购置公务用车{Count(details?.VehiclesPurchased, "公务用车购置数", purchase)}辆" : string.Empty)
                + $"，公务用车运行维护费支出决算{Money(operation)}万元{Share(operation)}，{Y}年末公务用车保有量{Count(details?.VehiclesHeld, "公务用车保有量", operation)}辆",
            $"公务接待费支出决算{Money(reception)}万元{Share(reception)}，国内公务接待{Count(details?.DomesticReceptionBatches, "国内公务接待批次", reception)}批次、{Count(details?.DomesticReceptionPersons, "国内公务接待人次", reception)}人次"
                + (details?.ForeignReceptionBatches is > 0 ? $"，外事接待{details.ForeignReceptionBatches}批次、{details.ForeignReceptionPersons ?? 0}人次" : string.Empty),
        };
        text += "其中：" + string.Join("；", parts) + "。";

        var meeting = figures.Cell(id, "actual", "meeting") ?? (details?.Meeting is { } m ? InWan(m) : null);
        var training = figures.Cell(id, "actual", "training") ?? (details?.Training is { } t ? InWan(t) : null);
        var extra = new List<string>();
        if (meeting is { } mv)
        {
            extra.Add($"会议费支出决算{Money(mv)}万元，召开会议{Count(details?.Meetings, "会议次数", mv)}次、参会{Count(details?.MeetingPersons, "参会人次", mv)}人次");
        }

        if (training is { } tv)
        {
            extra.Add($"培训费支出决算{Money(tv)}万元，组织培训{Count(details?.Trainings, "培训次数", tv)}次、参训{Count(details?.TrainingPersons, "参训人次", tv)}人次");
        }

        return extra.Count == 0 ? text : text + $"{Y}年度" + string.Join("；", extra) + "。";
    }

    private string OperatingCosts()
    {
        var costs = Year.OperatingCosts;
        if (costs?.Actual is not { } actualAmount)
        {
            return $"{Y}年度本{Who}机关运行经费支出{Placeholder("机关运行经费决算数")}。";
        }

        var actual = InWan(actualAmount);
        var key = new FactKey(Concepts.OperatingCosts, Scope: Scopes.Gpb);
        var text = $"{Y}年度本{Who}机关运行经费";
        if (costs.Budget is { } budgetAmount && InWan(budgetAmount) is var budget && budget != 0m)
        {
            text += $"年初预算为{Money(budget)}万元，支出决算为{Money(actual)}万元，完成年初预算的{Percent(actual, budget)}%。"
                + (Money(actual) == Money(budget) ? string.Empty
                    : Reason(key, ExplanationTopic.Budget, string.Empty, required: false, lead: $"决算数{(actual > budget ? "大于" : "小于")}年初预算数的主要原因是") is { } reason ? reason + "。" : string.Empty);
        }
        else
        {
            text += $"支出决算为{Money(actual)}万元。";
        }

        if (costs.Prior is not { } priorAmount)
        {
            return text + $"与上年相比{Placeholder("机关运行经费的上年决算数")}。";
        }

        var prior = InWan(priorAmount);
        return Money(prior) == Money(actual) ? text + "与上年持平。"
            : text + Sentences("与上年相比" + Change(actual, prior), Reason(key, ExplanationTopic.Change, "机关运行经费与上年相比增减的原因"));
    }

    private string Procurement()
    {
        var p = Year.Procurement;
        if (p?.Total is not { } totalAmount)
        {
            return $"{Y}年度政府采购支出总额{Placeholder("政府采购支出总额")}。";
        }

        var total = InWan(totalAmount);
        if (total == 0m)
        {
            return $"本{Who}{Y}年度无政府采购支出。";
        }

        string M(Domain.Numbers.Amount? a) => Money(a is { } x ? InWan(x) : 0m);
        var text = $"{Y}年度政府采购支出总额{Money(total)}万元，其中：政府采购货物支出{M(p.Goods)}万元、政府采购工程支出{M(p.Works)}万元、政府采购服务支出{M(p.Services)}万元。";
        if (p.SmeContracts is { } sme)
        {
            text += $"授予中小企业合同金额{M(sme)}万元，占政府采购支出总额的{Percent(InWan(sme), total)}%";
            text += p.SmallMicroContracts is { } small ? $"，其中：授予小微企业合同金额{M(small)}万元，占政府采购支出总额的{Percent(InWan(small), total)}%。" : "。";
        }

        // The reserved projects, as the Shanghai template words them: each clause the department-year states, none made up
        // (a 0.00 printed for an unstated budget would contradict a stated award).
        static string Sentence(IEnumerable<string> clauses, string separator) => clauses.Any() ? string.Join(separator, clauses) + "。" : string.Empty;
        text += Sentence(new[]
        {
            p.SmeReservedBudget is { } smeBudget ? $"{Y}年度本{Who}面向中小企业预留政府采购项目预算金额{M(smeBudget)}万元" : null,
            p.SmallMicroReservedBudget is { } microBudget ? $"面向小微企业预留政府采购项目预算金额{M(microBudget)}万元" : null,
        }.OfType<string>(), "，");
        text += Sentence(new[]
        {
            p.SmeReservedAwards is { } smeWon ? $"在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额{M(smeWon)}万元" : null,
            p.SmallMicroReservedAwards is { } microWon ? $"在面向小微企业预留政府采购项目中，由小微企业供应商中标或成交的，采购金额{M(microWon)}万元" : null,
            p.SmeOtherAwards is { } otherWon ? $"在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额{M(otherWon)}万元" : null,
        }.OfType<string>(), "；");

        return text;
    }

    private string AssetsText()
    {
        var a = Year.Assets;
        if (a?.Vehicles is not { } vehicles)
        {
            return $"截至{Y}年12月31日，本{Who}{Placeholder("车辆和大型设备的占用情况")}。";
        }

        var kinds = a.VehiclesByKind.Count == 0 ? string.Empty : "，其中：" + string.Join("、", a.VehiclesByKind.Select(k => $"{k.Key}{k.Value}辆"));
        var text = $"截至{Y}年12月31日，本{Who}共有车辆{vehicles}辆{kinds}；单价100万元（含）以上设备（不含车辆）{a.LargeEquipment?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Placeholder("单价100万元以上设备数")}台（套）。";
        if (a.VehiclesPurchasedThisYear is not null || a.LargeEquipmentPurchasedThisYear is not null)
        {
            text += $"{Y}年当年购置车辆{a.VehiclesPurchasedThisYear ?? 0}辆；购置单价100万元以上设备{a.LargeEquipmentPurchasedThisYear ?? 0}台（套）。";
        }

        return text;
    }

    private string Performance()
    {
        var evaluations = Year.Evaluations;
        if (evaluations.Count == 0)
        {
            return Placeholder("预算绩效管理和绩效自评情况");
        }

        var projects = evaluations.Where(e => e.Kind == EvaluationKind.Project).ToArray();
        var text = string.Empty;
        if (projects.Length > 0)
        {
            var funds = projects.Sum(e => e.TotalFunds()?.Executed is { } x ? InWan(x) : 0m);
            var projectTotal = figures.Cell(TableIds.Expenditure, Total, "project");
            text = $"本{Who}组织对{Y}年度项目支出开展绩效自评，共涉及项目{projects.Length}个，资金{Money(funds)}万元"
                + (projectTotal is { } pt && Percent(funds, pt) is { } share ? $"，占项目支出总额的{share}%。" : "。");
        }

        return text + string.Join("；", evaluations.Select(e =>
            (e.Kind == EvaluationKind.Department ? Who + "整体支出" : e.Name + "项目") + "绩效自评得分"
            + (e.TotalScore is { } score ? score.ToString() : Placeholder(e.Name + "的自评得分")) + "分" + (e.Grade is null ? string.Empty : "，等级为" + e.Grade))) + "。";
    }

    // Shanghai and Sichuan put 机关运行经费, 政府采购 and 国有资产 under 其他重要事项, each under a sub-heading.
    private List<GeneratedParagraph> Other()
    {
        var paragraphs = new List<GeneratedParagraph>();
        if (figures.Template.Sections.All(s => s.Key != SectionKeys.OperatingCosts))
        {
            paragraphs.AddRange([new("（一）机关运行经费支出情况", IsHeading: true), new(OperatingCosts()), new("（二）政府采购支出情况", IsHeading: true), new(Procurement()),
                new("（三）国有资产占用情况", IsHeading: true), new(AssetsText())]);
            if (!string.IsNullOrWhiteSpace(Year.OtherMatters))
            {
                paragraphs.Add(new("（四）其他需要说明的情况", IsHeading: true));
            }
        }

        if (!string.IsNullOrWhiteSpace(Year.OtherMatters))
        {
            paragraphs.Add(new(Year.OtherMatters.Trim()));
        }
        else if (paragraphs.Count == 0)
        {
            paragraphs.Add(new($"本{Who}无其他需要说明的情况。"));
        }

        return paragraphs;
    }
}
