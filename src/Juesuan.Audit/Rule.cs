namespace Juesuan.Audit;

/// <summary>
/// An audit rule (审核规则): a stable id (family.NAME), a Chinese title, a default severity, and a check that turns a
/// department-year into findings. Rules never parse text and never throw for odd data.
/// </summary>
public abstract class Rule
{
    /// <summary>The stable id, e.g. RuleIds.T03RowSum.</summary>
    public abstract string Id { get; }

    /// <summary>The family: the part of the id before the dot (T03, X05_06, N, C, F).</summary>
    public string Family => Id[..Id.IndexOf('.', StringComparison.Ordinal)];

    /// <summary>A one-line Chinese title.</summary>
    public abstract string Title { get; }

    /// <summary>Runs the rule.</summary>
    public abstract IEnumerable<Finding> Check(AuditContext context);
}

/// <summary>A rule written as a delegate: the catalog uses these for the many small relations.</summary>
internal sealed class DelegateRule(string id, string title, Func<AuditContext, IEnumerable<Finding>> check) : Rule
{
    public override string Id { get; } = id;

    public override string Title { get; } = title;

    public override IEnumerable<Finding> Check(AuditContext context) => check(context);
}
