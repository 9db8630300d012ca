using Ingestion.Resolution;
using static Ingestion.Resolution.Tests.Mentions;

namespace Ingestion.Resolution.Tests;

/// <summary>One attack retold by several outlets in different words, numbers and dates; and neighbouring attacks that must stay apart.</summary>
public class SameStoryManyOutletsTests
{
    private readonly IncidentResolver _r = new();

    // «قُتل جنديان أمريكيان الأحد في قاعدة عين الأسد» (Sunday resolved against a Monday publication).
    private static readonly IncidentMention SundayTwoKilled = Make(kind: "drone_attack", date: "2024-04-21", published: "2024-04-22",
        place: Places.AinAlAsad, killed: 2, source: "alsumaria.tv", tolerance: 0);
    // «ثلاثة قتلى في هجوم بطائرة مسيرة في الأنبار يوم 21 نيسان».
    private static readonly IncidentMention AnbarThreeKilled = Make(kind: "drone_attack", date: "2024-04-21", published: "2024-04-22",
        place: Places.Anbar, killed: 3, wounded: 5, source: "aljazeera.net");
    // Wire copy a day later, no date: «هجوم على قوات أمريكية في العراق أسفر عن ثلاثة قتلى».
    private static readonly IncidentMention WireCopyUndated = Make(kind: "other_attack", date: null, published: "2024-04-23",
        place: Places.Iraq, killed: 3, source: "alhurra.com", attacker: "militia");

    [Fact]
    public void Differently_worded_reports_resolve_to_one_incident()
    {
        var cluster = Assert.Single(_r.Cluster([WireCopyUndated, AnbarThreeKilled, SundayTwoKilled]));
        Assert.Equal(3, cluster.Mentions.Count);
    }

    [Fact]
    public void Resolved_record_shows_the_site_the_day_the_weapon_and_the_casualty_range()
    {
        var view = IncidentSummary.Summarize([SundayTwoKilled, AnbarThreeKilled, WireCopyUndated]);
        Assert.Equal(Places.AinAlAsad, view.Place);
        Assert.Equal(new DateOnly(2024, 4, 21), view.Date);
        Assert.Equal("day", view.DatePrecision);
        Assert.Equal("drone_attack", view.Kind);
        Assert.Equal(new CasualtyRange(2, 3), view.KilledRange);
        Assert.Equal(3, view.Killed); // two outlets say three, one says two
        Assert.Equal(5, view.Wounded);
        Assert.Equal("militia", view.Attacker);
        Assert.Equal(3, view.SourceCount);
        Assert.Equal(new DateOnly(2024, 4, 23), view.LastSeen);
    }

    [Fact]
    public void Airstrike_on_Jurf_al_Sakhar_and_drone_attack_on_Ain_al_Asad_the_same_day_stay_apart()
    {
        var airstrike = Make(kind: "airstrike", date: "2024-01-24", published: "2024-01-24", place: Places.JurfAlSakhar,
            attacker: "us_forces", target: "kataib_hezbollah", source: "a");
        var drones = Make(kind: "drone_attack", date: "2024-01-24", published: "2024-01-24", place: Places.AinAlAsad,
            attacker: "islamic_resistance_in_iraq", target: "us_forces", source: "b");
        var countryLevelDrones = Make(kind: "drone_attack", date: null, published: "2024-01-25", place: Places.Iraq, source: "c");
        var clusters = _r.Cluster([airstrike, drones, countryLevelDrones]);
        Assert.Equal(2, clusters.Count);
        Assert.Contains(clusters, c => c.Mentions.SequenceEqual([airstrike]));
    }

    [Fact]
    public void City_level_report_does_not_bridge_rockets_on_the_embassy_and_on_the_airport()
    {
        // 8 December 2023: rockets at the US embassy and, the same night, at Baghdad airport, 16 km apart.
        var embassy = Make(date: "2023-12-08", published: "2023-12-08", place: Places.UsEmbassyBaghdad, source: "a");
        var airport = Make(date: "2023-12-08", published: "2023-12-08", place: Places.BaghdadAirport, source: "b");
        var baghdad = Make(date: "2023-12-08", published: "2023-12-09", place: Places.Baghdad, source: "c");
        var clusters = _r.Cluster([embassy, airport, baghdad]);
        Assert.Equal(2, clusters.Count);
        Assert.Contains(clusters, c => c.Mentions.Contains(embassy) && c.Mentions.Contains(baghdad)); // the closer site
    }
}
