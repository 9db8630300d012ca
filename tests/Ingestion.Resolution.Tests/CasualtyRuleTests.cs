using Ingestion.Resolution;
using static Ingestion.Resolution.Tests.Mentions;

namespace Ingestion.Resolution.Tests;

public class CasualtyRuleTests
{
    [Fact]
    public void Shown_figure_is_the_one_most_outlets_report()
    {
        var view = IncidentSummary.Summarize([
            Make(killed: 2, source: "a", published: "2024-04-21"),
            Make(killed: 2, source: "b", published: "2024-04-21"),
            Make(killed: 3, source: "c", published: "2024-04-22"),
        ]);
        Assert.Equal(2, view.Killed);
        Assert.Equal(new CasualtyRange(2, 3), view.KilledRange);
    }

    [Fact]
    public void Tie_between_figures_goes_to_the_most_recent_report()
    {
        // «قتيلان» on Monday, «ثلاثة قتلى» on Tuesday: the toll was revised upwards.
        var view = IncidentSummary.Summarize([
            Make(killed: 3, source: "b", published: "2024-04-23"),
            Make(killed: 2, source: "a", published: "2024-04-22"),
        ]);
        Assert.Equal(3, view.Killed);
        Assert.Equal(new CasualtyRange(2, 3), view.KilledRange);
    }

    [Fact]
    public void An_outlet_that_revises_its_figure_counts_once_with_its_latest()
    {
        var view = IncidentSummary.Summarize([
            Make(killed: 1, source: "a", published: "2024-04-21"),
            Make(killed: 1, source: "a", published: "2024-04-21"),
            Make(killed: 4, source: "a", published: "2024-04-23"),
            Make(killed: 1, source: "b", published: "2024-04-21"),
        ]);
        // Source a now says 4, b says 1: a tie, and a's report is the more recent.
        Assert.Equal(4, view.Killed);
        Assert.Equal(new CasualtyRange(1, 4), view.KilledRange);
        Assert.Equal([new SourceCasualties("a", 4, null, new DateOnly(2024, 4, 23)), new SourceCasualties("b", 1, null, new DateOnly(2024, 4, 21))],
            view.Casualties);
    }

    [Fact]
    public void No_figure_stays_null_and_zero_is_a_figure()
    {
        var none = IncidentSummary.Summarize([Make(source: "a"), Make(source: "b")]);
        Assert.Null(none.Killed);
        Assert.Null(none.KilledRange);
        var zero = IncidentSummary.Summarize([Make(killed: 0, wounded: 0, source: "a"), Make(source: "b")]);
        Assert.Equal(0, zero.Killed);
        Assert.Equal(new CasualtyRange(0, 0), zero.WoundedRange);
    }
}
