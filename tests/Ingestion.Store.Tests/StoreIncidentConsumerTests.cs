using System.Net;
using System.Net.Http.Json;
using System.Text;
using Ingestion.Contracts;
using Ingestion.Store.Data;
using Ingestion.Testing;

namespace Ingestion.Store.Tests;

/// <summary>The Store consumer against a real RabbitMQ and PostgreSQL.</summary>
public sealed class StoreIncidentConsumerTests(StoreHostFixture store) : IClassFixture<StoreHostFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Stores_a_reported_incident_and_serves_it_over_the_read_api()
    {
        var mention = Mentions.Rockets(Mentions.AinAlAsad, new DateOnly(2024, 1, 20), "outlet-a.example");
        await store.PublishAsync(mention);

        using var http = store.Host.CreateClient();
        var listed = await Eventually.ReturnsAsync(() => http.GetFromJsonAsync<List<IncidentSnapshot>>("/incidents?country=IQ&from=2024-01-20&to=2024-01-20")!,
            list => list!.Count == 1, Timeout, "the incident in GET /incidents");
        var incident = listed![0];
        Assert.Equal("rocket_attack", incident.Kind);
        Assert.Equal("Ain al-Asad Air Base", incident.Place!.Name);

        var detail = await http.GetFromJsonAsync<IncidentDetail>($"/incidents/{incident.IncidentId}");
        Assert.Equal(mention.MentionId, Assert.Single(detail!.Mentions).MentionId);
    }

    [Fact]
    public async Task Redelivered_mention_creates_no_duplicate_and_a_second_outlet_joins_the_incident()
    {
        var first = Mentions.Rockets(Mentions.Rumeilan, new DateOnly(2024, 4, 21), "outlet-a.example");
        await store.PublishAsync(first);
        await store.PublishAsync(first); // the broker redelivers: same mention id
        using var http = store.Host.CreateClient();
        var url = "/incidents?country=SY&from=2024-04-21&to=2024-04-21";
        // Stored before the second is sent: mentions of one incident in one batch publish one event (BatchEventsTests).
        await Eventually.ReturnsAsync(() => http.GetFromJsonAsync<List<IncidentSnapshot>>(url)!, list => list!.Count == 1, Timeout, "the first mention stored");
        var second = Mentions.Rockets(Mentions.Rumeilan, new DateOnly(2024, 4, 21), "outlet-b.example", killed: 0);
        await store.PublishAsync(second);

        var listed = await Eventually.ReturnsAsync(() => http.GetFromJsonAsync<List<IncidentSnapshot>>(url)!,
            list => list!.Count == 1 && list[0].ArticleCount == 2, Timeout, "one incident from two articles");
        var detail = await http.GetFromJsonAsync<IncidentDetail>($"/incidents/{listed![0].IncidentId}");
        Assert.Equal(2, detail!.Mentions.Count);
        Assert.Equal(2, detail.Incident.SourceCount);

        var events = await Eventually.ReturnsAsync(() => Task.FromResult(StoreHostFixture.Published.Where(e => IncidentOf(e) == listed[0].IncidentId).ToList()),
            list => list.Count >= 2, Timeout, "opened and revised events");
        Assert.Single(events.OfType<IncidentOpened>());
        Assert.Contains("corroboration", Assert.Single(events.OfType<IncidentRevised>()).Changes);
    }

    [Fact]
    public async Task A_later_less_confident_mention_leaves_the_incident_its_best_evidence_and_every_mention_its_text()
    {
        // The first is stored alone, so the second's batch reads it back from the database as a neighbour.
        var day = new DateOnly(2024, 3, 3);
        var best = Mentions.Rockets(Mentions.AinAlAsad, day, "outlet-a.example") with { Confidence = 0.95, Evidence = "سقطت ثلاثة صواريخ على قاعدة عين الأسد" };
        await store.PublishAsync(best);
        using var http = store.Host.CreateClient();
        var url = "/incidents?country=IQ&from=2024-03-03&to=2024-03-03";
        await Eventually.ReturnsAsync(() => http.GetFromJsonAsync<List<IncidentSnapshot>>(url)!, list => list!.Count == 1, Timeout, "the first mention stored");
        var later = Mentions.Rockets(Mentions.AinAlAsad, day, "outlet-b.example") with { Confidence = 0.6, Evidence = "أنباء عن قصف القاعدة" };
        await store.PublishAsync(later);

        var listed = await Eventually.ReturnsAsync(() => http.GetFromJsonAsync<List<IncidentSnapshot>>(url)!,
            list => list!.Count == 1 && list[0].ArticleCount == 2, Timeout, "the second mention joined");
        Assert.Equal(best.Evidence, listed![0].Evidence);
        var detail = await http.GetFromJsonAsync<IncidentDetail>($"/incidents/{listed[0].IncidentId}");
        foreach (var sent in new[] { best, later })
        {
            var stored = Assert.Single(detail!.Mentions, m => m.MentionId == sent.MentionId);
            Assert.Equal((sent.ArticleUrl, sent.Evidence), (stored.ArticleUrl, stored.Evidence));
        }
    }

    [Fact]
    public async Task Casualty_figures_from_two_outlets_are_kept_as_a_range()
    {
        var day = new DateOnly(2024, 2, 2);
        await store.PublishAsync(Mentions.Rockets(Mentions.AinAlAsad, day, "outlet-a.example", killed: 2));
        await store.PublishAsync(Mentions.Rockets(Mentions.AinAlAsad, day, "outlet-b.example", killed: 3));

        using var http = store.Host.CreateClient();
        var listed = await Eventually.ReturnsAsync(() => http.GetFromJsonAsync<List<IncidentSnapshot>>("/incidents?from=2024-02-02&to=2024-02-02")!,
            list => list!.Count == 1 && list[0].SourceCount == 2, Timeout, "one incident from two outlets");
        Assert.Equal((2, 3), (listed![0].KilledMin, listed[0].KilledMax));
        Assert.Contains(listed[0].Killed, new int?[] { 2, 3 });
    }

    [Fact]
    public async Task Invalid_mention_lands_in_the_error_queue_with_its_reason()
    {
        var poison = Mentions.Rockets(Mentions.Rumeilan, new DateOnly(2024, 4, 1), "outlet-a.example") with { Kind = "catapult_attack" };
        await store.PublishAsync(poison);

        var faulted = await store.Broker.GetAsync("store-incident_error", Timeout);
        Assert.NotNull(faulted);
        var reason = Encoding.UTF8.GetString((byte[])faulted!.BasicProperties.Headers!["MT-Fault-Message"]!);
        Assert.Contains("unknown kind 'catapult_attack'", reason);
    }

    [Fact]
    public async Task An_articles_mentions_in_one_message_are_each_stored_and_one_invalid_mention_sends_the_message_to_the_error_queue_whole()
    {
        var day = new DateOnly(2024, 6, 3);
        var article = Guid.NewGuid();
        var inIraq = Mentions.Rockets(Mentions.AinAlAsad, day, "outlet-c.example") with { ArticleId = article };
        var inSyria = Mentions.Rockets(Mentions.Rumeilan, day, "outlet-c.example") with { ArticleId = article };
        await store.PublishAsync(new ArticleIncidentsReported { Mentions = [inIraq, inSyria] });

        using var http = store.Host.CreateClient();
        var stored = await Eventually.ReturnsAsync(() => http.GetFromJsonAsync<List<IncidentSnapshot>>("/incidents?from=2024-06-03&to=2024-06-03")!,
            list => list!.Count == 2, Timeout, "both mentions of the article stored");
        Assert.Equal(["IQ", "SY"], stored!.Select(i => i.Place!.Country).Order());

        var later = day.AddDays(2);
        var valid = Mentions.Rockets(Mentions.AinAlAsad, later, "outlet-c.example");
        var poison = Mentions.Rockets(Mentions.Rumeilan, later, "outlet-c.example") with { Killed = -1 };
        await store.PublishAsync(new ArticleIncidentsReported { Mentions = [valid, poison] });
        var faulted = await store.Broker.GetAsync("store-incident_error", Timeout);
        Assert.NotNull(faulted);
        Assert.Contains("negative casualties", Encoding.UTF8.GetString((byte[])faulted!.BasicProperties.Headers!["MT-Fault-Message"]!));
        Assert.Contains(valid.MentionId.ToString(), Encoding.UTF8.GetString(faulted.Body.Span));
        Assert.Empty((await http.GetFromJsonAsync<List<IncidentSnapshot>>("/incidents?from=2024-06-05&to=2024-06-05"))!);
    }

    [Theory]
    [InlineData("/incidents?from=yesterday", "from")]
    [InlineData("/incidents?kind=catapult", "kind")]
    [InlineData("/incidents?country=Iraq", "country")]
    [InlineData("/incidents?limit=0", "limit")]
    public async Task Invalid_query_gets_a_problem_description(string url, string field)
    {
        using var http = store.Host.CreateClient();
        var response = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_incident_is_404_with_a_problem_description()
    {
        using var http = store.Host.CreateClient();
        var response = await http.GetAsync($"/incidents/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    private static Guid IncidentOf(object e) => e switch
    {
        IncidentOpened o => o.Incident.IncidentId,
        IncidentRevised r => r.Incident.IncidentId,
        _ => Guid.Empty,
    };
}
