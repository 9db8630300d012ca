using Ingestion.Alerting.Subscriptions;
using static Ingestion.Alerting.Tests.Incidents;

namespace Ingestion.Alerting.Tests;

/// <summary>Each filter, case by case, on incidents as the Store publishes them.</summary>
public sealed class CompiledFilterTests
{
    private static bool Matches(AlertFilter filter, Ingestion.Contracts.IncidentSnapshot incident) => new CompiledFilter(filter.Normalized()).Matches(incident);

    [Fact]
    public void Rocket_attack_in_Syria_does_not_reach_an_Iraq_only_subscription()
    {
        Assert.False(Matches(new AlertFilter { Countries = ["IQ"] }, Make("rocket_attack", Rumeilan)));
        Assert.True(Matches(new AlertFilter { Countries = ["iq"] }, Make("rocket_attack", AinAlAsad)));
    }

    [Fact]
    public void Kind_filter_passes_only_the_listed_kinds()
    {
        var drones = new AlertFilter { Kinds = ["drone_attack"] };
        Assert.False(Matches(drones, Make("rocket_attack")));
        Assert.True(Matches(drones, Make("drone_attack")));
    }

    [Fact]
    public void Named_place_matches_by_id_english_or_arabic_name()
    {
        Assert.True(Matches(new AlertFilter { Places = ["ain_al_asad"] }, Make(place: AinAlAsad)));
        Assert.True(Matches(new AlertFilter { Places = ["AIN AL-ASAD"] }, Make(place: AinAlAsad)));
        Assert.True(Matches(new AlertFilter { Places = ["عين الأسد"] }, Make(place: AinAlAsad)));
        Assert.False(Matches(new AlertFilter { Places = ["عين الأسد"] }, Make(place: Erbil)));
    }

    [Fact]
    public void Radius_includes_places_inside_and_excludes_those_beyond()
    {
        // Erbil to Ain al-Asad is about 330 km.
        Assert.True(Matches(new AlertFilter { Near = new GeoCircle(36.19, 44.01, 50) }, Make(place: Erbil)));
        Assert.False(Matches(new AlertFilter { Near = new GeoCircle(36.19, 44.01, 300) }, Make(place: AinAlAsad)));
        Assert.True(Matches(new AlertFilter { Near = new GeoCircle(36.19, 44.01, 360) }, Make(place: AinAlAsad)));
    }

    [Fact]
    public void Bounding_box_includes_only_places_inside_it()
    {
        var northeastSyria = new AlertFilter { Box = new GeoBox(35.5, 39.5, 37.5, 42.5) };
        Assert.True(Matches(northeastSyria, Make(place: Rumeilan)));
        Assert.False(Matches(northeastSyria, Make(place: AinAlAsad)));
    }

    [Fact]
    public void Attacker_matches_the_named_attacker_or_the_claimant_and_target_the_target()
    {
        var kh = new AlertFilter { Attackers = ["kataib_hezbollah"] };
        Assert.True(Matches(kh, Make(attacker: "kataib_hezbollah")));
        Assert.True(Matches(kh, Make(claimedBy: "kataib_hezbollah")));
        Assert.False(Matches(kh, Make(attacker: "islamic_resistance_in_iraq")));
        Assert.False(Matches(kh, Make()));
        Assert.False(Matches(new AlertFilter { Targets = ["iraqi_forces"] }, Make(target: "us_forces")));
    }

    [Fact]
    public void Minimum_casualties_sources_and_confidence_hold_back_smaller_incidents()
    {
        Assert.False(Matches(new AlertFilter { MinKilled = 1 }, Make(killed: null)));
        Assert.True(Matches(new AlertFilter { MinKilled = 1 }, Make(killed: 2)));
        Assert.False(Matches(new AlertFilter { MinWounded = 3 }, Make(wounded: 2)));
        Assert.False(Matches(new AlertFilter { MinSources = 2 }, Make(sources: 1)));
        Assert.True(Matches(new AlertFilter { MinSources = 2 }, Make(sources: 3)));
        Assert.False(Matches(new AlertFilter { MinConfidence = 0.9 }, Make(confidence: 0.8)));
    }

    [Fact]
    public void Revisions_are_wanted_only_for_the_changes_asked_for()
    {
        var casualties = new CompiledFilter(new AlertFilter { Revisions = ["casualties"] });
        Assert.True(casualties.WantsRevision(["place", "casualties"]));
        Assert.False(casualties.WantsRevision(["corroboration"]));
        Assert.False(new CompiledFilter(new AlertFilter()).WantsRevision(["casualties"]));
    }

    [Fact]
    public void Invalid_filters_are_named_in_the_errors()
    {
        var errors = new Dictionary<string, string[]>();
        new AlertFilter { Kinds = ["tank_battle"], Countries = ["IRQ"], Near = new GeoCircle(95, 0, 10), Box = new GeoBox(10, 10, 5, 20), MinConfidence = 2, Revisions = ["weather"] }.Validate(errors);
        Assert.Equal(["box", "countries", "kinds", "minConfidence", "near", "revisions"], errors.Keys.Order());
    }
}
