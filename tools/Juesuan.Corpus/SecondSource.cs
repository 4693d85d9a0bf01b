using System.Text.RegularExpressions;

namespace Juesuan.Corpus;

/// <summary>
/// Places where a changed figure cannot be found by anyone, because the report prints nothing to check it against (没有第二
/// 来源): a target or bound (「参保率保持在 95% 以上」「偏差控制在 10% 以内」), a performance indicator's value (「资助率 100%」),
/// a change against a prior year the report never prints (「比 2022 年度决算数增长 7.51%」 with neither the change amount nor
/// the prior amount), and an amount of the programme's results outside the accounts (「门诊共济共结算 36929 人次 165 万元」).
/// The criteria are read from the words around the figure alone — never from what the audit happens to check — and every
/// place set aside is listed in the runner's report, so the measure cannot quietly shrink.
/// </summary>
public static partial class SecondSource
{
    /// <summary>Why a changed rate at <paramref name="at"/> (length <paramref name="length"/>) of <paramref name="sentence"/> cannot be checked, or null.</summary>
    /// <param name="sentence">The sentence.</param>
    /// <param name="at">Where the figure starts.</param>
    /// <param name="length">The figure's length.</param>
    /// <param name="year">The report's year (a prior amount is one of the year before).</param>
    /// <remarks>
    /// A rate printed elsewhere too is not a second source by that alone: 「100%」 stands for many things in a report
    /// (a restated rate of the same thing is the restated-rate class's).
    /// </remarks>
    /// <param name="printedWithAmount">Whether the document prints the given words followed by an amount.</param>
    public static string? ForRate(string sentence, int at, int length, int? year = null, Func<string, bool>? printedWithAmount = null)
    {
        var before = ClauseBefore(sentence, at);
        // 「占部门预算项目支出总额的 100%」: a share of a total of the department's budget (部门预算), a document apart from the
        // final accounts, which print that total nowhere.
        if (ShareOfBudget().Match(before) is { Success: true } share && printedWithAmount?.Invoke(share.Groups["w"].Value) == false)
        {
            return $"占比的总数（{share.Groups["w"].Value}）是部门预算的数，报告中未印出";
        }

        var after = sentence[(at + length)..];
        // A resolve (「确保」) governs the targets after it in its sentence, but not a figure of the accounts in them.
        if (BoundAfter().IsMatch(after) || BoundBefore().IsMatch(before) || (Resolve().IsMatch(sentence[..at]) && !AccountsClause().IsMatch(before)))
        {
            return "目标或界限";
        }

        // 「7*24 小时随时响应，100% 达到年初绩效目标」: how far a target was reached, the programme's own measure (not a rate of
        // the accounts: 「预算执行率 100% 完成年度目标」 stays checkable).
        if (TargetReachedAfter().IsMatch(after) && !AccountsClause().IsMatch(before) && !FinancialRate().IsMatch(before))
        {
            return "达到目标的程度";
        }

        if (IndicatorBefore().Match(before) is { Success: true } indicator && !FinancialRate().IsMatch(indicator.Groups["w"].Value))
        {
            return $"绩效指标值（{indicator.Groups["w"].Value}）";
        }

        if (ChangeWord().IsMatch(before) && !ChangeAmount().IsMatch(sentence) && !PriorAmount().IsMatch(sentence) && !(year is { } y && PriorYearAmount(sentence, y)))
        {
            return "增减率的上年数和增减额均未印出";
        }

        return null;
    }

    // 「2022年 450 万元」 in a report of 2023: an amount of the year before, by its year.
    private static bool PriorYearAmount(string sentence, int year) =>
        Regex.IsMatch(sentence, $@"{year - 1}\s*年(?:度)?[^，。；增减降升]{{0,16}}?\d[\d,]*(?:\.\d+)?\s*(?:亿元|万元|元)");

    /// <summary>Why a flipped direction word at <paramref name="at"/> of <paramref name="sentence"/> cannot be checked, or null.</summary>
    public static string? ForDirection(string sentence, int at)
    {
        var before = ClauseBefore(sentence, at);
        if (!PriorYear().IsMatch(before) || PriorAmount().IsMatch(sentence))
        {
            return null;
        }

        // A change amount and a change rate together give the prior amount (and so the direction); either alone does not.
        return ChangeAmount().IsMatch(sentence) && ChangePercent().IsMatch(sentence) ? null : "与上年比较而上年数未印出";
    }

