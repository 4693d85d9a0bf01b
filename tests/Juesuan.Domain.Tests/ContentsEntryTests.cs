using Juesuan.Domain.Model;

namespace Juesuan.Domain.Tests;

/// <summary>A 目录 line as its title and page number, and the words a title is compared by.</summary>
public sealed class ContentsEntryTests
{
    [Theory]
    [InlineData("第一部分 部门概况…………………………………………………………...1", "第一部分部门概况", 1)]
    [InlineData("五、一般公共预算财政拨款支出决算情况说明…………......5", "五、一般公共预算财政拨款支出决算情况说明", 5)]
    [InlineData("第四部分 附件……………………………......................................", "第四部分附件", null)]
    [InlineData("二、2023年度部门决算报表", "二、2023年度部门决算报表", null)]
    [InlineData("十三、财政拨款“三公”经费支出决算表  12", "十三、财政拨款“三公”经费支出决算表", 12)]
    [InlineData("第一部分　单位概况", "第一部分单位概况", null)]
    [InlineData("一、主要职能 3", "一、主要职能", 3)]
    [InlineData("附表 1", "附表1", null)]
    [InlineData("附件 2", "附件2", null)]
    [InlineData("一．部门概况……５", "一.部门概况", 5)]
    public void A_line_is_split_into_title_and_page(string line, string title, int? page) =>
        Assert.Equal(new ContentsEntry(title, page), ContentsEntry.Parse(line));

    [Theory]
    [InlineData("表1：高等学校收支决算总表", "高等学校收支决算总表", "表1:")]
    [InlineData("七、财政拨款“三公”经费支出决算表", "财政拨款三公经费支出决算表", "七、")]
    [InlineData("（二）人员经费", "人员经费", "(二)")]
    [InlineData("第三部分2023年度部门决算表", "2023年度部门决算表", "第三部分")]
    [InlineData("2023年度部门决算表", "2023年度部门决算表", "")]
    [InlineData("一．部门概况", "部门概况", "一.")]
    public void A_title_is_compared_without_its_numbering_and_quotes(string title, string words, string numbering)
    {
        Assert.Equal(words, ContentsEntry.Words(title));
        Assert.Equal(numbering, ContentsEntry.Numbering(title));
    }

    // Full-width letters, digits and punctuation, the ideographic space, other white space, and characters that stay.
    private const string Alphabet = "一．５Ａａ！～\uFF00\uFF5F　 \t\n部门、（）“”";

    [Fact]
    public void Folding_and_compacting_give_what_folding_each_character_gives()
    {
        var random = new Random(5);
        for (var n = 0; n < 5000; n++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 10)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
            Assert.Equal(string.Concat(text.Select(ContentsEntry.Fold)), ContentsEntry.Compacted(text, dropWhiteSpace: false));
            Assert.Equal(string.Concat(text.Where(c => !char.IsWhiteSpace(c)).Select(ContentsEntry.Fold)), ContentsEntry.Compacted(text, dropWhiteSpace: true));
        }
    }
}
