using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ingestion.Contracts;
using Ingestion.Operator.Tests.Platform;

namespace Ingestion.Operator.Tests.Exports;

/// <summary>GET /incidents.csv and /incidents.geojson over the incidents the running Store made from the seed feed.</summary>
[Collection(SeedPlatformCollection.Name)]
public sealed class ExportTests(SeedPlatform platform)
{
    [Fact]
    public async Task Csv_is_UTF8_with_a_BOM_and_one_correctly_quoted_row_per_incident()
    {
        using var http = platform.Client;
        using var response = await http.GetAsync("/incidents.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);

        var rows = CsvFile.Parse(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 3, bytes.Length - 3));
        var header = rows[0];
        Assert.Equal(["incident_id", "event_date", "time_precision", "kind", "actor1", "actor2"], header.Take(6));
        Assert.All(rows, r => Assert.Equal(header.Count, r.Count));
        var byId = rows.Skip(1).ToDictionary(r => Guid.Parse(r[0]), r => header.Zip(r).ToDictionary(x => x.First, x => x.Second));
        Assert.Equal(platform.Incidents.Select(i => i.IncidentId).Order(), byId.Keys.Order());

        foreach (var incident in platform.Incidents)
        {
            var row = byId[incident.IncidentId];
            Assert.Equal((incident.Date ?? incident.FirstSeen).ToString("yyyy-MM-dd"), row["event_date"]);
            Assert.Equal(incident.Kind, row["kind"]);
            Assert.Equal(incident.Evidence ?? "", row["notes"]); // Arabic sentences with commas survive quoting intact
            Assert.Equal(string.Join("; ", incident.Sources), row["sources"]);
            Assert.Equal(incident.Killed?.ToString() ?? "", row["killed"]);
            Assert.Equal(incident.Place?.Lat.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? "", row["latitude"]);
        }
        Assert.Contains(byId.Values, r => r["notes"].Any(c => c is >= '\u0600' and <= '\u06FF'));
    }

    [Fact]
    public async Task Csv_applies_the_incident_filters()
    {
        using var http = platform.Client;
        var syria = platform.Incidents.Where(i => i.Place?.Country == "SY").Select(i => i.IncidentId).Order().ToList();
        Assert.NotEmpty(syria);
        var text = await http.GetStringAsync("/incidents.csv?country=sy");
        var ids = CsvFile.Parse(text.TrimStart('\uFEFF')).Skip(1).Select(r => Guid.Parse(r[0])).Order();
        Assert.Equal(syria, ids);
    }

    [Fact]
    public async Task GeoJson_has_a_point_feature_per_placed_incident_at_lon_lat()
    {
        using var http = platform.Client;
        using var response = await http.GetAsync("/incidents.geojson");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("FeatureCollection", json.RootElement.GetProperty("type").GetString());
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetGuid());
        Assert.Equal(platform.Incidents.Count, features.Count);
        foreach (var incident in platform.Incidents)
        {
            var feature = features[incident.IncidentId];
            if (incident.Place is not { } place) { Assert.Equal(JsonValueKind.Null, feature.GetProperty("geometry").ValueKind); continue; }
            var coordinates = feature.GetProperty("geometry").GetProperty("coordinates");
            Assert.Equal(place.Lon, coordinates[0].GetDouble());
            Assert.Equal(place.Lat, coordinates[1].GetDouble());
            Assert.Equal(incident.Evidence, feature.GetProperty("properties").GetProperty("notes").GetString());
        }
    }

    [Theory]
    [InlineData("/incidents.csv?from=2024-13-01")]
    [InlineData("/incidents.geojson?kind=parade")]
    [InlineData("/incidents.csv?limit=0")]
    public async Task Bad_filters_get_a_problem_description_not_a_file(string url)
    {
        using var http = platform.Client;
        using var response = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task An_explicit_limit_and_offset_page_the_export_like_the_list()
    {
        using var http = platform.Client;
        var list = await http.GetFromJsonAsync<List<IncidentSnapshot>>("/incidents?limit=2&offset=1");
        var csv = CsvFile.Parse((await http.GetStringAsync("/incidents.csv?limit=2&offset=1")).TrimStart('\uFEFF'));
        Assert.Equal(list!.Select(i => i.IncidentId.ToString()), csv.Skip(1).Select(r => r[0]));
    }

    [Theory]
    [InlineData("plain", false, "plain")]
    [InlineData("a, b", false, "\"a, b\"")]
    [InlineData("he said \"no\"", false, "\"he said \"\"no\"\"\"")]
    [InlineData("line\nbreak", false, "\"line\nbreak\"")]
    [InlineData("=HYPERLINK(\"x\")", true, "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("-5", false, "-5")]
    public void Csv_fields_are_quoted_per_RFC_4180_and_formulas_in_text_are_defused(string value, bool freeText, string expected) =>
        Assert.Equal(expected, Ingestion.Store.Api.ExportCsv.Field(value, freeText));
}
