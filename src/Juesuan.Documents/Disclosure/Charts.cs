using Juesuan.Domain.Reference;
using System.Globalization;
using System.Text;
using Juesuan.Domain.Model;
using Juesuan.Domain.Templates;
using ScottPlot;
using SkiaSharp;

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
/// The images are drawn on demand by ScottPlot: SVG for HTML, JPEG for PDF, PNG for DOCX. A drawing is kept for the
/// next chart of the same content and format (the workbench shows a report's charts on every view, and its HTML, DOCX
/// and PDF come from the same data), up to <see cref="KeptDrawings"/> of them in a process.
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

    /// <summary>How many drawings a process keeps; past it one is let go for each new one.</summary>
    public const int KeptDrawings = 128;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, object> Drawn = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether drawings are kept at all (on by default). Off, every chart is drawn anew: a batch of different reports, which
    /// never repeat a chart, measured as it runs.
    /// </summary>
    public static bool KeepDrawings { get; set; } = true;

    /// <summary>Lets go of every kept drawing (a benchmark of the first drawing).</summary>
    public static void ForgetDrawings() => Drawn.Clear();

    // A drawing depends on the chart's content alone (the fonts are the machine's, for the life of the process). The
    // arrays returned are shared: callers only read them.
    private T Kept<T>(string format, Func<T> draw)
        where T : class
    {
        if (!KeepDrawings)
        {
            return draw();
        }

        var key = string.Join('\u001f', [format, Kind.ToString(), Caption, Section, .. Data.Select(d => d.Label + "=" + d.Value.ToString(CultureInfo.InvariantCulture))]);
        if (Drawn.TryGetValue(key, out var known))
        {
            return (T)known;
        }

        var drawing = draw();
        if (Drawn.Count >= KeptDrawings && Drawn.Keys.FirstOrDefault() is { } kept)
        {
            Drawn.TryRemove(kept, out _);
        }

        Drawn[key] = drawing;
        return drawing;
    }

    /// <summary>The chart as SVG markup.</summary>
    public string Svg() => Kept("svg", DrawSvg);

    private string DrawSvg()
    {
        var plot = Draw();
        Settle(plot, Width, Height);
        using var stream = new MemoryStream();
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, Width, Height), stream))
        {
            plot.Render(canvas, Width, Height);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// The chart as a PNG image, drawn at twice the scale (text and lines included) for print. PNG's default
    /// compression (every row filter tried, zlib level 6) took most of the time; the "up" filter at level 3 is four
    /// times faster for a file about a quarter larger.
    /// </summary>
    public byte[] Png() => Kept("png", () => Raster(image =>
    {
        using var pixels = image.PeekPixels();
        return pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Up, zLibLevel: 3));
    }));

    /// <summary>
    /// The chart as a JPEG image (quality 92) at twice the scale, for printing to PDF: Chromium embeds a JPEG as it is,
    /// while it recompresses a PNG's pixels, which made a disclosure's PDF take a third longer.
    /// </summary>
    public byte[] Jpeg() => Kept("jpeg", () => Raster(image => image.Encode(SKEncodedImageFormat.Jpeg, 92)));

    private byte[] Raster(Func<SKImage, SKData?> encode)
    {
        const int scale = 2;
        var plot = Draw();
        plot.ScaleFactor = scale;
        Settle(plot, Width * scale, Height * scale);
        using var surface = SKSurface.Create(new SKImageInfo(Width * scale, Height * scale))
            ?? throw new InvalidOperationException("Skia could not create a raster surface for the chart.");
        plot.Render(surface.Canvas, Width * scale, Height * scale);
        using var image = surface.Snapshot();
        using var data = encode(image) ?? throw new InvalidOperationException("Skia could not encode the chart.");
        return data.ToArray();
    }

    // As ScottPlot's GetSvgXml does, a first render settles the layout (tick labels size the axes, which move the
    // ticks) so that the next one draws once; this one draws onto a canvas that draws nothing.
    private static void Settle(Plot plot, int width, int height)
    {
        using (var layout = new SKNoDrawCanvas(width, height))
        {
            plot.Render(layout, width, height);
        }

        plot.RenderManager.ClearCanvasBeforeEachRender = false;
    }

    private Plot Draw()
    {
        var plot = new Plot();
        var texts = new List<string>();
        ScottPlot.Plottables.BarPlot? barPlot = null;
        if (Kind == ChartKind.Bars)
        {
            var bars = Data.Select((d, i) => new Bar
            {
                Position = i + 1,
                Value = (double)d.Value,
                Label = Figures.Money(d.Value),
                FillColor = Palette[i % Palette.Length],
            }).ToArray();
            barPlot = plot.Add.Bars(bars);
            texts.AddRange(bars.Select(b => b.Label));
            texts.AddRange(Data.Select(d => d.Label));
            texts.Add("万元");
            plot.Axes.Bottom.SetTicks(Data.Select((_, i) => (double)(i + 1)).ToArray(), Data.Select(d => d.Label).ToArray());
            plot.Axes.Margins(bottom: 0, top: 0.15);
            plot.Axes.Left.Label.Text = "万元";

            // About six value ticks, as published charts have, rather than one every 50 px.
            if (plot.Axes.Left.TickGenerator is ScottPlot.TickGenerators.NumericAutomatic ticks)
            {
                ticks.TickDensity = 0.5;
            }

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
            texts.AddRange(slices.Select(s => s.LegendText));
            var pie = plot.Add.Pie(slices);
            pie.DonutFraction = 0.45;
            plot.Axes.Frameless();
            plot.HideGrid();

            // Small slices overlap when labelled on the pie: the legend carries names, amounts and shares.
            plot.ShowLegend(Edge.Right);
        }

        // Tick labels are ASCII digits, which every font carries.
        var font = ChartFont.NameFor(texts);
        plot.Font.Set(font);
        plot.Legend.FontName = font;
        barPlot?.ValueLabelStyle.FontName = font;
        plot.Legend.FontSize = 13;
        return plot;
    }

    /// <summary>The charts of a department-year that its data can draw (a chart needing the prior year is left out without one).</summary>
    public static IReadOnlyList<Chart> For(DepartmentYear year, ReferenceData? reference = null)
    {
        ArgumentNullException.ThrowIfNull(year);
        var figures = new Figures(year, reference);
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
            // One part alone is the whole: a single 100 % slice says nothing a sentence does not.
            var data = parts.Where(p => p.Item2 > 0m).ToArray();
            if (data.Length > 1)
            {
                charts.Add((caption, section, ChartKind.Pie, data));
            }
        }

        TwoYears("收、支决算总计变动情况", SectionKeys.Overview, figures.Cell(summary, "income.grandTotal", "amount"), new FactKey(Concepts.IncomeGrandTotal, Basis: Bases.Prior));
        Shares("收入决算结构", SectionKeys.Income, new (string Column, string Name)[] { ("fiscal", "财政拨款收入"), ("superior", "上级补助收入"), ("business", "事业收入"), ("operating", "经营收入"), ("affiliates", "附属单位上缴收入"), ("other", "其他收入") }
            .Select(p => (p.Name, figures.CellOrZero(TableIds.Income, total, p.Column))));
        Shares("支出决算结构", SectionKeys.Expenditure, new (string Column, string Name)[] { ("basic", "基本支出"), ("project", "项目支出"), ("paidToSuperior", "上缴上级支出"), ("operating", "经营支出"), ("subsidyToAffiliates", "对附属单位补助支出") }
            .Select(p => (p.Name, figures.CellOrZero(TableIds.Expenditure, total, p.Column))));
        TwoYears("财政拨款收、支决算总计变动情况", SectionKeys.Fiscal, figures.Cell(TableIds.FiscalSummary, "income.grandTotal", "amount"), new FactKey(Concepts.IncomeGrandTotal, Scope: Scopes.Fiscal, Basis: Bases.Prior));
        TwoYears("一般公共预算财政拨款支出决算变动情况", SectionKeys.Gpb, figures.Cell(TableIds.GpbExpenditure, total, "total"), new FactKey(Concepts.ExpenseTotal, Scope: Scopes.Gpb, Basis: Bases.Prior));
        Shares("一般公共预算财政拨款支出决算结构", SectionKeys.Gpb, figures.CodedRows(TableIds.GpbExpenditure, 3).Select(r => (figures.FunctionName(r.Key), figures.CellOrZero(TableIds.GpbExpenditure, r.Key, "total"))));
        var threePublic = year.Table(TableIds.ThreePublicMeetingTraining) is not null ? TableIds.ThreePublicMeetingTraining : TableIds.ThreePublic;
        Shares("“三公”经费财政拨款支出结构", SectionKeys.ThreePublic, new (string Column, string Name)[] { ("abroad", "因公出国（境）费"), ("vehiclePurchase", "公务用车购置费"), ("vehicleOperation", "公务用车运行维护费"), ("reception", "公务接待费") }
            .Select(p => (p.Name, figures.CellOrZero(threePublic, "actual", p.Column))));
        return charts.Select((c, i) => new Chart($"图{i + 1}：{c.Caption}", c.Section, c.Kind, c.Data)).ToArray();
    }
}
