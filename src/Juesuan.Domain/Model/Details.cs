using Juesuan.Domain.Numbers;

namespace Juesuan.Domain.Model;

/// <summary>
/// A figure stated outside the tables: a prior-year or budget value of a concept (上年数, 年初预算数).
/// The narrative's changes and completion rates are checked against these.
/// </summary>
public sealed record ReferenceFigure
{
    /// <summary>What the figure is: concept, code, scope and basis (prior / budget / fullYearBudget).</summary>
    public required FactKey Key { get; init; }

    /// <summary>The amount.</summary>
    public required Amount Amount { get; init; }

    /// <summary>Where it came from.</summary>
    public SourceLocation? Source { get; init; }
}

/// <summary>“三公”经费 details beyond the amounts of table 09: groups, persons, vehicles (三公经费明细).</summary>
public sealed record ThreePublicDetails
{
    /// <summary>因公出国（境）团组数.</summary>
    public int? AbroadGroups { get; init; }

    /// <summary>因公出国（境）人次.</summary>
    public int? AbroadPersons { get; init; }

    /// <summary>公务用车购置数 (辆).</summary>
    public int? VehiclesPurchased { get; init; }

    /// <summary>公务用车保有量 (辆, at year end).</summary>
    public int? VehiclesHeld { get; init; }

    /// <summary>国内公务接待批次.</summary>
    public int? DomesticReceptionBatches { get; init; }

    /// <summary>国内公务接待人次.</summary>
    public int? DomesticReceptionPersons { get; init; }

    /// <summary>外事接待批次.</summary>
    public int? ForeignReceptionBatches { get; init; }

    /// <summary>外事接待人次.</summary>
    public int? ForeignReceptionPersons { get; init; }

    /// <summary>会议费 amount, budget and count where the province publishes them (Shaanxi).</summary>
    public Amount? MeetingBudget { get; init; }

    /// <summary>会议费 actual.</summary>
    public Amount? Meeting { get; init; }

    /// <summary>会议次数.</summary>
    public int? Meetings { get; init; }

    /// <summary>会议人次.</summary>
    public int? MeetingPersons { get; init; }

    /// <summary>培训费 budget.</summary>
    public Amount? TrainingBudget { get; init; }

    /// <summary>培训费 actual.</summary>
    public Amount? Training { get; init; }

    /// <summary>培训次数.</summary>
    public int? Trainings { get; init; }

    /// <summary>培训人次.</summary>
    public int? TrainingPersons { get; init; }
}

/// <summary>机关运行经费: budget, actual and prior year.</summary>
public sealed record OperatingCosts
{
    /// <summary>年初预算.</summary>
    public Amount? Budget { get; init; }

    /// <summary>决算.</summary>
    public Amount? Actual { get; init; }

    /// <summary>上年决算.</summary>
    public Amount? Prior { get; init; }
}

/// <summary>政府采购支出.</summary>
public sealed record Procurement
{
    /// <summary>政府采购支出总额.</summary>
    public Amount? Total { get; init; }

    /// <summary>货物.</summary>
    public Amount? Goods { get; init; }

    /// <summary>工程.</summary>
    public Amount? Works { get; init; }

    /// <summary>服务.</summary>
    public Amount? Services { get; init; }

    /// <summary>授予中小企业合同金额.</summary>
    public Amount? SmeContracts { get; init; }

    /// <summary>其中授予小微企业合同金额.</summary>
    public Amount? SmallMicroContracts { get; init; }

    /// <summary>授予中小企业合同金额占政府采购支出总额的百分比, as printed.</summary>
    public Printed? SmeSharePercent { get; init; }

    /// <summary>授予小微企业合同金额占政府采购支出总额的百分比, as printed.</summary>
    public Printed? SmallMicroSharePercent { get; init; }

    /// <summary>面向中小企业预留政府采购项目预算金额 (the wording of the Shanghai and later national templates).</summary>
    public Amount? SmeReservedBudget { get; init; }

    /// <summary>面向小微企业预留政府采购项目预算金额.</summary>
    public Amount? SmallMicroReservedBudget { get; init; }

    /// <summary>在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的采购金额.</summary>
    public Amount? SmeReservedAwards { get; init; }

    /// <summary>在面向小微企业预留的政府采购项目中，由小微企业供应商中标或成交的采购金额.</summary>
    public Amount? SmallMicroReservedAwards { get; init; }

    /// <summary>在其他政府采购项目中，由中小企业供应商中标或成交的采购金额.</summary>
    public Amount? SmeOtherAwards { get; init; }

    /// <summary>Every amount stated, with its name as the templates word it.</summary>
    public IEnumerable<(Amount Amount, string Name)> Amounts()
    {
        (Amount? Amount, string Name)[] all =
        [
            (Total, "政府采购总额"), (Goods, "货物采购金额"), (Works, "工程采购金额"), (Services, "服务采购金额"),
            (SmeContracts, "授予中小企业合同金额"), (SmallMicroContracts, "授予小微企业合同金额"),
            (SmeReservedBudget, "面向中小企业预留政府采购项目预算金额"), (SmallMicroReservedBudget, "面向小微企业预留政府采购项目预算金额"),
            (SmeReservedAwards, "面向中小企业预留的项目中由中小企业中标或成交的金额"), (SmallMicroReservedAwards, "面向小微企业预留的项目中由小微企业中标或成交的金额"),
            (SmeOtherAwards, "其他项目中由中小企业中标或成交的金额"),
        ];
        return all.Where(x => x.Amount is not null).Select(x => (x.Amount!.Value, x.Name));
    }
}

/// <summary>国有资产占用: vehicles by kind and large equipment.</summary>
public sealed record Assets
{
    /// <summary>车辆总数.</summary>
    public int? Vehicles { get; init; }

    /// <summary>车辆 by kind (主要领导干部用车, 执法执勤用车, …) as printed.</summary>
    public IReadOnlyDictionary<string, int> VehiclesByKind { get; init; } = new Dictionary<string, int>();

    /// <summary>单价 100 万元以上设备（不含车辆）台（套）.</summary>
    public int? LargeEquipment { get; init; }

    /// <summary>当年购置车辆.</summary>
    public int? VehiclesPurchasedThisYear { get; init; }

    /// <summary>当年购置单价 100 万元以上设备.</summary>
    public int? LargeEquipmentPurchasedThisYear { get; init; }
}

/// <summary>人员情况.</summary>
public sealed record Staffing
{
    /// <summary>编制数.</summary>
    public int? Authorized { get; init; }

    /// <summary>行政编制.</summary>
    public int? AuthorizedAdministrative { get; init; }

    /// <summary>事业编制.</summary>
    public int? AuthorizedInstitutional { get; init; }

    /// <summary>实有人员.</summary>
    public int? Actual { get; init; }

    /// <summary>离退休人员.</summary>
    public int? Retired { get; init; }
}

/// <summary>
/// 部门决算单位构成 as the report states it: the number of units it says the final accounts include (「单位共 3 个」),
/// the number of subordinate units (「所属 2 个二级预算单位」, 「无二级决算部门」 = 0), and where it is. The units
/// it lists are <see cref="DepartmentYear.Units"/>.
/// </summary>
public sealed record UnitComposition
{
    /// <summary>The number of units stated, when a number is printed.</summary>
    public int? StatedUnits { get; init; }

    /// <summary>The number of subordinate (二级) units stated, when printed.</summary>
    public int? StatedSubordinates { get; init; }

    /// <summary>The text of the part, as printed (spaces dropped).</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>Where its heading is.</summary>
    public SourceLocation? Source { get; init; }
}
