using Juesuan.Documents.Disclosure;
using Juesuan.Domain.Model;
using Juesuan.Import.Json;
using Juesuan.TestSupport;

namespace Juesuan.Documents.Tests;

public class NarrativeWriterTests
{
    internal static DepartmentYear Example() => DepartmentYearJson.ReadFile(Paths.Example).Value!;

    [Fact]
    public void The_example_narrative_is_written_from_its_figures_word_for_word()
    {
        var year = Example();
        var generated = NarrativeWriter.Write(year);
        Assert.Empty(generated.Gaps);
        Assert.Equal(year.Narrative.Sections.Select(s => s.Number + s.Title), generated.Sections.Select(s => s.Number + s.Title));
        foreach (var (stated, written) in year.Narrative.Sections.Zip(generated.Sections))
        {
            Assert.Equal(stated.Text, written.Text);
        }
    }
}
