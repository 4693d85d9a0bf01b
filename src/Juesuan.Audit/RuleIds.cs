namespace Juesuan.Audit;

/// <summary>
/// Every rule id (规则编号), as the compiler checks it: rules, tests and documents refer to these, never to a string
/// typed again. docs/rules/&lt;id&gt;.md explains each; a test holds this list and the rule catalogue equal.
/// </summary>
public static class RuleIds
{
    /// <summary>C.CODES.</summary>
    public const string CCodes = "C.CODES";

    /// <summary>C.CONTENTS.</summary>
    public const string CContents = "C.CONTENTS";

    /// <summary>C.EMPTY_TABLE.</summary>
    public const string CEmptyTable = "C.EMPTY_TABLE";

    /// <summary>C.SECTIONS.</summary>
    public const string CSections = "C.SECTIONS";

    /// <summary>C.TABLES.</summary>
    public const string CTables = "C.TABLES";

    /// <summary>D.FILE_NAME.</summary>
    public const string DFileName = "D.FILE_NAME";

    /// <summary>D.NAME.</summary>
    public const string DName = "D.NAME";

    /// <summary>D.PLACEHOLDER.</summary>
    public const string DPlaceholder = "D.PLACEHOLDER";

    /// <summary>D.YEAR.</summary>
    public const string DYear = "D.YEAR";

    /// <summary>Y.OPENING.</summary>
    public const string YOpening = "Y.OPENING";

    /// <summary>Y.PRIOR.</summary>
    public const string YPrior = "Y.PRIOR";

    /// <summary>Y.CODES.</summary>
    public const string YCodes = "Y.CODES";

    /// <summary>Y.VEHICLES.</summary>
    public const string YVehicles = "Y.VEHICLES";

    /// <summary>D.UNITS.</summary>
    public const string DUnits = "D.UNITS";

    /// <summary>N.SCOPE.</summary>
    public const string NScope = "N.SCOPE";

    /// <summary>N.AMOUNT.</summary>
    public const string NAmount = "N.AMOUNT";

    /// <summary>N.CHANGE.</summary>
    public const string NChange = "N.CHANGE";

    /// <summary>N.COMPLETION.</summary>
    public const string NCompletion = "N.COMPLETION";

    /// <summary>N.COUNTS.</summary>
    public const string NCounts = "N.COUNTS";

    /// <summary>N.FIGURE_FORM.</summary>
    public const string NFigureForm = "N.FIGURE_FORM";

    /// <summary>N.REPEATED_WORD: 正文中连写两遍的词（「参保参保率」）.</summary>
    public const string NRepeatedWord = "N.REPEATED_WORD";

    /// <summary>N.GRADE_COUNTS: 自评等级的项目数之和等于自评项目数.</summary>
    public const string NGradeCounts = "N.GRADE_COUNTS";

    /// <summary>N.EVALUATED_PROJECTS: 情况说明所称反映绩效自评结果的项目个数和资金与所附项目支出绩效自评表一致.</summary>
    public const string NEvaluatedProjects = "N.EVALUATED_PROJECTS";

    /// <summary>N.RATE_RANGE.</summary>
    public const string NRateRange = "N.RATE_RANGE";

    /// <summary>N.IMPLIED_PRIOR.</summary>
    public const string NImpliedPrior = "N.IMPLIED_PRIOR";

    /// <summary>N.ITEM_ACTUALS.</summary>
    public const string NItemActuals = "N.ITEM_ACTUALS";

    /// <summary>N.ITEM_BUDGETS.</summary>
    public const string NItemBudgets = "N.ITEM_BUDGETS";

    /// <summary>N.ITEM_COVERAGE.</summary>
    public const string NItemCoverage = "N.ITEM_COVERAGE";

    /// <summary>N.PARTS.</summary>
    public const string NParts = "N.PARTS";

    /// <summary>N.PLACEHOLDER.</summary>
    public const string NPlaceholder = "N.PLACEHOLDER";

    /// <summary>N.PROCUREMENT.</summary>
    public const string NProcurement = "N.PROCUREMENT";