    /// <summary>
    /// Why a changed amount <paramref name="printed"/> at <paramref name="at"/> of <paramref name="sentence"/> cannot be
    /// checked, or null: the sentence names nothing of the accounts, the amount is neither part of a bracketed breakdown nor
    /// the whole of one, and the document prints its value nowhere else. <paramref name="around"/> is the sentence with the one
    /// before it, whose words of the accounts count too (a sentence cut by a page break).
    /// </summary>
    /// <remarks>
    /// An amount won by a class of supplier (「由中小企业供应商中标或成交的，采购金额 246.47 万元」) with no share printed
    /// beside it is bounded only from above — by the procurement total — since what the other suppliers won is never printed:
    /// lowered (<paramref name="lowered"/>), it can be found by no one.
    /// </remarks>
    public static string? ForAmount(string sentence, int at, string printed, int printings, string? around = null, bool lowered = false)
    {
        // Bounded from below too where a part of it is printed after it (「授予中小企业合同金额 20 万元，其中：授予小微企业合同
        // 金额 5 万元」): lowered below that, it is found.
        var rest = sentence[Math.Min(at + printed.Length, sentence.Length)..];
        var ownRest = rest.IndexOfAny(['；', ';', '。']) is var stop and >= 0 ? rest[..stop] : rest;
        if (lowered && AwardedTo().IsMatch(SegmentBefore(sentence, at)) && !ShareAfter().IsMatch(rest) && !ownRest.Contains("小微", StringComparison.Ordinal))
        {
            return "只以总额为上限的部分（其余部分未印出），调低无从发现";
        }

        // 「单价 100 万元以上设备」: a threshold the template names, not an amount of the accounts.
        if (ThresholdAfter().IsMatch(rest) || Threshold().IsMatch(ClauseBefore(sentence, at)))
        {
            return "界限或标准，不是数额";
        }

        if (AccountsWord().IsMatch(around ?? sentence) || printings > 1 || sentence.Contains("其中", StringComparison.Ordinal))
        {
            return null;
        }

        var open = sentence.LastIndexOfAny(['（', '('], Math.Max(at - 1, 0));
        var close = open < 0 ? -1 : sentence.IndexOfAny(['）', ')'], open);
        var inBrackets = open >= 0 && (close < 0 || close > at);
        var end = at + printed.Length;
        var beforeBreakdown = BreakdownAfter().IsMatch(sentence[Math.Min(end, sentence.Length)..]);
        return inBrackets || beforeBreakdown ? null : "决算科目以外的业务数据，别处未印出";
    }

    // The part of the sentence before a place, back to the nearest 。 or ；.
    private static string SegmentBefore(string sentence, int at)
    {
        var start = sentence.LastIndexOfAny(['。', '；', ';'], Math.Max(at - 1, 0));
        return sentence[(start + 1)..at];
    }

    // 「由中小企业供应商中标或成交的」「授予小微企业合同金额」: an amount won by one class of supplier.
    [GeneratedRegex("(?:由|授予)(?:中小企业|小微企业|中小微企业)")]
    private static partial Regex AwardedTo();

    // 「…万元，占政府采购支出总额的 40%」: a share printed beside the amount gives it a second source.
    [GeneratedRegex(@"^\s*(?:万元|元|亿元)?\s*[，,]?\s*占")]
    private static partial Regex ShareAfter();

    // The clause before a place: back to the nearest 。；，or colon.
    private static string ClauseBefore(string sentence, int at)
    {
        var start = sentence.LastIndexOfAny(['。', '；', '，', ',', '：', ':'], Math.Max(at - 1, 0));
        return sentence[(start + 1)..at];
    }

    [GeneratedRegex(@"^\s*[%％]?\s*(?:地)?(?:达到|完成|实现)(?:了)?(?:年初|年度|预期)?(?:绩效)?(?:目标|指标)")]
    private static partial Regex TargetReachedAfter();

