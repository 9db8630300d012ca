using System.Text.Json;
using Ingestion.Testing;

namespace Ingestion.Operator.Tests.Browser;

/// <summary>The outline map shipped with the Store agrees with the place gazetteer the extractor uses.</summary>
public sealed class OutlineMapDataTests
{
    private static readonly string MapFile = Path.Combine(TestInfrastructure.RepoRoot, "services", "Ingestion.Store", "wwwroot", "region.geojson");
    private static readonly string PlacesFile = Path.Combine(TestInfrastructure.RepoRoot, "shared", "Ingestion.Extraction", "Data", "places.json");

    [Fact]
    public void Every_gazetteer_place_in_a_drawn_country_lies_inside_that_outline_and_no_other()
    {
        using var map = JsonDocument.Parse(File.ReadAllText(MapFile));
        var countries = map.RootElement.GetProperty("features").EnumerateArray().ToDictionary(
            f => f.GetProperty("properties").GetProperty("iso").GetString()!,
            f => f.GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble())).ToList());
        Assert.Equal(["IL", "IQ", "IR", "JO", "KW", "LB", "SA", "SY", "TR"], countries.Keys.Order());

        using var places = JsonDocument.Parse(File.ReadAllText(PlacesFile));
        var wrong = new List<string>();
        foreach (var place in Places(places.RootElement))
        {
            var point = (place.GetProperty("lon").GetDouble(), place.GetProperty("lat").GetDouble());
            var country = place.GetProperty("country").GetString()!;
            if (!countries.ContainsKey(country)) continue; // a place outside the region drawn is not on this map
            var within = countries.Where(c => Outline.Contains(c.Value, point)).Select(c => c.Key).ToList();
            if (within.Count != 1 || within[0] != country) wrong.Add($"{place.GetProperty("id")} ({country}) falls in [{string.Join(",", within)}]");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static IEnumerable<JsonElement> Places(JsonElement root) =>
        root.ValueKind == JsonValueKind.Array ? root.EnumerateArray() : root.GetProperty("places").EnumerateArray();
}
