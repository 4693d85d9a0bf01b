using Juesuan.Domain.Model;
using static Juesuan.Audit.Tests.Mutations;

namespace Juesuan.Audit.Tests;

/// <summary>D.*: years, names and placeholders printed outside the figures — a consistent case, a defect, a near miss.</summary>
public sealed class LabelRuleTests
{
    // The reader gives a table header's unit name (ReportText.UnitName, tested with the reader); here the same words by hand.
    private static DepartmentYear With(params (LabelKind Kind, string Text)[] labels) => Base with
    {
        Labels = labels.Select((l, i) => new PrintedLabel
        {
            Kind = l.Kind, Text = l.Text, Source = new SourceLocation { File = "a.txt", Line = i + 1 },
            Name = l.Kind == LabelKind.TableHeader && l.Text.IndexOf('：') is var colon and >= 0
                ? System.Text.RegularExpressions.Regex.Match(l.Text[(colon + 1)..].TrimStart(), @"^[^\s：]*?(?=20\d\d|单位：|\s|$)").Value
                : null,
        }).ToArray(),
    };

    private static IReadOnlyList<Finding> Found(DepartmentYear year, string rule) => year.Audit().Findings.Where(f => f.Rule == rule).ToArray();

    [Fact]
    public void A_heading_naming_another_year_is_an_error_at_its_line()
    {
        var year = Base.Year;
        Assert.Empty(Found(With((LabelKind.Heading, $"第二部分 {year} 年度部门决算情况说明"), (LabelKind.Cover, $"{year + 1}年8月")), "D.YEAR"));
        // The next year without a month on the cover is no publication date; two wrong years in one label are two findings.
        Assert.Single(Found(With((LabelKind.Cover, $"{year + 1}年度部门决算")), "D.YEAR"));
        Assert.Equal(2, Found(With((LabelKind.Heading, $"{year - 2}年度与{year + 2}年度部门决算")), "D.YEAR").Count);
        var wrong = Assert.Single(Found(With((LabelKind.Heading, $"第二部分 {year} 年度部门决算情况说明"), (LabelKind.Contents, $"第三部分 {year - 1} 年度部门决算表……12")), "D.YEAR"));
        Assert.Contains("第2行", wrong.Location, StringComparison.Ordinal);
        Assert.Equal(Severity.Error, wrong.Severity);
    }

    [Fact]
    public void A_dated_sentence_is_checked_for_its_date_only_and_a_header_name_stops_at_the_next_label()
    {
        Assert.Empty(Found(With((LabelKind.Date, $"截至{Base.Year}年末，共有车辆3辆，较{Base.Year - 1}年减少1辆")), "D.YEAR"));
        Assert.Empty(Found(With((LabelKind.TableHeader, $"部门名称：{Base.Department.Name}{Base.Year}年度 单位：万元")), "D.NAME"));
        Assert.Empty(Found(With((LabelKind.TableHeader, "单位名称：  单位：万元")), "D.NAME"));
        Assert.Single(Found(With((LabelKind.TableHeader, "单位名称：  单位：万元")), "D.PLACEHOLDER"));
    }

    [Fact]
    public void The_prior_year_where_a_prior_year_is_meant_is_not_a_wrong_year()
    {
        Assert.Empty(Found(With((LabelKind.Heading, $"（二）与{Base.Year - 1}年度相比增减情况")), "D.YEAR"));
        Assert.Single(Found(With((LabelKind.Date, $"截至{Base.Year - 1}年12月31日，本部门共有车辆2辆")), "D.YEAR"));
    }

    [Theory]
    [InlineData("20 年度部门决算")]
    [InlineData("2O24年度部门决算")]
    public void A_truncated_or_garbled_year_is_an_error(string title) =>
        Assert.Single(Found(With((LabelKind.Cover, title)), "D.YEAR"));

    [Fact]
    public void A_table_header_with_another_unit_name_is_an_error_and_a_unit_of_the_department_is_not()
    {
        var name = Base.Department.Name;
        Assert.Empty(Found(With((LabelKind.TableHeader, $"编制单位：{name}"), (LabelKind.TableHeader, $"编制单位：{Base.Units[0].Name}")), "D.NAME"));
        var wrong = Assert.Single(Found(With((LabelKind.TableHeader, $"编制单位：{name}"), (LabelKind.TableHeader, $"编制单位：{name[2..]}")), "D.NAME"));
        Assert.Equal(name[2..], wrong.Actual);

        // A unit the 单位构成 only lists (no tables of its own) does not make the department's table headed with its name right.
        var listed = With((LabelKind.TableHeader, $"编制单位：{name}"), (LabelKind.TableHeader, $"编制单位：{Base.Units[1].Name}")) is var y
            ? y with { Units = [.. y.Units.Select(u => u with { Tables = [] })] } : null;
        Assert.Equal(Base.Units[1].Name, Assert.Single(Found(listed!, "D.NAME")).Actual);
    }

    [Fact]
    public void Placeholders_and_an_empty_unit_name_are_errors_and_a_word_with_one_x_is_not()
    {
        Assert.Single(Found(With((LabelKind.Cover, "上海市XX局")), "D.PLACEHOLDER"));
        Assert.Empty(Found(With((LabelKind.TableHeader, "项目 XML 接口费")), "D.PLACEHOLDER"));
        var empty = Assert.Single(Found(With((LabelKind.TableHeader, "单位名称："), (LabelKind.TableHeader, "单位名称：")), "D.PLACEHOLDER"));
        Assert.Contains("2 张表", empty.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_named_for_another_year_or_organisation_is_a_warning_and_an_abbreviation_is_not()
    {
        var year = Base with { Department = Base.Department with { Name = "上海市普陀区医疗保障局" }, Year = 2024 };
        IReadOnlyList<Finding> Named(string file) => Found(year with { Sources = [file] }, "D.FILE_NAME");

        // Consistent: the bureau's abbreviation and the year; near misses: another year beside the report's, a unit's
        // name, a name in pinyin.
        Assert.Empty(Named("区医保局2024年度部门决算.pdf"));
        Assert.Empty(Named("2024年度部门决算区医保局.pdf"));
        Assert.Empty(Named("2025年公开：2024年度决算（医保局）.pdf"));
        Assert.Empty(Named("/tmp/上传/putuo-2024-final-accounts.pdf"));
        Assert.Empty(Found(year with { Sources = ["医疗保险事业管理中心2024.pdf"], Units = [new OrgUnit { Name = "上海市普陀区医疗保险事业管理中心" }] }, "D.FILE_NAME"));

        // Defects: another year, another organisation (names that contain each other do not excuse it).
        var found = Named("区民政局2023年决算.pdf");
        Assert.Equal(2, found.Count);
        Assert.All(found, f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.Contains(found, f => f.Message == "文件名「区民政局2023年决算.pdf」中的年度（2023）与报告内容的年度（2024）不符。");
        Assert.Contains(found, f => f.Message == "文件名「区民政局2023年决算.pdf」写的是「区民政局」，报告内容是「上海市普陀区医疗保障局」的。");
        Assert.Single(Named("镇安县医疗保障局2024.pdf"));
    }
}

