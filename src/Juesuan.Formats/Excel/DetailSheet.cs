using System.Globalization;
using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;

namespace Juesuan.Formats.Excel;

/// <summary>
/// The 填报模板's 「其他情况」 sheet (issue 16): what the disclosure states outside its tables — 三公 counts, 会议费 and
/// 培训费, 机关运行经费, 政府采购, 国有资产 and vehicles, 人员 — one row each (类别, 项目, 数值), so a workbook round trip
/// keeps them. Amounts are written as printed (「0.32万元」), counts as whole numbers.
/// </summary>
internal static class DetailSheet
{
    public const string Name = "其他情况";

    private const string VehicleKind = "车辆（";

    private sealed record Field(string Category, string Item, Func<DepartmentYear, object?> Get, Func<DepartmentYear, string, DepartmentYear?> Set);

    private static Field Count<T>(string category, string item, Func<DepartmentYear, T?> owner, Func<T, int?> get, Func<T, int?, T> set, Func<DepartmentYear, T, DepartmentYear> put)
        where T : class, new() =>
        new(category, item, y => owner(y) is { } o ? get(o) : null, (y, text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? put(y, set(owner(y) ?? new T(), n)) : null);

    private static Field Money<T>(string category, string item, Func<DepartmentYear, T?> owner, Func<T, Amount?> get, Func<T, Amount?, T> set, Func<DepartmentYear, T, DepartmentYear> put)
        where T : class, new() =>
        new(category, item, y => owner(y) is { } o ? get(o)?.ToString() : null,
            // An amount names its unit (「3200.00元」, 「0.32万元」): a bare number could be either, ten thousand times apart.
            (y, text) => text.TrimEnd().EndsWith('元') && Amount.Parse(text, MoneyUnit.WanYuan) is { Success: true } a ? put(y, set(owner(y) ?? new T(), a.Value)) : null);

    private static Field Percent<T>(string category, string item, Func<DepartmentYear, T?> owner, Func<T, Printed?> get, Func<T, Printed?, T> set, Func<DepartmentYear, T, DepartmentYear> put)
        where T : class, new() =>
        new(category, item, y => owner(y) is { } o && get(o) is { } p ? p + "%" : null,
            (y, text) => Printed.Parse(text.Trim().TrimEnd('%', '％')) is { Success: true } p ? put(y, set(owner(y) ?? new T(), p.Value)) : null);

    private static Field Words<T>(string category, string item, Func<DepartmentYear, T?> owner, Func<T, string?> get, Func<T, string, T> set, Func<DepartmentYear, T, DepartmentYear> put)
        where T : class, new() =>
        new(category, item, y => owner(y) is { } o && get(o) is { Length: > 0 } text ? text : null, (y, text) => put(y, set(owner(y) ?? new T(), text)));

    private static readonly Field[] Fields =
    [
        Count<ThreePublicDetails>("“三公”经费", "因公出国（境）团组数", y => y.ThreePublic, d => d.AbroadGroups, (d, v) => d with { AbroadGroups = v }, (y, d) => y with { ThreePublic = d }),
        Count<ThreePublicDetails>("“三公”经费", "因公出国（境）人次", y => y.ThreePublic, d => d.AbroadPersons, (d, v) => d with { AbroadPersons = v }, (y, d) => y with { ThreePublic = d }),
        Count<ThreePublicDetails>("“三公”经费", "公务用车购置数", y => y.ThreePublic, d => d.VehiclesPurchased, (d, v) => d with { VehiclesPurchased = v }, (y, d) => y with { ThreePublic = d }),
        Count<ThreePublicDetails>("“三公”经费", "公务用车保有量", y => y.ThreePublic, d => d.VehiclesHeld, (d, v) => d with { VehiclesHeld = v }, (y, d) => y with { ThreePublic = d }),
        Count<ThreePublicDetails>("“三公”经费", "国内公务接待批次", y => y.ThreePublic, d => d.DomesticReceptionBatches, (d, v) => d with { DomesticReceptionBatches = v }, (y, d) => y with { ThreePublic = d }),
        Count<ThreePublicDetails>("“三公”经费", "国内公务接待人次", y => y.ThreePublic, d => d.DomesticReceptionPersons, (d, v) => d with { DomesticReceptionPersons = v }, (y, d) => y with { ThreePublic = d }),
        Count<ThreePublicDetails>("“三公”经费", "外事接待批次", y => y.ThreePublic, d => d.ForeignReceptionBatches, (d, v) => d with { ForeignReceptionBatches = v }, (y, d) => y with { ThreePublic = d }),
        Count<ThreePublicDetails>("“三公”经费", "外事接待人次", y => y.ThreePublic, d => d.ForeignReceptionPersons, (d, v) => d with { ForeignReceptionPersons = v }, (y, d) => y with { ThreePublic = d }),
        Money<ThreePublicDetails>("会议费", "全年预算数", y => y.ThreePublic, d => d.MeetingBudget, (d, v) => d with { MeetingBudget = v }, (y, d) => y with { ThreePublic = d }),
        Money<ThreePublicDetails>("会议费", "决算数", y => y.ThreePublic, d => d.Meeting, (d, v) => d with { Meeting = v }, (y, d) => y with { ThreePublic = d }),
        Count<ThreePublicDetails>("会议费", "会议次数", y => y.ThreePublic, d => d.Meetings, (d, v) => d with { Meetings = v }, (y, d) => y with { ThreePublic = d }),
        Count<ThreePublicDetails>("会议费", "参会人次", y => y.ThreePublic, d => d.MeetingPersons, (d, v) => d with { MeetingPersons = v }, (y, d) => y with { ThreePublic = d }),
        Money<ThreePublicDetails>("培训费", "全年预算数", y => y.ThreePublic, d => d.TrainingBudget, (d, v) => d with { TrainingBudget = v }, (y, d) => y with { ThreePublic = d }),
        Money<ThreePublicDetails>("培训费", "决算数", y => y.ThreePublic, d => d.Training, (d, v) => d with { Training = v }, (y, d) => y with { ThreePublic = d }),
        Count<ThreePublicDetails>("培训费", "培训次数", y => y.ThreePublic, d => d.Trainings, (d, v) => d with { Trainings = v }, (y, d) => y with { ThreePublic = d }),
        Count<ThreePublicDetails>("培训费", "参训人次", y => y.ThreePublic, d => d.TrainingPersons, (d, v) => d with { TrainingPersons = v }, (y, d) => y with { ThreePublic = d }),
        Money<OperatingCosts>("机关运行经费", "年初预算数", y => y.OperatingCosts, d => d.Budget, (d, v) => d with { Budget = v }, (y, d) => y with { OperatingCosts = d }),
        Money<OperatingCosts>("机关运行经费", "决算数", y => y.OperatingCosts, d => d.Actual, (d, v) => d with { Actual = v }, (y, d) => y with { OperatingCosts = d }),
        Money<OperatingCosts>("机关运行经费", "上年决算数", y => y.OperatingCosts, d => d.Prior, (d, v) => d with { Prior = v }, (y, d) => y with { OperatingCosts = d }),
        Money<Procurement>("政府采购", "采购总额", y => y.Procurement, d => d.Total, (d, v) => d with { Total = v }, (y, d) => y with { Procurement = d }),
        Money<Procurement>("政府采购", "货物", y => y.Procurement, d => d.Goods, (d, v) => d with { Goods = v }, (y, d) => y with { Procurement = d }),
        Money<Procurement>("政府采购", "工程", y => y.Procurement, d => d.Works, (d, v) => d with { Works = v }, (y, d) => y with { Procurement = d }),
        Money<Procurement>("政府采购", "服务", y => y.Procurement, d => d.Services, (d, v) => d with { Services = v }, (y, d) => y with { Procurement = d }),
        Money<Procurement>("政府采购", "授予中小企业合同金额", y => y.Procurement, d => d.SmeContracts, (d, v) => d with { SmeContracts = v }, (y, d) => y with { Procurement = d }),
        Money<Procurement>("政府采购", "其中授予小微企业合同金额", y => y.Procurement, d => d.SmallMicroContracts, (d, v) => d with { SmallMicroContracts = v }, (y, d) => y with { Procurement = d }),
        Percent<Procurement>("政府采购", "授予中小企业合同金额占总额的比例", y => y.Procurement, d => d.SmeSharePercent, (d, v) => d with { SmeSharePercent = v }, (y, d) => y with { Procurement = d }),
        Percent<Procurement>("政府采购", "授予小微企业合同金额占总额的比例", y => y.Procurement, d => d.SmallMicroSharePercent, (d, v) => d with { SmallMicroSharePercent = v }, (y, d) => y with { Procurement = d }),
        Money<Procurement>("政府采购", "面向中小企业预留政府采购项目预算金额", y => y.Procurement, d => d.SmeReservedBudget, (d, v) => d with { SmeReservedBudget = v }, (y, d) => y with { Procurement = d }),
        Money<Procurement>("政府采购", "面向小微企业预留政府采购项目预算金额", y => y.Procurement, d => d.SmallMicroReservedBudget, (d, v) => d with { SmallMicroReservedBudget = v }, (y, d) => y with { Procurement = d }),
        Money<Procurement>("政府采购", "面向中小企业预留的项目中由中小企业中标或成交的金额", y => y.Procurement, d => d.SmeReservedAwards, (d, v) => d with { SmeReservedAwards = v }, (y, d) => y with { Procurement = d }),
        Money<Procurement>("政府采购", "面向小微企业预留的项目中由小微企业中标或成交的金额", y => y.Procurement, d => d.SmallMicroReservedAwards, (d, v) => d with { SmallMicroReservedAwards = v }, (y, d) => y with { Procurement = d }),
        Money<Procurement>("政府采购", "其他项目中由中小企业中标或成交的金额", y => y.Procurement, d => d.SmeOtherAwards, (d, v) => d with { SmeOtherAwards = v }, (y, d) => y with { Procurement = d }),
        Count<Assets>("国有资产", "车辆总数", y => y.Assets, d => d.Vehicles, (d, v) => d with { Vehicles = v }, (y, d) => y with { Assets = d }),
        Count<Assets>("国有资产", "单价 100 万元以上设备", y => y.Assets, d => d.LargeEquipment, (d, v) => d with { LargeEquipment = v }, (y, d) => y with { Assets = d }),
        Count<Assets>("国有资产", "本年购置车辆", y => y.Assets, d => d.VehiclesPurchasedThisYear, (d, v) => d with { VehiclesPurchasedThisYear = v }, (y, d) => y with { Assets = d }),
        Count<Assets>("国有资产", "本年购置单价 100 万元以上设备", y => y.Assets, d => d.LargeEquipmentPurchasedThisYear, (d, v) => d with { LargeEquipmentPurchasedThisYear = v }, (y, d) => y with { Assets = d }),
        Count<Staffing>("人员", "编制数", y => y.Staffing, d => d.Authorized, (d, v) => d with { Authorized = v }, (y, d) => y with { Staffing = d }),
        Count<Staffing>("人员", "行政编制", y => y.Staffing, d => d.AuthorizedAdministrative, (d, v) => d with { AuthorizedAdministrative = v }, (y, d) => y with { Staffing = d }),
        Count<Staffing>("人员", "事业编制", y => y.Staffing, d => d.AuthorizedInstitutional, (d, v) => d with { AuthorizedInstitutional = v }, (y, d) => y with { Staffing = d }),
        Count<Staffing>("人员", "实有人数", y => y.Staffing, d => d.Actual, (d, v) => d with { Actual = v }, (y, d) => y with { Staffing = d }),
        Count<Staffing>("人员", "离退休人员", y => y.Staffing, d => d.Retired, (d, v) => d with { Retired = v }, (y, d) => y with { Staffing = d }),
        Count<UnitComposition>("单位构成", "纳入决算的单位个数", y => y.Composition, d => d.StatedUnits, (d, v) => d with { StatedUnits = v }, (y, d) => y with { Composition = d }),
        Count<UnitComposition>("单位构成", "其中二级单位个数", y => y.Composition, d => d.StatedSubordinates, (d, v) => d with { StatedSubordinates = v }, (y, d) => y with { Composition = d }),
        Words<UnitComposition>("单位构成", "原文", y => y.Composition, d => d.Text, (d, v) => d with { Text = v }, (y, d) => y with { Composition = d }),
    ];

    /// <summary>The sheet's rows: its header, then every field (empty where the department-year says nothing), then vehicles by kind.</summary>
    public static IEnumerable<string[]> Rows(DepartmentYear year)
    {
        yield return ["类别", "项目", "数值"];
        foreach (var field in Fields)
        {
            yield return [field.Category, field.Item, field.Get(year) switch { null => string.Empty, int n => n.ToString(CultureInfo.InvariantCulture), var v => v.ToString() ?? string.Empty }];
        }

        foreach (var (kind, count) in year.Assets?.VehiclesByKind ?? new Dictionary<string, int>())
        {
            yield return ["国有资产", VehicleKind + kind + "）", count.ToString(CultureInfo.InvariantCulture)];
        }
    }

    /// <summary>
    /// The department-year with what the sheet's rows give; a value that does not read (a count that is not a whole
    /// number, an amount that is not one) is an issue naming its row, and the row is skipped.
    /// </summary>
    public static DepartmentYear Read(DepartmentYear year, IReadOnlyList<Dictionary<int, string>> rows, string file, List<ImportIssue> issues)
    {
        for (var i = 1; i < rows.Count; i++)
        {
            var (category, item, value) = (rows[i].GetValueOrDefault(0, string.Empty).Trim(), rows[i].GetValueOrDefault(1, string.Empty).Trim(), rows[i].GetValueOrDefault(2, string.Empty).Trim());
            if (value.Length == 0)
            {
                continue;
            }

            DepartmentYear? read;
            if (category == "国有资产" && item.StartsWith(VehicleKind, StringComparison.Ordinal) && item.EndsWith('）'))
            {
                read = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                    ? year with { Assets = (year.Assets ?? new Assets()) with { VehiclesByKind = new Dictionary<string, int>(year.Assets?.VehiclesByKind ?? new Dictionary<string, int>()) { [item[VehicleKind.Length..^1]] = n } } }
                    : null;
            }
            else if (Fields.FirstOrDefault(f => f.Category == category && f.Item == item) is { } field)
            {
                read = field.Set(year, value);
            }
            else
            {
                issues.Add(new ImportIssue(new SourceLocation { File = file, Table = Name, Line = i + 1 }, $"工作表「{Name}」第 {i + 1} 行的「{category} {item}」不是本模板的项目，该行已跳过。"));
                continue;
            }

            if (read is null)
            {
                issues.Add(new ImportIssue(new SourceLocation { File = file, Table = Name, Line = i + 1 }, $"工作表「{Name}」第 {i + 1} 行「{category} {item}」的数值「{value}」无法读取（人数、次数写整数，金额连同单位写如 0.32万元 或 3200.00元），该行已跳过。"));
                continue;
            }

            year = read;
        }

        return year;
    }
}