    /// <summary>N.RESTATED.</summary>
    public const string NRestated = "N.RESTATED";

    /// <summary>N.SHARE.</summary>
    public const string NShare = "N.SHARE";

    /// <summary>N.UNIT.</summary>
    public const string NUnit = "N.UNIT";

    /// <summary>N.YEAR.</summary>
    public const string NYear = "N.YEAR";

    /// <summary>N.ZERO_LISTED.</summary>
    public const string NZeroListed = "N.ZERO_LISTED";

    /// <summary>P.CATEGORY_WEIGHTS.</summary>
    public const string PCategoryWeights = "P.CATEGORY_WEIGHTS";

    /// <summary>P.DEVIATION_REASON.</summary>
    public const string PDeviationReason = "P.DEVIATION_REASON";

    /// <summary>P.DEVIATION: 偏差率 = (实际值 − 目标值) ÷ 目标值（达标的为 0）.</summary>
    public const string PDeviation = "P.DEVIATION";

    /// <summary>P.EXECUTION.</summary>
    public const string PExecution = "P.EXECUTION";

    /// <summary>P.FUNDS_VS_ACCOUNTS.</summary>
    public const string PFundsVsAccounts = "P.FUNDS_VS_ACCOUNTS";

    /// <summary>P.GRADE.</summary>
    public const string PGrade = "P.GRADE";

    /// <summary>P.INDICATOR_SCORE.</summary>
    public const string PIndicatorScore = "P.INDICATOR_SCORE";

    /// <summary>P.SCORE_ABOVE_WEIGHT.</summary>
    public const string PScoreAboveWeight = "P.SCORE_ABOVE_WEIGHT";

    /// <summary>P.TASKS.</summary>
    public const string PTasks = "P.TASKS";

    /// <summary>P.TOTAL.</summary>
    public const string PTotal = "P.TOTAL";

    /// <summary>P.WEIGHTS_TOTAL.</summary>
    public const string PWeightsTotal = "P.WEIGHTS_TOTAL";

    /// <summary>T.ROWS_SHIFTED.</summary>
    public const string TRowsShifted = "T.ROWS_SHIFTED";

    /// <summary>T01.BALANCE.</summary>
    public const string T01Balance = "T01.BALANCE";

    /// <summary>T01.EXPENSE_GRAND_TOTAL.</summary>
    public const string T01ExpenseGrandTotal = "T01.EXPENSE_GRAND_TOTAL";

    /// <summary>T01.EXPENSE_TOTAL.</summary>
    public const string T01ExpenseTotal = "T01.EXPENSE_TOTAL";

    /// <summary>T01.INCOME_GRAND_TOTAL.</summary>
    public const string T01IncomeGrandTotal = "T01.INCOME_GRAND_TOTAL";

    /// <summary>T01.INCOME_TOTAL.</summary>
    public const string T01IncomeTotal = "T01.INCOME_TOTAL";

    /// <summary>T02.HIERARCHY.</summary>
    public const string T02Hierarchy = "T02.HIERARCHY";

    /// <summary>T02.ROW_SUM.</summary>
    public const string T02RowSum = "T02.ROW_SUM";

    /// <summary>T03.HIERARCHY.</summary>
    public const string T03Hierarchy = "T03.HIERARCHY";

    /// <summary>T03.ROW_SUM.</summary>
    public const string T03RowSum = "T03.ROW_SUM";

    /// <summary>T04.EXPENSE_TOTAL.</summary>
    public const string T04ExpenseTotal = "T04.EXPENSE_TOTAL";

    /// <summary>T04.FUND_BALANCE.</summary>
    public const string T04FundBalance = "T04.FUND_BALANCE";

    /// <summary>T04.GRAND_TOTALS.</summary>
    public const string T04GrandTotals = "T04.GRAND_TOTALS";

    /// <summary>T04.INCOME_TOTAL.</summary>
    public const string T04IncomeTotal = "T04.INCOME_TOTAL";