    [GeneratedRegex(@"^\s*[%％]?\s*(?:以上|以内|以下|及以上|左右|（含）|\(含\))")]
    private static partial Regex BoundAfter();

    [GeneratedRegex(@"(?:确保|力争|不低于|不高于|不超过|不少于|控制在|目标值?|[≥≤＞＜><])[^\d，。；]{0,10}$")]
    private static partial Regex BoundBefore();

    // 「资助率 100%」「覆盖率 ≥95 98%」「满意度达到 96%」: the 率/度 word the figure is the value of.
    [GeneratedRegex(@"(?<w>[\p{IsCJKUnifiedIdeographs}]{1,8}?[率度])\s*(?:为|达|达到|是|保持在|[：:])?\s*(?:[≥≤＞＜><]\s*\d+(?:\.\d+)?\s*[%％]?\s*)?$")]
    private static partial Regex IndicatorBefore();

    // A rate of the accounts, which the tables or the sentence may give the parts of: 「预算执行率」「结转结余率」「增长率」.
    // Not a bare 「完成率」: 「筹资任务完成率」 is an indicator; 「预算完成率」 names its budget.
    [GeneratedRegex("(?:执行|增长|下降|增减|支出|使用|比)率$|进度$|增幅$|降幅$|预算|支出|结转|结余|资金|经费|拨款|决算")]
    private static partial Regex FinancialRate();

    // A clause about the accounts: 「完成预算的 85.3%」「支出决算…」.
    [GeneratedRegex("预算|决算|支出|执行|经费|资金|拨款|收入")]
    private static partial Regex AccountsClause();

    [GeneratedRegex(@"占(?<w>部门预算[^，。；\d]{2,20}?)(?:的)?\s*$")]
    private static partial Regex ShareOfBudget();

    // 「单价」「每人」「标准」 right before an amount: a rate or standard.
    [GeneratedRegex(@"(?:单价|每人|人均|标准)\s*$")]
    private static partial Regex Threshold();

    // 「100 万元（含）以上」「100 万元以上」 after an amount: the threshold of a class of assets, not an amount spent.
    [GeneratedRegex(@"^\s*(?:[（(]含[)）])?\s*(?:以上|以下)")]
    private static partial Regex ThresholdAfter();

    [GeneratedRegex("增长|下降|增加|减少|上升|降低|增幅|降幅|增减")]
    private static partial Regex ChangeWord();

    [GeneratedRegex(@"(?:增加|减少|增长|下降|上升|降低|增支|减支)(?:了|额为|额|为)?\s*\d[\d,]*(?:\.\d+)?\s*(?:亿元|万元|元)")]
    private static partial Regex ChangeAmount();

    [GeneratedRegex(@"(?:增加|减少|增长|下降|上升|降低|增幅|降幅)\s*(?:了|为)?\s*\d+(?:\.\d+)?\s*[%％]")]
    private static partial Regex ChangePercent();

    // 「上年决算数为 3.2 万元」, not 「比上年增加 0.4 万元」 (a change amount).
    [GeneratedRegex(@"上年[^，。；增减降升]{0,24}?\d[\d,]*(?:\.\d+)?\s*万?元")]
    private static partial Regex PriorAmount();

    // 「比上年」「同比」「比 2022 年度」 — not the report's own 「2023 年度…大于年初预算」.
    [GeneratedRegex(@"上年|同期|同比|(?:比|较|与)\s*\d{4}\s*年")]
    private static partial Regex PriorYear();

    // Words of the accounts (not 「低收入人口」, 「带量采购」 or 「结余留用」, which are the programme's).
    [GeneratedRegex("财政拨款|拨款|预算|决算|支出|(?<!低)收入|经费|结转|结余(?!留用)|资产|政府采购|三公|公务|合计|总计|共计")]
    private static partial Regex AccountsWord();

    // 「确保参保率达到 98%，筹资任务完成率达 100%」: one resolve governs the targets of its sentence.
    [GeneratedRegex("确保|力争|目标是|目标为")]
    private static partial Regex Resolve();

    [GeneratedRegex(@"^\s*[（(]")]
    private static partial Regex BreakdownAfter();
}
