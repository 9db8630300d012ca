using Ingestion.Resolution;
using static Ingestion.Resolution.Tests.Mentions;

namespace Ingestion.Resolution.Tests;

public class SummaryTests
{
    [Fact]
    public void Named_attacker_and_specific_weapon_beat_generic_reports()
    {
        var view = IncidentSummary.Summarize([
            Make(kind: "explosion", attacker: "militia", source: "a"),
            Make(kind: "explosion", attacker: "militia", source: "b"),
            Make(kind: "missile_attack", attacker: "kataib_hezbollah", source: "c", claimedBy: "islamic_resistance_in_iraq",
                denials: ["kataib_hezbollah"]),
        ]);
        Assert.Equal("missile_attack", view.Kind);
        Assert.Equal("kataib_hezbollah", view.Attacker);
        Assert.Equal(["islamic_resistance_in_iraq"], view.ClaimedBy);
        Assert.Equal(["kataib_hezbollah"], view.Denials);
    }

    [Fact]
    public void Counts_distinct_outlets_articles_and_mentions()
    {
        var article = Guid.NewGuid();
        var view = IncidentSummary.Summarize([
            Make(source: "a", article: article, published: "2024-04-21"),
            Make(source: "A", published: "2024-04-23"),
            Make(source: "b", published: "2024-04-22"),
        ]);
        Assert.Equal((2, 3, 3), (view.SourceCount, view.ArticleCount, view.MentionCount));
        Assert.Equal((new DateOnly(2024, 4, 21), new DateOnly(2024, 4, 23)), (view.FirstSeen, view.LastSeen));
    }

    [Fact]
    public void Undated_incident_has_unknown_date_precision()
    {
        var view = IncidentSummary.Summarize([Make(date: null), Make(date: "2024-05-30", published: "2024-04-22")]);
        Assert.Null(view.Date);
        Assert.Equal("unknown", view.DatePrecision);
    }

    [Fact]
    public void Changes_name_what_a_reader_would_see_change()
    {
        var first = Make(place: Places.Anbar, source: "a", killed: 2);
        var before = IncidentSummary.Summarize([first]);
        Assert.Empty(IncidentSummary.Changes(before, IncidentSummary.Summarize([first])));

        var after = IncidentSummary.Summarize([first, Make(place: Places.AinAlAsad, source: "b", killed: 3, attacker: "kataib_hezbollah")]);
        Assert.Equal(["casualties", "place", "attribution", "corroboration"], IncidentSummary.Changes(before, after));

        var redated = IncidentSummary.Summarize([first with { Date = new DateOnly(2024, 4, 20), Kind = "explosion" }]);
        Assert.Equal(["kind", "date"], IncidentSummary.Changes(before, redated));
    }

    [Fact]
    public void Empty_incident_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => IncidentSummary.Summarize([]));
    }
}
