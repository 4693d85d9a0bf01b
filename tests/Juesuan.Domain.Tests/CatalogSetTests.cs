using System.Text;
using Juesuan.Domain.Catalogs;

namespace Juesuan.Domain.Tests;

public sealed class CatalogSetTests
{
    [Fact]
    public void A_code_dropped_with_one_successor_is_kept_under_the_successor_and_other_codes_under_themselves()
    {
        const string json = """
            { "catalog": "function", "editions": [2098, 2099], "title": "测试目录",
              "entries": [
                { "code": "299", "name": "其他支出" },
                { "code": "29901", "name": "旧款", "until": 2098, "replacedBy": ["29902"] },
                { "code": "29902", "name": "新款", "since": 2099 },
                { "code": "29903", "name": "拆分的款", "until": 2098, "replacedBy": ["29902", "29904"] }
              ] }
            """;
        var set = CatalogSet.Embedded.With(Catalog.LoadEditions(new MemoryStream(Encoding.UTF8.GetBytes(json))));
        Assert.Equal("29902", set.Canonical("29901"));
        Assert.Equal("29903", set.Canonical("29903"));
        Assert.Equal("29902", set.Canonical("29902"));
        Assert.Equal("total", set.Canonical("total"));
        Assert.Equal(2099, set.Function(2099).Edition);
        Assert.NotEqual(2099, CatalogSet.Embedded.Function(2099).Edition);
    }
}
