using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Juesuan.Domain.Numbers;

namespace Juesuan.Formats.Excel;

/// <summary>
/// The cell styles of the 填报模板: 宋体 11, bold headers, thin borders round the table, amounts as <c>0.00</c> and open
/// to typing on a protected sheet. The indexes are the <c>cellXfs</c> order of <see cref="Sheet"/>.
/// </summary>
internal static class Styles
{
    /// <summary>No style.</summary>
    public const uint Plain = 0;

    /// <summary>A column heading: bold, bordered, centred and wrapped.</summary>
    public const uint Header = 1;

    /// <summary>A code, name or 行次 of the table: bordered, locked.</summary>
    public const uint Label = 2;

    /// <summary>An amount: bordered, <c>0.00</c>, unlocked.</summary>
    public const uint Amount = 3;

    /// <summary>A caption (标题, 单位 …): bold.</summary>
    public const uint Bold = 4;

    /// <summary>A cell a clerk types words into on a protected sheet (an added code or name): bordered, unlocked.</summary>
    public const uint Input = 5;

    /// <summary>A key the program reads and the clerk need not see: bordered, locked, its text shown as nothing (「;;;」).</summary>
    public const uint HiddenKey = 6;

    /// <summary>A total computed by a formula: bold, bordered, <c>0.00</c>, locked.</summary>
    public const uint Total = 7;

    /// <summary>An amount printed with one decimal (「157.1」): as <see cref="Amount"/>, <c>0.0</c>.</summary>
    public const uint AmountOneDecimal = 8;

    /// <summary>An amount printed whole (「26」): as <see cref="Amount"/>, <c>0</c>.</summary>
    public const uint AmountWhole = 9;

    /// <summary>A long text to read and type in: bordered, wrapped, open to typing, kept as typed (「@」: 287.00 stays 287.00).</summary>
    public const uint Text = 10;

    /// <summary>An amount printed with thousands separators (「2,940.05」): <c>#,##0.00</c>, and its one- and no-decimal kin.</summary>
    public const uint AmountGrouped = 11;

    /// <summary>As <see cref="AmountGrouped"/>, <c>#,##0.0</c>.</summary>
    public const uint AmountGroupedOneDecimal = 12;

    /// <summary>As <see cref="AmountGrouped"/>, <c>#,##0</c>.</summary>
    public const uint AmountGroupedWhole = 13;

    /// <summary>The 「#,##0.0」 number format's id (#,##0 and #,##0.00 are built in: 3 and 4).</summary>
    public const uint GroupedOneDecimal = 167;

    /// <summary>The style of an amount printed with thousands separators, by its places.</summary>
    public static uint GroupedAmountOf(Printed printed) => printed.Decimals switch
    {
        0 => AmountGroupedWhole,
        1 => AmountGroupedOneDecimal,
        _ => AmountGrouped,
    };

    /// <summary>The 「0.0」 number format's id.</summary>
    public const uint OneDecimal = 166;

    /// <summary>
    /// The style of an amount cell: its printed places kept by its number format (a figure a report printed 157.1 stays
    /// 157.1 when Excel saves the file again; a blank cell is for 0.00).
    /// </summary>
    public static uint AmountOf(Printed? printed) => printed?.Decimals switch
    {
        0 => AmountWhole,
        1 => AmountOneDecimal,
        null or 2 => Amount,
        _ => Input, // more places than a 0.00 cell shows: kept as stored
    };

    /// <summary>The places each cell style prints a number to, by style index (only styles with 0, 0.0 or 0.00 formats).</summary>
    public static IReadOnlyDictionary<uint, int> DecimalsByStyle(Stylesheet? sheet) => Formats(sheet).Places;

    /// <summary>The styles whose number format groups thousands (「#,##0.00」), by style index.</summary>
    public static IReadOnlySet<uint> GroupedStyles(Stylesheet? sheet) => Formats(sheet).Grouped;

    private static (Dictionary<uint, int> Places, HashSet<uint> Grouped) Formats(Stylesheet? sheet)
    {
        var formats = sheet?.NumberingFormats?.Elements<NumberingFormat>().Where(f => f.NumberFormatId is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value) ?? [];
        var places = new Dictionary<uint, int>();
        var grouped = new HashSet<uint>();
        var index = 0U;
        foreach (var format in sheet?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            var code = format.NumberFormatId?.Value is { } id ? (formats.GetValueOrDefault(id) ?? (id switch { 1 => "0", 2 => "0.00", 3 => "#,##0", 4 => "#,##0.00", _ => null })) : null;
            var plain = code?.Replace("#,##", string.Empty, StringComparison.Ordinal);
            if (plain is "0" or "0.0" or "0.00" or "0.000")
            {
                places[index] = plain.Length == 1 ? 0 : plain.Length - 2;
                if (plain != code)
                {
                    grouped.Add(index);
                }
            }

            index++;
        }

        return (places, grouped);
    }

    /// <summary>The 「0.00」 number format's id (custom formats start at 164).</summary>
    public const uint TwoDecimals = 164;

    /// <summary>The 「;;;」 number format's id: every value, text included, shown as nothing.</summary>
    public const uint Nothing = 165;

    public static Stylesheet Sheet()
    {
        static Font Font(bool bold) => bold
            ? new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "宋体" }, new FontFamilyNumbering { Val = 3 }, new FontCharSet { Val = 134 })
            : new Font(new FontSize { Val = 11 }, new FontName { Val = "宋体" }, new FontFamilyNumbering { Val = 3 }, new FontCharSet { Val = 134 });
        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        CellFormat Format(uint font, uint border, uint numberFormat = 0, bool locked = true, bool wrap = false, bool center = false)
        {
            var format = new CellFormat { FontId = font, FillId = 0, BorderId = border, NumberFormatId = numberFormat, FormatId = 0, ApplyFont = font > 0, ApplyBorder = border > 0, ApplyNumberFormat = numberFormat > 0 };
            if (wrap || center)
            {
                format.Append(new Alignment { WrapText = wrap, Horizontal = center ? HorizontalAlignmentValues.Center : null, Vertical = VerticalAlignmentValues.Center });
                format.ApplyAlignment = true;
            }

            if (!locked)
            {
                format.Append(new Protection { Locked = false });
                format.ApplyProtection = true;
            }

            return format;
        }

        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = TwoDecimals, FormatCode = "0.00" }, new NumberingFormat { NumberFormatId = Nothing, FormatCode = ";;;" },
                new NumberingFormat { NumberFormatId = OneDecimal, FormatCode = "0.0" }, new NumberingFormat { NumberFormatId = GroupedOneDecimal, FormatCode = "#,##0.0" }) { Count = 4 },
            new Fonts(Font(false), Font(true)) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin) { Count = 2 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                Format(0, 0),
                Format(1, 1, wrap: true, center: true),
                Format(0, 1),
                Format(0, 1, TwoDecimals, locked: false),
                Format(1, 0),
                Format(0, 1, locked: false),
                Format(0, 1, Nothing),
                Format(1, 1, TwoDecimals),
                Format(0, 1, OneDecimal, locked: false),
                Format(0, 1, 1, locked: false),
                Format(0, 1, 49, locked: false, wrap: true),
                Format(0, 1, 4, locked: false),
                Format(0, 1, GroupedOneDecimal, locked: false),
                Format(0, 1, 3, locked: false)) { Count = 14 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }
}
