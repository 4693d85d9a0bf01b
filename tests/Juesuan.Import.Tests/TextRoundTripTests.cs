using Juesuan.Formats;
using Juesuan.Formats.Text;
using Juesuan.Audit;
using Juesuan.Domain.Model;
using Juesuan.Formats.Json;
using Juesuan.Import.Text;
using Juesuan.TestSupport;

namespace Juesuan.Import.Tests;

/// <summary>A department-year written as report text and read back is equal: the tables cell by cell, the narrative's claims.</summary>
public class TextRoundTripTests
{
    private static DepartmentYear Example => DepartmentYearJson.ReadFile(Paths.Example).Value!;

    private static ImportResult RoundTrip(DepartmentYear year) => TextReportReader.Read(TextReportWriter.Write(year), "roundtrip.txt");

    [Fact]
    public void The_example_written_as_text_reads_back_with_the_same_tables()
    {
        var original = Example;
        var result = RoundTrip(original);
        Assert.True(result.Success, result.Error);
        var imported = result.Value!;
        Assert.Equal(original.Department.Name, imported.Department.Name);
        Assert.Equal(original.Year, imported.Year);
        Assert.Equal(original.TemplateId, imported.TemplateId);
        Assert.Equal(original.Tables.Select(t => t.Definition), imported.Tables.Select(t => t.Definition));
        foreach (var table in original.Tables)
        {
            var back = imported.Table(table.Definition)!;
            Assert.Equal(table.EmptyStatement, back.EmptyStatement);
            foreach (var row in table.Rows)
            {
                foreach (var cell in row.Cells)
                {
                    var read = back.Row(row.Key)?.Cell(cell.Column)?.Value;
                    Assert.True(read == cell.Value, $"{table.Definition} {row.Key} {cell.Column}: wrote {cell.Value}, read {read?.ToString() ?? "nothing"}");
                }
            }

            Assert.Equal(table.Rows.Count(r => r.Cells.Count > 0), back.Rows.Count(r => r.Cells.Count > 0));
        }
    }

    [Fact]
    public void The_example_narrative_written_as_text_yields_the_same_claims()
    {
        var original = Example;
        var imported = RoundTrip(original).Value!;
        Assert.Equal(original.Narrative.Sections.Select(s => s.Key), imported.Narrative.Sections.Select(s => s.Key));
        // Statements the clause grammar reads in the narrative's own words (「stated:…」) have no counterpart in the data;
        // every other is a claim of the data or a cell of its tables (「公务用车购置费支出决算 0.00 万元」 is table 09's).
        var facts = FactIndex.Build(original);
        foreach (var claim in imported.Narrative.Claims.Where(c => Concepts.StatedSubject(c.Subject.Concept) is null))
        {
            Assert.True(original.Narrative.Claims.Any(c => c.Subject == claim.Subject && c.Amount == claim.Amount)
                || (claim.Amount is { } amount && facts.Find(claim.Subject).Any(f => f.Origin == AssertionOrigin.Table && f.Amount.Value == amount.Value))
                // 会议费 and 培训费, which the example states as details (its table 09 has no such columns).
                || (claim.Subject.Concept switch { "meeting" => original.ThreePublic?.Meeting, "training" => original.ThreePublic?.Training, _ => null }) is { } detail && detail.Value == claim.Amount?.Value,
                $"{claim.Subject} {claim.Amount} {claim.Sentence}");
        }

        // Every 项 paragraph and every total is read back with its budget and rate.
        var items = imported.Narrative.Claims.Where(c => c.Subject.Code is { Length: 7 }).ToArray();
        Assert.Equal(11, items.Length);
        Assert.All(items, c => Assert.NotNull(c.CompletionPercent));
        Assert.True(imported.Narrative.Claims.Count >= 25, $"only {imported.Narrative.Claims.Count} claims read back");
    }

    [Fact]
    public void The_example_read_back_from_text_audits_clean()
    {
        var report = Auditor.Audit(RoundTrip(Example).Value!);
        var serious = report.Findings.Where(f => f.Severity != Severity.Info).ToArray();
        Assert.True(serious.Length == 0, string.Join("\n", serious.Select(f => $"{f.Rule} {f.Message}")));
    }
}
