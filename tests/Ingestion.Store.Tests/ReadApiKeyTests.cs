using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Ingestion.Contracts;
using Ingestion.ServiceDefaults;
using Ingestion.ServiceDefaults.Messaging;
using Ingestion.Store.Api;
using Ingestion.Testing;

namespace Ingestion.Store.Tests;

/// <summary>Store:ReadApiKeys unset: the read API and the operator pages answer anyone, as they always did.</summary>
public sealed class PublicReadApiTests(StoreHostFixture store) : IClassFixture<StoreHostFixture>
{
    [Theory]
    [InlineData("/incidents")]
    [InlineData("/incidents.csv")]
    [InlineData("/ops")]
    [InlineData("/ops/api/config")]
    public async Task Answers_without_a_key(string path)
    {
        using var http = store.Host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(path)).StatusCode);
    }
}

/// <summary>Store:ReadApiKeys set: every read endpoint and operator page wants one of the keys; health probes do not.</summary>
public sealed class KeyedReadApiTests(KeyedReadApiTests.KeyedStoreHost store) : IClassFixture<KeyedReadApiTests.KeyedStoreHost>
{
    public const string Key = "reader-key-4f1c2a9e";
    public const string SecondKey = "newsroom-key-77b0";

    [Theory]
    [InlineData("/incidents")]
    [InlineData("/incidents/3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("/incidents.csv")]
    [InlineData("/incidents.geojson")]
    [InlineData("/ops")]
    [InlineData("/ops/incident?id=3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("/ops/feeds")]
    [InlineData("/ops/api/config")]
    [InlineData("/ops/api/feed-health")]
    [InlineData("/ops/assets/common.js")]
    public async Task Without_a_key_answers_401_with_a_problem_and_a_challenge(string path)
    {
        using var http = store.Host.CreateClient();
        var response = await http.GetAsync(path);

        await AssertRefusedAsync(response, "Missing API key");
        // The browser's way in: it asks for user and password and sends them on every later request.
        Assert.Contains(response.Headers.WwwAuthenticate, challenge => challenge.Scheme == "Basic");
    }

    [Theory]
    [InlineData("/incidents")]
    [InlineData("/incidents.csv")]
    [InlineData("/ops")]
    public async Task A_wrong_key_answers_401_and_is_not_echoed(string path)
    {
        using var http = store.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { ReadApiKeyFilter.Header, "not-the-key" } } };
        var response = await http.SendAsync(request);

        var body = await AssertRefusedAsync(response, "Wrong API key");
        Assert.DoesNotContain("not-the-key", body);
    }

    [Fact]
    public async Task The_digest_in_configuration_is_not_itself_a_key()
    {
        using var http = store.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/incidents") { Headers = { { ReadApiKeyFilter.Header, Sha256Hex(Key) } } };
        await AssertRefusedAsync(await http.SendAsync(request), "Wrong API key");
    }

    [Theory]
    [InlineData(Key)]
    [InlineData(SecondKey)]
    public async Task Each_configured_key_reads_incidents_and_the_csv_export(string key)
    {
        using var http = store.Host.CreateClient();
        http.DefaultRequestHeaders.Add(ReadApiKeyFilter.Header, key);

        var incidents = await http.GetAsync("/incidents");
        Assert.Equal(HttpStatusCode.OK, incidents.StatusCode);
        Assert.NotNull(await incidents.Content.ReadFromJsonAsync<List<IncidentSnapshot>>());
        Assert.Equal("private", incidents.Headers.CacheControl?.ToString());

        var csv = await http.GetAsync("/incidents.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Bearer_and_browser_basic_credentials_open_the_pages()
    {
        using var http = store.Host.CreateClient();
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"anyone:{Key}"));
        foreach (var authorization in new[] { new AuthenticationHeaderValue("Bearer", Key), new AuthenticationHeaderValue("Basic", basic) })
        foreach (var path in new[] { "/ops", "/ops/api/config", "/incidents.geojson" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Authorization = authorization } };
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);
        }
    }

    [Fact]
    public async Task Health_probes_stay_open()
    {
        using var http = store.Host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/alive")).StatusCode);
        // Ready once the bus has connected.
        await Eventually.ReturnsAsync(() => http.GetAsync("/health"), r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "GET /health without a key to answer 200");
    }

    private static async Task<string> AssertRefusedAsync(HttpResponseMessage response, string title)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(title, body);
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
        return body;
    }

    private static string Sha256Hex(string key) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The Store as its Program.cs builds it, with two key digests configured (and a blank entry, as an unset compose variable gives).</summary>
    public sealed class KeyedStoreHost() : StoreHostFixture("store_keyed_test", new Dictionary<string, string?>
    {
        ["Store:ReadApiKeys:0"] = Sha256Hex(Key),
        ["Store:ReadApiKeys:1"] = "",
        ["Store:ReadApiKeys:2"] = Sha256Hex(SecondKey).ToUpperInvariant(),
    });
}

/// <summary>How Store:ReadApiKeys is read: blanks mean nothing, anything but a digest stops the start without repeating it.</summary>
public sealed class StoreReadApiOptionsTests
{
    [Fact]
    public void No_entries_or_blank_entries_leave_the_api_public() =>
        Assert.Empty(new StoreReadApiOptions { ReadApiKeys = ["", "  "] }.AcceptedHashes());

    [Fact]
    public void A_key_pasted_in_clear_stops_the_start_and_is_not_repeated()
    {
        var options = new StoreReadApiOptions { ReadApiKeys = [new string('a', 64), "my-secret-key"] };
        var error = Assert.Throws<InvalidOperationException>(() => options.AcceptedHashes());
        Assert.Contains("Store:ReadApiKeys:1", error.Message);
        Assert.DoesNotContain("my-secret-key", error.Message);
    }
}
