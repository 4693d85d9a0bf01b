using System.Globalization;
using Juesuan.Domain.Model;
using Juesuan.Domain.Scoring;

namespace Juesuan.Application;

/// <summary>One score recomputed: what the form states and what the rules give.</summary>
/// <param name="Indicator">The indicator (三级指标), or 预算执行率.</param>
/// <param name="Basis">What the score rests on (目标 → 实际, 执行数 ÷ 预算数).</param>
/// <param name="Weight">Its weight (分值) as printed.</param>
/// <param name="Stated">The score the form states.</param>
/// <param name="Recomputed">The score by the rules: a value or a range.</param>
/// <param name="Reason">Why (the rule applied).</param>
/// <param name="Differs">True when the stated score is not what the rules allow.</param>
public sealed record ScoreLine(string Indicator, string Basis, string Weight, string Stated, string Recomputed, string Reason, bool Differs);

/// <summary>The recomputed scores of one self-evaluation form.</summary>
/// <param name="Evaluation">The form.</param>
/// <param name="Grade">The grade its stated total earns under the rules, when it states one.</param>
/// <param name="Lines">Every indicator with a score (or only those that differ, as asked).</param>
public sealed record EvaluationScores(Evaluation Evaluation, string? Grade, IReadOnlyList<ScoreLine> Lines);

/// <summary>Every self-evaluation of a department-year rescored under one rule set.</summary>
/// <param name="Rules">The rule set used.</param>
/// <param name="Evaluations">Each form's scores.</param>
public sealed record ScoreSheet(ScoringRules Rules, IReadOnlyList<EvaluationScores> Evaluations)
{
    /// <summary>How many stated scores the rules do not allow.</summary>
    public int Differences => Evaluations.Sum(e => e.Lines.Count(l => l.Differs));
}

/// <summary>Rescoring self-evaluation forms (评分复核) under the run's scoring rules — the ones the audit uses too.</summary>
public sealed class Scores(JuesuanOptions options)
{
    /// <summary>The rule set that applies to <paramref name="year"/>.</summary>
    public ScoringRules RulesFor(DepartmentYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        return options.Reference.ScoringFor(year.Department.Province);
    }

    /// <summary>Rescores every form; lists every scored indicator when <paramref name="all"/>, else only those that differ.</summary>
    public ScoreSheet Score(DepartmentYear year, bool all = false)
    {
        var rules = RulesFor(year);
        var forms = new List<EvaluationScores>();
        foreach (var evaluation in year.Evaluations)
        {
            var lines = new List<ScoreLine>();
            var funds = evaluation.TotalFunds();
            var weight = evaluation.ExecutionWeight?.Value ?? 10m;
            if (evaluation.ExecutionScore is { } statedExecution && ScoringEngine.ExecutionScore(weight, funds?.FullYearBudget?.Value, funds?.Executed?.Value) is { } execution)
            {
                var differs = Math.Abs(statedExecution.Value - execution) > 0.01m;
                if (differs || all)
                {
                    lines.Add(new("预算执行率", $"{funds!.Executed} ÷ {funds.FullYearBudget}", F(weight), statedExecution.ToString(), F(execution), "分值 × 执行数 ÷ 预算数", differs));
                }
            }

            foreach (var indicator in evaluation.Indicators.Where(i => i.Score is not null))
            {
                var expectation = ScoringEngine.Expect(indicator, rules);
                var stated = indicator.Score!.Value.Value;
                var differs = expectation.Expected is { } x ? Math.Abs(stated - x) > 0.01m : stated < expectation.Low || stated > expectation.High;
                if (differs || all)
                {
                    var recomputed = expectation.Expected is { } value ? F(value) : $"{F(expectation.Low)}–{F(expectation.High)}";
                    lines.Add(new(indicator.Level3, $"{indicator.Target} → {indicator.Actual}", indicator.Weight?.ToString() ?? string.Empty, indicator.Score.ToString()!, recomputed, expectation.Reason, differs));
                }
            }

            forms.Add(new(evaluation, evaluation.TotalScore is { } t ? rules.Grade(t.Value) : null, lines));
        }

        return new(rules, forms);
    }

    private static string F(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
