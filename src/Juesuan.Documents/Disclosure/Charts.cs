using System.Globalization;
using Juesuan.Domain.Model;
using Juesuan.Domain.Templates;
using ScottPlot;

namespace Juesuan.Documents.Disclosure;

/// <summary>What a chart draws: two-year bars (变动情况) or shares of a whole (结构).</summary>
public enum ChartKind
{
    /// <summary>Prior year and this year side by side.</summary>
    Bars,

    /// <summary>Parts of a whole.</summary>
    Pie,
}

/// <summary>
/// A chart of the disclosure (图1–图7 as quxian-2022 prints them): its caption, the section it follows, and its data.
/// The images are drawn on demand by ScottPlot: SVG for HTML/PDF, PNG for DOCX.
/// </summary>
public sealed record Chart(string Caption, string Section, ChartKind Kind, IReadOnlyList<(string Label, decimal Value)> Data)
{
    /// <summary>The CJK font the charts use (Debian fonts-wqy-microhei).</summary>
    public const string FontName = "WenQuanYi Micro Hei";

    /// <summary>Width in pixels.</summary>
    public const int Width = 640;

    /// <summary>Height in pixels.</summary>
    public const int Height = 360;

    private static readonly Color[] Palette =
        [Color.FromHex("#2F5597"), Color.FromHex("#C55A11"), Color.FromHex("#548235"), Color.FromHex("#7F6000"), Color.FromHex("#7030A0"), Color.FromHex("#2E75B6"), Color.FromHex("#BF9000"), Color.FromHex("#A5A5A5")];

    /// <summary>The chart as SVG markup.</summary>
    public string Svg()
    {
        var plot = Draw();
        return plot.GetSvgXml(Width, Height);
    }

    /// <summary>The chart as a PNG image.</summary>
    public byte[] Png()
    {
        // Drawn at twice the scale (text and lines included) for print.
        var plot = Draw();
        plot.ScaleFactor = 2;
        return plot.GetImage(Width * 2, Height * 2).GetImageBytes(ImageFormat.Png);
    }

    private Plot Draw()
    {
        var plot = new Plot();
        if (Kind == ChartKind.Bars)
        {
            var bars = Data.Select((d, i) => new Bar
            {
                Position = i + 1,
                Value = (double)d.Value,
                Label = Figures.Money(d.Value),
                FillColor = Palette[i % Palette.Length],
            }).ToArray();
            plot.Add.Bars(bars);
            plot.Axes.Bottom.SetTicks(Data.Select((_, i) => (double)(i + 1)).ToArray(), Data.Select(d => d.Label).ToArray());
            plot.Axes.Margins(bottom: 0, top: 0.15);
            plot.Axes.Left.Label.Text = "万元";
            plot.HideGrid();
        }
        else
        {
            var total = Data.Sum(d => d.Value);
            var slices = Data.Select((d, i) => new PieSlice
            {
                Value = (double)d.Value,
                FillColor = Palette[i % Palette.Length],
                LegendText = $"{d.Label} {Figures.Money(d.Value)}万元（{Figures.Percent(d.Value, total) ?? "0.00"}%）",
            }).ToList();
            var pie = plot.Add.Pie(slices);
            pie.DonutFraction = 0.45;
            plot.Axes.Frameless();
            plot.HideGrid();

            // Small slices overlap when labelled on the pie: the legend carries names, amounts and shares.
            plot.ShowLegend(Edge.Right);
        }

        plot.Font.Set(FontName);
        plot.Legend.FontName = FontName;
        plot.Legend.FontSize = 13;
        return plot;
    }

    /// <summary>The charts of a department-year that its data can draw (a chart needing the prior year is left out without one).</summary>
    public static IReadOnlyList<Chart> For(DepartmentYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        var figures = new Figures(year);
        var y = year.Year.ToString(CultureInfo.InvariantCulture);
        var py = (year.Year - 1).ToString(CultureInfo.InvariantCulture);
        var charts = new List<(string Caption, string Section, ChartKind Kind, (string, decimal)[] Data)>();
        const string summary = TableIds.IncomeExpenditureSummary;
        const string total = FactIndex.TotalRowKey;

        void TwoYears(string caption, string section, decimal? current, FactKey priorKey)
        {
            if (current is { } now && figures.Reference(priorKey) is { } prior)
            {
                charts.Add((caption, section, ChartKind.Bars, [(py + "年度", prior), (y + "年度", now)]));
            }
        }

        void Shares(string caption, string section, IEnumerable<(string, decimal)> parts)
        {
            var data = parts.Where(p => p.Item2 > 0m).ToArray();
            if (data.Length > 0)
            {
                charts.Add((caption, section, ChartKind.Pie, data));
            }
        }

        TwoYears("收、支决算总计变动情况", "overview", figures.Cell(summary, "income.grandTotal", "amount"), new FactKey(Concepts.IncomeGrandTotal, Basis: Bases.Prior));
        Shares("收入决算结构", "income", new (string Column, string Name)[] { ("fiscal", "财政拨款收入"), ("superior", "上级补助收入"), ("business", "事业收入"), ("operating", "经营收入"), ("affiliates", "附属单位上缴收入"), ("other", "其他收入") }
            .Select(p => (p.Name, figures.CellOrZero(TableIds.Income, total, p.Column))));
        Shares("支出决算结构", "expenditure", new (string Column, string Name)[] { ("basic", "基本支出"), ("project", "项目支出"), ("paidToSuperior", "上缴上级支出"), ("operating", "经营支出"), ("subsidyToAffiliates", "对附属单位补助支出") }
            .Select(p => (p.Name, figures.CellOrZero(TableIds.Expenditure, total, p.Column))));
        TwoYears("财政拨款收、支决算总计变动情况", "fiscal", figures.Cell(TableIds.FiscalSummary, "income.grandTotal", "amount"), new FactKey(Concepts.IncomeGrandTotal, Scope: Scopes.Fiscal, Basis: Bases.Prior));
        TwoYears("一般公共预算财政拨款支出决算变动情况", "gpb", figures.Cell(TableIds.GpbExpenditure, total, "total"), new FactKey(Concepts.ExpenseTotal, Scope: Scopes.Gpb, Basis: Bases.Prior));
        Shares("一般公共预算财政拨款支出决算结构", "gpb", figures.CodedRows(TableIds.GpbExpenditure, 3).Select(r => (figures.FunctionName(r.Key), figures.CellOrZero(TableIds.GpbExpenditure, r.Key, "total"))));
        var threePublic = year.Table(TableIds.ThreePublicMeetingTraining) is not null ? TableIds.ThreePublicMeetingTraining : TableIds.ThreePublic;
        Shares("“三公”经费财政拨款支出结构", "threePublic", new (string Column, string Name)[] { ("abroad", "因公出国（境）费"), ("vehiclePurchase", "公务用车购置费"), ("vehicleOperation", "公务用车运行维护费"), ("reception", "公务接待费") }
            .Select(p => (p.Name, figures.CellOrZero(threePublic, "actual", p.Column))));
        return charts.Select((c, i) => new Chart($"图{i + 1}：{c.Caption}", c.Section, c.Kind, c.Data)).ToArray();
    }
}
