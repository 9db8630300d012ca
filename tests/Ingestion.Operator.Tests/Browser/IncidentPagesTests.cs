using System.Globalization;
using System.Net.Http.Json;
using Ingestion.Operator.Tests.Platform;
using Ingestion.Store.Data;

namespace Ingestion.Operator.Tests.Browser;

/// <summary>The map, timeline and incident pages in headless Chromium, over the incidents the Store made from the seed feed.</summary>
[Collection(SeedPlatformCollection.Name)]
public sealed class IncidentPagesTests(SeedPlatform platform)
{
    private static readonly string[] Outlines = ["IL", "IQ", "IR", "JO", "KW", "LB", "SA", "SY", "TR"];

    [Fact]
    public async Task Map_page_draws_the_outline_map_with_one_dot_per_placed_incident_inside_its_country()
    {
        var page = await RenderedPage.LoadAsync(new Uri(platform.Host.BaseAddress, "/ops"), "incidents-map");
        Assert.Equal("true", page.Ready);

        var countries = page.All("svg.map path.country").ToDictionary(p => p.GetAttribute("data-country")!, p => Outline.RingsOfSvgPath(p.GetAttribute("d")!));
        Assert.Equal(Outlines, countries.Keys.Order());

        var placed = platform.Incidents.Where(i => i.Place is not null).ToList();
        Assert.NotEmpty(placed);
        var dots = page.All("svg.map a[data-incident-id]");
        Assert.Equal(placed.Select(i => i.IncidentId.ToString()).Order(), dots.Select(d => d.GetAttribute("data-incident-id")!).Order());
        foreach (var incident in placed.Where(i => countries.ContainsKey(i.Place!.Country)))
        {
            var circle = dots.Single(d => d.GetAttribute("data-incident-id") == incident.IncidentId.ToString()).QuerySelector("circle")!;
            var centre = (Number(circle, "cx"), Number(circle, "cy"));
            Assert.True(countries[incident.Place!.Country].Any(ring => Outline.Contains(ring, centre)),
                $"The dot of {incident.Place.Name} ({incident.Place.Country}) at {centre} is outside its country's outline");
            Assert.Equal($"/ops/incident?id={incident.IncidentId}", circle.ParentElement!.GetAttribute("href"));
        }
    }

    [Fact]
    public async Task Map_page_has_a_timeline_and_a_list_entry_for_every_incident_and_needs_no_other_host()
    {
        var page = await RenderedPage.LoadAsync(new Uri(platform.Host.BaseAddress, "/ops"), "incidents-full-page", windowHeight: 2000);
        Assert.Equal("true", page.Ready);
        var ids = platform.Incidents.Select(i => i.IncidentId.ToString()).Order().ToList();
        Assert.Equal(ids, page.All("svg.timeline a[data-incident-id]").Select(a => a.GetAttribute("data-incident-id")!).Order());
        Assert.Equal(ids, page.All("#incidents tbody tr").Select(tr => tr.GetAttribute("data-incident-id")!).Order());
        Assert.StartsWith($"{platform.Incidents.Count} incident(s)", page.Status);
        Assert.DoesNotContain("[object", page.Document.Body!.TextContent); // a script put an object where text belongs
        var arabicPlaces = platform.Incidents.Where(i => i.Place?.NameArabic is not null).Select(i => i.Place!.NameArabic!).ToHashSet();
        Assert.NotEmpty(arabicPlaces);
        Assert.Subset(arabicPlaces, page.All("#incidents td span[lang=ar][dir=rtl]").Select(s => s.TextContent).ToHashSet());
        Assert.Empty(page.All("svg.map image")); // no tile server configured: outlines only
        Assert.All(page.Resources(), r => Assert.StartsWith("/ops/assets/", r));
    }

    [Fact]
    public async Task Incident_page_shows_each_source_with_its_figures_and_its_Arabic_evidence_right_to_left()
    {
        var busiest = platform.Incidents.MaxBy(i => i.ArticleCount)!;
        using var http = platform.Client;
        var detail = (await http.GetFromJsonAsync<IncidentDetail>($"/incidents/{busiest.IncidentId}"))!;
        Assert.True(detail.Mentions.Count >= 2, "the seed feed tells at least one incident twice");

        var page = await RenderedPage.LoadAsync(new Uri(platform.Host.BaseAddress, $"/ops/incident?id={busiest.IncidentId}"), "incident");
        Assert.Equal("true", page.Ready);
        var rows = page.All("#mentions tbody tr");
        Assert.Equal(detail.Mentions.Select(m => m.MentionId.ToString()).Order(), rows.Select(r => r.GetAttribute("data-mention-id")!).Order());
        foreach (var mention in detail.Mentions)
        {
            var row = rows.Single(r => r.GetAttribute("data-mention-id") == mention.MentionId.ToString());
            var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
            Assert.Equal(mention.Source, cells[0]);
            Assert.Equal(mention.Killed?.ToString(CultureInfo.InvariantCulture) ?? "—", cells[5]);
            Assert.Equal(mention.Wounded?.ToString(CultureInfo.InvariantCulture) ?? "—", cells[6]);
            var evidence = row.QuerySelector("blockquote.evidence")!;
            Assert.Equal(("rtl", "ar"), (evidence.GetAttribute("dir"), evidence.GetAttribute("lang")));
            Assert.Equal(mention.Evidence, evidence.TextContent);
            Assert.Equal(mention.ArticleUrl, row.QuerySelector("a")!.GetAttribute("href"));
        }
        Assert.Single(page.All("svg.map a[data-incident-id]"));
        Assert.DoesNotContain("[object", page.Document.Body!.TextContent);
    }

    [Fact]
    public async Task Incident_page_for_an_unknown_id_says_so()
    {
        var page = await RenderedPage.LoadAsync(new Uri(platform.Host.BaseAddress, $"/ops/incident?id={Guid.NewGuid()}"), "incident-unknown");
        Assert.Equal("error", page.Ready);
        Assert.Contains("No incident", page.Status);
    }

    private static double Number(AngleSharp.Dom.IElement element, string attribute) =>
        double.Parse(element.GetAttribute(attribute)!, CultureInfo.InvariantCulture);
}
