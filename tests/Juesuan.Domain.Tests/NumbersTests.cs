using Juesuan.Domain.Numbers;

namespace Juesuan.Domain.Tests;

public class NumbersTests
{
    private static Estimate SumOf(params string[] values) => Estimate.Sum(values.Select(v => Printed.Parse(v).Value.ToEstimate()));

    [Fact]
    public void A_printed_figure_stands_for_half_a_unit_either_side()
    {
        var printed = Printed.Parse("138.68").Value;
        Assert.Equal(new Interval(138.675m, 138.685m), printed.Interval);
        Assert.Equal(new Interval(44.5m, 45.5m), Printed.Parse("45").Value.Interval);
    }

    [Fact]
    public void Zhenan_basic_plus_project_against_its_total_is_rounding_not_an_error()
    {
        // zhenan-2023 table 03: 基本 160.72 + 项目 365.33 = 526.05 against 合计 526.04.
        var check = Consistency.Check(Printed.Parse("526.04").Value, SumOf("160.72", "365.33"));
        Assert.Equal(ConsistencyKind.ConsistentByRounding, check.Kind);
        Assert.Equal(-0.01m, check.Difference);
        Assert.Equal(0m, check.Gap);
    }

    [Fact]
    public void Zhenan_public_spending_items_summing_to_6_21_under_6_27_are_inconsistent()
    {
        var check = Consistency.Check(Printed.Parse("6.27").Value, SumOf("6.00", "0.21"));
        Assert.Equal(ConsistencyKind.Inconsistent, check.Kind);
        Assert.Equal(0.06m, check.Difference);
        Assert.Equal(0.045m, check.Gap); // [6.265, 6.275] against [6.20, 6.22]
    }

    [Fact]
    public void A_difference_of_0_07_over_eleven_items_is_an_error_and_0_05_is_not()
    {
        var items = Enumerable.Repeat("1.00", 11).ToArray();
        Assert.Equal(ConsistencyKind.Inconsistent, Consistency.Check(Printed.Parse("11.07").Value, SumOf(items)).Kind);
        Assert.Equal(ConsistencyKind.ConsistentByRounding, Consistency.Check(Printed.Parse("11.05").Value, SumOf(items)).Kind);
    }

    [Fact]
    public void A_difference_of_0_01_beyond_the_interval_is_an_error()
    {
        // Two items: sum interval [2.99, 3.01]; a total of 3.02 has interval [3.015, 3.025]: gap 0.005.
        var check = Consistency.Check(Printed.Parse("3.02").Value, SumOf("1.00", "2.00"));
        Assert.Equal(ConsistencyKind.Inconsistent, check.Kind);
        Assert.Equal(0.005m, check.Gap);
    }

    [Fact]
    public void Equal_figures_are_consistent()
    {
        Assert.Equal(ConsistencyKind.Consistent, Consistency.Check(Printed.Parse("3.00").Value, SumOf("1.00", "2.00")).Kind);
    }

    [Fact]
    public void Division_by_an_interval_that_contains_zero_has_no_result()
    {
        Assert.Null(Printed.Parse("1.00").Value.ToEstimate().DividedBy(Printed.Parse("0.00").Value.ToEstimate()));
        Assert.Null(new Interval(1, 2).DividedBy(new Interval(-0.001m, 0.004m)));
        Assert.Equal(new Interval(0.5m, 2m), new Interval(1, 2).DividedBy(new Interval(1, 2)));
    }

    [Fact]
    public void A_completion_rate_is_checked_on_its_propagated_interval()
    {
        // xigong 2022: 73.34% = 6.75 / 9.21 (printed "73.3 4%" across a line break).
        var rate = Printed.Parse("6.75").Value.ToEstimate().DividedBy(Printed.Parse("9.21").Value.ToEstimate())!.Value * 100m;
        Assert.True(Consistency.Check(Printed.Parse("73.34").Value, rate).Holds);
        Assert.False(Consistency.Check(Printed.Parse("73.44").Value, rate).Holds);
    }