    /// <summary>T04.OPENING_SPLIT.</summary>
    public const string T04OpeningSplit = "T04.OPENING_SPLIT";

    /// <summary>T04.ROW_SUM.</summary>
    public const string T04RowSum = "T04.ROW_SUM";

    /// <summary>T05.HIERARCHY.</summary>
    public const string T05Hierarchy = "T05.HIERARCHY";

    /// <summary>T05.ROW_SUM.</summary>
    public const string T05RowSum = "T05.ROW_SUM";

    /// <summary>T06.CLASS_SUM.</summary>
    public const string T06ClassSum = "T06.CLASS_SUM";

    /// <summary>T06.PERSONNEL_PUBLIC.</summary>
    public const string T06PersonnelPublic = "T06.PERSONNEL_PUBLIC";

    /// <summary>T07.BALANCE.</summary>
    public const string T07Balance = "T07.BALANCE";

    /// <summary>T07.HIERARCHY.</summary>
    public const string T07Hierarchy = "T07.HIERARCHY";

    /// <summary>T07.ROW_SUM.</summary>
    public const string T07RowSum = "T07.ROW_SUM";

    /// <summary>T08.HIERARCHY.</summary>
    public const string T08Hierarchy = "T08.HIERARCHY";

    /// <summary>T08.ROW_SUM.</summary>
    public const string T08RowSum = "T08.ROW_SUM";

    /// <summary>T09.TOTAL.</summary>
    public const string T09Total = "T09.TOTAL";

    /// <summary>T09.VEHICLES.</summary>
    public const string T09Vehicles = "T09.VEHICLES";

    /// <summary>TDETAIL.HIERARCHY.</summary>
    public const string TDETAILHierarchy = "TDETAIL.HIERARCHY";

    /// <summary>TDETAIL.ROW_SUM.</summary>
    public const string TDETAILRowSum = "TDETAIL.ROW_SUM";

    /// <summary>TGDETAIL.HIERARCHY.</summary>
    public const string TGDETAILHierarchy = "TGDETAIL.HIERARCHY";

    /// <summary>TGDETAIL.ROW_SUM.</summary>
    public const string TGDETAILRowSum = "TGDETAIL.ROW_SUM";

    /// <summary>TPROJ.CLASS_SUM.</summary>
    public const string TPROJClassSum = "TPROJ.CLASS_SUM";

    /// <summary>TSOE.BALANCE.</summary>
    public const string TSOEBalance = "TSOE.BALANCE";

    /// <summary>TSOE.HIERARCHY.</summary>
    public const string TSOEHierarchy = "TSOE.HIERARCHY";

    /// <summary>TSOE.ROW_SUM.</summary>
    public const string TSOERowSum = "TSOE.ROW_SUM";

    /// <summary>X.CONSOLIDATION.</summary>
    public const string XConsolidation = "X.CONSOLIDATION";

    /// <summary>X.FUND_CODES.</summary>
    public const string XFundCodes = "X.FUND_CODES";

    /// <summary>X.SAME_FIGURE.</summary>
    public const string XSameFigure = "X.SAME_FIGURE";

    /// <summary>X01_02.FISCAL_INCOME.</summary>
    public const string X0102FiscalIncome = "X01_02.FISCAL_INCOME";

    /// <summary>X03_05.WITHIN.</summary>
    public const string X0305Within = "X03_05.WITHIN";

    /// <summary>X04.EMPTY_FUNDS.</summary>
    public const string X04EmptyFunds = "X04.EMPTY_FUNDS";

    /// <summary>X05_06.BASIC.</summary>
    public const string X0506Basic = "X05_06.BASIC";

    /// <summary>X05_06.ECONOMIC.</summary>
    public const string X0506Economic = "X05_06.ECONOMIC";

    /// <summary>X09_06.THREE_PUBLIC.</summary>
    public const string X0906ThreePublic = "X09_06.THREE_PUBLIC";

    /// <summary>X09_06.THREE_PUBLIC_MT.</summary>
    public const string X0906ThreePublicMt = "X09_06.THREE_PUBLIC_MT";
}
