using System.Collections.ObjectModel;
using System.Text;

namespace Juesuan.Audit.Tests;

/// <summary>
/// Every finding's message is its template with the arguments filled in. The renderer writes on the stack and looks names
/// up without making them; it must give what filling the template name by name gives, for any dictionary, any length.
/// </summary>
public class MessageTemplateTests
{
    private static readonly Dictionary<string, string> Arguments = new()
    {
        ["relation"] = "款 = 所属各项之和", ["total"] = "21011 行政事业单位医疗 本年支出合计", ["actual"] = "306.53", ["empty"] = string.Empty,
        ["long"] = new string('长', 700),
    };

    [Theory]
    [InlineData("{relation}：{total} {actual}，相差 {difference}。")]
    [InlineData("")]
    [InlineData("没有名字")]
    [InlineData("{empty}{actual}{empty}")]
    [InlineData("未闭合 {actual")]
    [InlineData("嵌套 {a{actual}} 与 {} 与 }{")]
    [InlineData("{long}：{long}")]
    public void A_template_is_filled_as_name_by_name_filling_fills_it(string template)
    {
        Assert.Equal(Oracle(template, Arguments), MessageTemplate.Render(template, Arguments));
        // Any other dictionary (no lookup by span) alike.
        Assert.Equal(Oracle(template, Arguments), MessageTemplate.Render(template, new ReadOnlyDictionary<string, string>(Arguments)));
        Assert.Equal(Oracle(template, Arguments), MessageTemplate.Render(template, new SortedDictionary<string, string>(Arguments)));
    }

    // How messages were filled before: a builder, and each name cut out of the template.
    private static string Oracle(string template, IReadOnlyDictionary<string, string> arguments)
    {
        var sb = new StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (open < 0 || close < 0)
            {
                sb.Append(template, i, template.Length - i);
                break;
            }

            sb.Append(template, i, open - i);
            var name = template[(open + 1)..close];
            sb.Append(arguments.TryGetValue(name, out var value) ? value : template[open..(close + 1)]);
            i = close + 1;
        }

        return sb.ToString();
    }
}