    [Theory]
    [InlineData("1,234.50", 1234.50, 2)]
    [InlineData("１２.３", 12.3, 1)]
    [InlineData("-0.07", -0.07, 2)]
    [InlineData("100", 100, 0)]
    [InlineData(" 0.00 ", 0, 2)]
    public void Numbers_parse_as_printed(string text, double expected, int decimals)
    {
        var parsed = Printed.Parse(text);
        Assert.True(parsed.Success, parsed.Error);
        Assert.Equal((decimal)expected, parsed.Value.Value);
        Assert.Equal(decimals, parsed.Value.Decimals);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12.3x")]
    [InlineData("1.2.3")]
    [InlineData("--")]
    [InlineData("百")]
    public void Non_numbers_fail_with_a_message(string text)
    {
        var parsed = Printed.Parse(text);
        Assert.False(parsed.Success);
        Assert.False(string.IsNullOrEmpty(parsed.Error));
    }

    [Fact]
    public void An_amount_with_a_unit_suffix_keeps_that_unit()
    {
        var slip = Amount.Parse("154.78元", MoneyUnit.WanYuan).Value;
        Assert.Equal(MoneyUnit.Yuan, slip.Unit);
        Assert.Equal(MoneyUnit.WanYuan, Amount.Parse("153.78万元", MoneyUnit.Yuan).Value.Unit);
        Assert.Equal(MoneyUnit.WanYuan, Amount.Parse("6.27", MoneyUnit.WanYuan).Value.Unit);
        Assert.Equal("154.78元", slip.ToString());
    }

    [Fact]
    public void Converting_between_yuan_and_wan_yuan_keeps_the_interval_exact()
    {
        var yuan = new Amount(1234.56m, 2, MoneyUnit.Yuan);
        var wan = yuan.ConvertTo(MoneyUnit.WanYuan);
        Assert.Equal(0.123456m, wan.Value);
        Assert.Equal(6, wan.Decimals);
        Assert.Equal(yuan.In(MoneyUnit.WanYuan).Range, wan.Interval);
        Assert.Equal(yuan, wan.ConvertTo(MoneyUnit.Yuan));
    }

    [Fact]
    public void Rounding_is_half_up_not_bankers()
    {
        Assert.Equal(0.13m, Rounding.HalfUp(0.125m, 2));
        Assert.Equal(2.5m, Printed.Round(2.45m, 1).Value);
        Assert.Equal(-0.13m, Rounding.HalfUp(-0.125m, 2));
    }
}

public sealed class PrintedIntegerTests
{
    [Theory]
    [InlineData("99", 99)]
    [InlineData("９９", 99)]
    [InlineData(" 2024 ", 2024)]
    public void A_whole_number_is_read_in_ascii_or_full_width_digits(string text, int expected)
    {
        Assert.Equal(expected, Printed.Integer(text));
        // A part of a text reads as the text it is.
        Assert.Equal(expected, Printed.Integer(("年" + text + "年").AsSpan(1, text.Length)));
    }

    [Theory]
    [InlineData("99999999999")]
    [InlineData("")]
    [InlineData("1.5")]
    [InlineData("٣")]
    public void Anything_else_is_not_a_whole_number_and_never_throws(string text)
    {
        Assert.Null(Printed.Integer(text));
        Assert.Null(Printed.Integer(text.AsSpan()));
    }

    [Fact]
    public void Half_units_and_conversions_keep_the_digits_and_scale_of_the_arithmetic_they_replace()
    {
        // The table and the short cuts must give the very decimals (value and scale) the divisions gave: messages print them.
        for (var decimals = 0; decimals <= 20; decimals++)
        {
            var unit = 1m;
            for (var i = 0; i < decimals; i++)
            {
                unit /= 10m;
            }

            Assert.Equal(decimal.GetBits(unit / 2m), decimal.GetBits(Interval.HalfUnit(decimals)));
        }

        foreach (var (value, decimals) in new[] { (12.30m, 2), (-0.5m, 1), (1234567.891m, 3), (0m, 2), (7m, 0) })
        {
            foreach (var from in new[] { MoneyUnit.Yuan, MoneyUnit.WanYuan })
            {
                foreach (var to in new[] { MoneyUnit.Yuan, MoneyUnit.WanYuan })
                {
                    var amount = new Amount(value, decimals, from);
                    var factor = MoneyUnits.YuanPer(from) / MoneyUnits.YuanPer(to);
                    var converted = amount.In(to);
                    Assert.Equal(decimal.GetBits(amount.Value * factor), decimal.GetBits(converted.Value));
                    Assert.Equal(decimal.GetBits((amount.Interval * factor).Lo), decimal.GetBits(converted.Range.Lo));
                    Assert.Equal(decimal.GetBits((amount.Interval * factor).Hi), decimal.GetBits(converted.Range.Hi));
                }
            }
        }
    }
}
