namespace Ingestion.Extraction.Tests;

public sealed class DictionaryLoadingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("extraction-data-").FullName;
    private static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "Data");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Place_added_only_in_data_is_found()
    {
        File.Copy(Path.Combine(Shipped, "lexicon.json"), Path.Combine(_dir, "lexicon.json"));
        File.Copy(Path.Combine(Shipped, "actors.json"), Path.Combine(_dir, "actors.json"));
        File.WriteAllText(Path.Combine(_dir, "places.json"), """
            [{"id":"coral_oasis","name":"Coral Oasis outpost","ar":["واحة المرجان","قاعدة واحة المرجان"],"country":"SY","lat":34.5,"lon":39.5,"precision":"site","hostsUs":true}]
            """);
        var extractor = IncidentExtractor.Load(_dir);
        var i = Assert.Single(extractor.Extract("استهدف هجوم صاروخي قاعدة واحة المرجان أمس.", Extractor.Monday));
        Assert.Equal("coral_oasis", i.Place!.Id);
        Assert.Equal("us_forces", i.Target);
    }

    [Fact]
    public void Shipped_gazetteer_has_at_least_150_places_with_valid_fields()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Shipped, "places.json")));
        var places = doc.RootElement.EnumerateArray().ToList();
        Assert.True(places.Count >= 150, $"only {places.Count} places");
        Assert.All(places, p =>
        {
            Assert.Contains(p.GetProperty("precision").GetString(), new[] { "site", "city", "province", "country" });
            Assert.Contains(p.GetProperty("country").GetString(), new[] { "IQ", "SY", "JO" });
            Assert.InRange(p.GetProperty("lat").GetDouble(), 29, 38);
            Assert.InRange(p.GetProperty("lon").GetDouble(), 35, 49);
        });
        Assert.Equal(places.Count, places.Select(p => p.GetProperty("id").GetString()).Distinct().Count());
    }

    [Fact]
    public void Missing_dictionary_is_a_clear_error() =>
        Assert.Throws<FileNotFoundException>(() => IncidentExtractor.Load(_dir));

    [Fact]
    public void Malformed_dictionary_is_a_clear_error()
    {
        File.Copy(Path.Combine(Shipped, "lexicon.json"), Path.Combine(_dir, "lexicon.json"));
        File.Copy(Path.Combine(Shipped, "actors.json"), Path.Combine(_dir, "actors.json"));
        File.WriteAllText(Path.Combine(_dir, "places.json"), "[{\"id\": 3");
        Assert.Throws<InvalidDataException>(() => IncidentExtractor.Load(_dir));
    }

    [Fact]
    public void Null_article_is_rejected_and_unrelated_text_gives_nothing()
    {
        Assert.Throws<ArgumentNullException>(() => Extractor.Instance.Extract(null!, Extractor.Monday));
        Assert.Empty(Extractor.All("The weather in Baghdad was mild. 12345 !!! «»"));
    }
}
