using Juesuan.Domain.Model;
using static Juesuan.Audit.Tests.Mutations;

namespace Juesuan.Audit.Tests;

/// <summary>C.CONTENTS: the 目录 against the headings — a consistent case, each defect, and the near misses that must not fire.</summary>
public sealed class ContentsRuleTests
{
    // A PDF's 目录 on page 2 (printed pages start after the cover and 目录: physical = printed + 2), then the body.
    private static readonly (string Contents, LabelKind Kind, string Heading, int Page)[] Consistent =
    [
        ("第一部分 部门概况…………………1", LabelKind.Heading, "第一部分 部门概况", 3),
        ("一、收入支出决算总表……………2", LabelKind.TableTitle, "收入支出决算总表", 4),
        ("二、收入决算表…………………………4", LabelKind.TableTitle, "收入决算表", 6),
        ("第二部分 部门决算情况说明………8", LabelKind.Heading, "第二部分 部门决算情况说明", 10),
        ("十一、其他重要事项说明……………9", LabelKind.Heading, "十一、其他重要事项说明", 11),
    ];

    private static DepartmentYear With(IEnumerable<(string Contents, LabelKind Kind, string Heading, int Page)> entries, bool pdf = true)
    {
        var list = entries.ToArray();
        var contents = list.Select(e => new PrintedLabel { Kind = LabelKind.Contents, Text = e.Contents, Source = new SourceLocation { File = "a.pdf", Page = pdf ? 2 : null } });
        var body = list.Where(e => e.Heading.Length > 0).OrderBy(e => e.Page).Select(e => new PrintedLabel { Kind = e.Kind, Text = e.Heading, Source = new SourceLocation { File = "a.pdf", Page = pdf ? e.Page : null, Line = pdf ? null : e.Page * 10 } });
        return Base with { Labels = [.. contents, .. body] };
    }

    private static IReadOnlyList<Finding> Found(DepartmentYear year) => year.Audit().Findings.Where(f => f.Rule == RuleIds.CContents).ToArray();

    [Fact]
    public void A_contents_that_matches_its_headings_and_pages_gives_nothing()
    {
        Assert.Empty(Found(With(Consistent)));
        Assert.Empty(Found(With(Consistent, pdf: false)));
    }

    [Fact]
    public void A_page_number_off_from_the_others_is_a_warning_with_the_page_it_should_give()
    {
        var entries = Consistent.ToArray();
        entries[2] = entries[2] with { Contents = "二、收入决算表…………………………5" };
        var finding = Assert.Single(Found(With(entries)));
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("4", finding.Expected);
        Assert.Equal("5", finding.Actual);
        Assert.Contains("标注在第 5 页，正文在第 4 页", finding.Message, StringComparison.Ordinal);
        Assert.Equal(["目录", "表题"], finding.Figures.Select(f => f.Role));

        // A text input has no physical pages: its printed page numbers are not checked.
        Assert.Empty(Found(With(entries, pdf: false)));
    }

    [Fact]
    public void An_entry_worded_otherwise_in_the_body_is_said_with_both_wordings()
    {
        var entries = Consistent.ToArray();
        entries[4] = entries[4] with { Heading = "十一、其他重要事项的情况说明" };
        var finding = Assert.Single(Found(With(entries)));
        Assert.Equal("目录中为「十一、其他重要事项说明」，正文标题为「十一、其他重要事项的情况说明」，两处应一致。", finding.Message);
    }

    [Fact]
    public void An_entry_missing_from_the_body_and_one_out_of_order_are_warnings()
    {
        var missing = Consistent.ToArray();
        missing[2] = missing[2] with { Heading = string.Empty };
        Assert.Equal("目录列出「二、收入决算表」，正文中没有这一标题或表。", Assert.Single(Found(With(missing))).Message);

        // The body prints 收入决算表 before 收入支出决算总表: one entry is out of the 目录's order (pages consistent with it).
        var swapped = Consistent.ToArray();
        swapped[1] = swapped[1] with { Contents = "一、收入支出决算总表……………4", Page = 6 };
        swapped[2] = swapped[2] with { Contents = "二、收入决算表…………………………2", Page = 4 };
        var order = Assert.Single(Found(With(swapped)));
        Assert.Equal("目录中「一、收入支出决算总表」排在「二、收入决算表」之前，正文中却在其后（第 6 页）。", order.Message);

        // A part moved to the end of the body: it is named against the entry it now follows.
        var moved = Consistent.ToArray();
        moved[1] = moved[1] with { Contents = "一、收入支出决算总表……………10", Page = 12 };
        var late = Assert.Single(Found(With(moved)));
        Assert.Equal("目录中「一、收入支出决算总表」排在「二、收入决算表」之前，正文中却在其后（第 12 页）。", late.Message);
    }

    [Fact]
    public void Near_misses_a_heading_with_the_department_before_it_a_remark_after_it_or_cut_by_its_line_and_a_short_contents()
    {
        var entries = Consistent.ToArray();
        entries[1] = entries[1] with { Heading = $"{Base.Department.Name}{Base.Year}年度收入支出决算总表" };
        entries[0] = entries[0] with { Heading = "第一部分 部门概况（仅有一个单位的部门，本部分内容" };
        entries[3] = entries[3] with { Heading = "第二部分 部门决算情况" };
        Assert.Empty(Found(With(entries)));

        // Two 目录 lines are not a 目录 to check (a heading taken for one).
        Assert.Empty(Found(With(Consistent.Take(2).Select(e => e with { Heading = "别的标题" }))));
    }
}
