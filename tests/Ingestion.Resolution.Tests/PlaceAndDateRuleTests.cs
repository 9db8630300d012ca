using Ingestion.Resolution;
using static Ingestion.Resolution.Tests.Mentions;

namespace Ingestion.Resolution.Tests;

public class PlaceAndDateRuleTests
{
    private readonly IncidentResolver _r = new();

    [Fact]
    public void Site_inside_its_province_is_the_same_place()
    {
        Assert.True(_r.SameIncident(Make(place: Places.AinAlAsad), Make(place: Places.Anbar)));
    }

    [Fact]
    public void Two_identified_sites_16_km_apart_are_different_places()
    {
        Assert.False(_r.SameIncident(Make(place: Places.UsEmbassyBaghdad), Make(place: Places.BaghdadAirport)));
        Assert.True(_r.SameIncident(Make(place: Places.UsEmbassyBaghdad), Make(place: Places.Baghdad)));
    }

    [Fact]
    public void Distance_allowed_depends_on_the_coarser_precision()
    {
        // Points 30 km apart: too far for two sites, close enough when one is only known to the city.
        var site = new MentionPlace(null, "a", "IQ", 33.0, 44.0, "site");
        var site30Km = new MentionPlace(null, "b", "IQ", 33.27, 44.0, "site");
        var city30Km = site30Km with { Precision = "city" };
        Assert.False(_r.SameIncident(Make(place: site), Make(place: site30Km)));
        Assert.True(_r.SameIncident(Make(place: site), Make(place: city30Km)));
    }

    [Fact]
    public void Country_level_place_matches_anywhere_in_that_country_only()
    {
        Assert.True(_r.SameIncident(Make(place: Places.Iraq), Make(place: Places.Erbil)));
        Assert.False(_r.SameIncident(Make(place: Places.Syria), Make(place: Places.Erbil)));
    }

    [Fact]
    public void Unknown_place_matches_nothing()
    {
        Assert.False(_r.SameIncident(Make(noPlace: true), Make()));
    }

    [Fact]
    public void Dates_agree_within_the_larger_tolerance_not_the_sum()
    {
        Assert.True(_r.SameIncident(Make(date: "2024-04-20"), Make(date: "2024-04-21")));
        Assert.False(_r.SameIncident(Make(date: "2024-04-20"), Make(date: "2024-04-22")));
        Assert.True(_r.SameIncident(Make(date: "2024-04-20", tolerance: 2), Make(date: "2024-04-22")));
    }

    [Fact]
    public void Undated_mention_matches_only_dates_in_the_week_before_its_publication()
    {
        var undated = Make(date: null, published: "2024-04-22");
        Assert.True(_r.SameIncident(undated, Make(date: "2024-04-16", published: "2024-04-16")));
        Assert.False(_r.SameIncident(undated, Make(date: "2024-04-10", published: "2024-04-10", tolerance: 0)));
        Assert.False(_r.SameIncident(undated, Make(date: "2024-04-25", published: "2024-04-25")));
    }

    [Fact]
    public void Two_undated_mentions_match_when_their_publication_windows_overlap()
    {
        Assert.True(_r.SameIncident(Make(date: null, published: "2023-12-04"), Make(date: null, published: "2023-12-09")));
        Assert.False(_r.SameIncident(Make(date: null, published: "2023-12-04"), Make(date: null, published: "2023-12-20")));
    }

    [Fact]
    public void Date_after_publication_counts_as_unknown()
    {
        // Seed 000 turns «12 Azar» into "12 December" in an article of 4 December: the strike was on 3 December.
        var mistranslated = Make(kind: "airstrike", date: "2023-12-12", published: "2023-12-04", attacker: "us_forces", target: "militia");
        var dated = Make(kind: "airstrike", date: "2023-12-03", published: "2023-12-03", attacker: "us_forces", target: "militia");
        Assert.True(_r.SameIncident(mistranslated, dated));
        Assert.Equal(new DateOnly(2023, 12, 4), IncidentResolver.AnchorDate(mistranslated));
    }
}
