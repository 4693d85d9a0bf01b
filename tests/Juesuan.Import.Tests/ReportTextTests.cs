using Juesuan.Import.Text;

namespace Juesuan.Import.Tests;

public class ReportTextTests
{
    [Theory]
    [InlineData("部⻔决算", "部门决算")]          // U+2ED4, CJK Radicals Supplement: NFKC leaves it alone
    [InlineData("⻘⽯县", "青石县")]               // U+2ED8 (supplement) and U+2F6F (Kangxi)
    [InlineData("⼀般公共预算", "一般公共预算")]   // U+2F00 Kangxi
    [InlineData("⻓期⻛险⻢上", "长期风险马上")]
    public void Radical_code_points_become_the_ideographs_they_stand_for(string extracted, string expected) =>
        Assert.Equal(expected, ReportText.Normalize(extracted));

    [Fact]
    public void Full_width_punctuation_is_kept() =>
        Assert.Equal("单位：万元（本级）", ReportText.Normalize("单位：万元（本级）"));
}
