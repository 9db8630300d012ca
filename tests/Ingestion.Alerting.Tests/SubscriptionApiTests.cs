using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ingestion.Testing;
using Microsoft.EntityFrameworkCore;
using static Ingestion.Alerting.Tests.Incidents;

namespace Ingestion.Alerting.Tests;

/// <summary>The subscriptions and API-key endpoints on the real database: who sees what, what is stored, what is refused.</summary>
public sealed class SubscriptionApiTests(AlertingTestHost alerting) : IClassFixture<AlertingTestHost>
{
    private async Task<string> NewKeyAsync(string name)
    {
        using var admin = alerting.Client();
        var response = await admin.PostAsJsonAsync("/api-keys", new { name });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    [Fact]
    public async Task Api_keys_are_stored_only_as_hashes_and_each_key_sees_only_its_own_subscriptions()
    {
        var newsroom = await NewKeyAsync("newsroom");
        var security = await NewKeyAsync("security team");
        var stored = await alerting.InDatabaseAsync(db => db.ApiKeys.Select(k => k.KeyHash).ToListAsync());
        Assert.DoesNotContain(stored, h => h.Contains(newsroom, StringComparison.Ordinal) || newsroom.Contains(h, StringComparison.Ordinal));
        Assert.Contains(Convert.ToHexString(Ingestion.ServiceDefaults.Security.ApiKeyHash.Of(newsroom)), stored);

        var (mine, _) = await alerting.SubscribeAsync(new { name = "newsroom desk", webhookUrl = "https://example.org/hook" }, newsroom);
        await alerting.SubscribeAsync(new { name = "security desk", webhookUrl = "https://example.org/hook2" }, security);
        using var newsroomClient = alerting.Client(newsroom);
        var listed = await newsroomClient.GetFromJsonAsync<JsonElement[]>("/subscriptions");
        Assert.Equal(["newsroom desk"], listed!.Select(s => s.GetProperty("name").GetString()));
        using var securityClient = alerting.Client(security);
        Assert.Equal(HttpStatusCode.NotFound, (await securityClient.GetAsync($"/subscriptions/{mine}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await securityClient.DeleteAsync($"/subscriptions/{mine}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await securityClient.GetAsync("/api-keys")).StatusCode);
        using var admin = alerting.Client();
        Assert.Contains((await admin.GetFromJsonAsync<JsonElement[]>("/subscriptions"))!, s => s.GetProperty("name").GetString() == "newsroom desk");

        var keyId = (await admin.GetFromJsonAsync<JsonElement[]>("/api-keys"))!.Single(k => k.GetProperty("name").GetString() == "newsroom").GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api-keys/{keyId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await newsroomClient.GetAsync("/subscriptions")).StatusCode);
    }

    [Fact]
    public async Task Invalid_requests_are_refused_with_problem_json_naming_each_field()
    {
        using var admin = alerting.Client();
        var response = await admin.PostAsJsonAsync("/subscriptions", new
        {
            name = "bad", kinds = new[] { "tank_battle" }, countries = new[] { "Iraq" }, minKilled = -1,
            near = new { lat = 120, lon = 44, radiusKm = 10 }, revisions = new[] { "weather" }, digestMinutes = 0,
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "channel", "kinds", "countries", "minKilled", "near", "revisions", "digestMinutes" })
            Assert.True(errors.TryGetProperty(field, out _), $"error for {field}");

        using var anonymous = alerting.Client(apiKey: null);
        var refused = await anonymous.GetAsync("/subscriptions");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await alerting.InDatabaseAsync(db => db.Subscriptions.CountAsync(s => s.Name == "bad")));
    }

    [Fact]
    public async Task Update_replaces_the_filters_and_a_rotated_secret_signs_alongside_the_old_one_during_grace()
    {
        await using var receiver = await ScriptedWebhookReceiver.StartAsync();
        var (id, oldSecret) = await alerting.SubscribeAsync(new { name = "rotating", webhookUrl = receiver.Url, countries = new[] { "SY" } });
        using var admin = alerting.Client();
        var updated = await admin.PutAsJsonAsync($"/subscriptions/{id}", new { name = "rotating", webhookUrl = receiver.Url, countries = new[] { "IQ" } });
        updated.EnsureSuccessStatusCode();
        var rotated = await admin.PostAsJsonAsync($"/subscriptions/{id}/rotate-secret", new { graceHours = 1 });
        var newSecret = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
        Assert.NotEqual(oldSecret, newSecret);

        await alerting.PublishAsync(Opened(Make(place: Rumeilan))); // Syria: no longer wanted
        var iraq = Make(place: Erbil);
        await alerting.PublishAsync(Opened(iraq));
        var alert = (await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Accepted), l => l.Count >= 1, TimeSpan.FromSeconds(60), "the Iraq alert"))[0];
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(receiver.Accepted);
        Assert.Contains(iraq.IncidentId.ToString(), alert.Body);
        Assert.Equal(2, alert.Signature.Split(' ').Length);
        Assert.True(WebhookSignature.Verify(newSecret, alert.Id, alert.Timestamp, alert.Body, alert.Signature), "new secret");
        Assert.True(WebhookSignature.Verify(oldSecret, alert.Id, alert.Timestamp, alert.Body, alert.Signature), "old secret during grace");
    }

    [Fact]
    public async Task Deleting_a_subscription_drops_its_pending_alerts()
    {
        await using var receiver = await ScriptedWebhookReceiver.StartAsync();
        receiver.Script = _ => new ScriptedWebhookReceiver.Reply(503);
        var (id, _) = await alerting.SubscribeAsync(new { name = "to delete", webhookUrl = receiver.Url });
        await alerting.PublishAsync(Opened(Make()));
        await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Attempts.Count), n => n >= 1, TimeSpan.FromSeconds(60), "a failed attempt");
        using var admin = alerting.Client();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/subscriptions/{id}")).StatusCode);
        Assert.Equal(0, await alerting.InDatabaseAsync(db => db.Deliveries.CountAsync(d => d.SubscriptionId == id)));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/subscriptions/{id}")).StatusCode);
    }
}
