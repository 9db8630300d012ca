using System.Text.Json;
using Ingestion.Extraction.Text;

namespace Ingestion.Extraction.Lexicon;

/// <summary>
/// Everything the extractor knows about words, loaded from Data/*.json: the gazetteer, the actors
/// and the language lexicon. Immutable after construction, so one instance serves every thread.
/// </summary>
internal sealed class Dictionaries
{
    private readonly Dictionary<string, int> _words = new(StringComparer.Ordinal);

    public PhraseTrie Trie { get; } = new();
    public List<PlaceInfo> Places { get; } = [];
    public List<ActorInfo> Actors { get; } = [];
    public TokenForms Forms { get; }
    public string[] NoiseLineMarkers { get; }

    private Dictionaries(JsonElement lexicon, JsonElement places, JsonElement actors)
    {
        var rules = lexicon.GetProperty("suffixRules").EnumerateArray()
            .Select(r => (ArabicNormalizer.NormalizeEntry(r.GetProperty("suffix").GetString()!),
                          ArabicNormalizer.NormalizeEntry(r.GetProperty("replace").GetString() ?? ""),
                          r.TryGetProperty("dual", out var d) && d.GetBoolean()))
            .OrderByDescending(r => r.Item1.Length).ToArray();
        Forms = new TokenForms(_words, rules);
        NoiseLineMarkers = lexicon.GetProperty("noiseLineMarkers").EnumerateArray()
            .Select(m => ArabicNormalizer.NormalizeEntry(m.GetString()!)).ToArray();
        var articleSignificant = lexicon.GetProperty("articleSignificant").EnumerateArray()
            .Select(t => ParseTerm(t.GetString()!)).ToHashSet();

        foreach (var term in lexicon.GetProperty("terms").EnumerateObject())
        {
            var kind = ParseTerm(term.Name);
            bool significant = articleSignificant.Contains(kind);
            if (term.Value.ValueKind == JsonValueKind.Array)
                foreach (var phrase in term.Value.EnumerateArray()) AddPhrase(phrase.GetString()!, new Payload(kind, 0), significant);
            else
                foreach (var entry in term.Value.EnumerateObject()) AddPhrase(entry.Name, new Payload(kind, entry.Value.GetInt32()), significant);
        }
        foreach (var p in places.EnumerateArray()) AddPlace(p);
        foreach (var a in actors.EnumerateArray()) AddActor(a);
        Forms.Freeze(_words.Keys);
    }

    /// <summary>Reads places.json, actors.json and lexicon.json from <paramref name="directory"/>.</summary>
    public static Dictionaries Load(string directory)
    {
        JsonElement Read(string name)
        {
            var path = Path.Combine(directory, name);
            if (!File.Exists(path)) throw new FileNotFoundException($"Extraction dictionary '{name}' not found in '{directory}'.", path);
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return doc.RootElement.Clone();
        }
        return new Dictionaries(Read("lexicon.json"), Read("places.json"), Read("actors.json"));
    }

    /// <summary>The id of a normalised dictionary word (for tests and diagnostics).</summary>
    public bool TryWordId(string normalizedWord, out int id) => _words.TryGetValue(normalizedWord, out id);

    private void AddPlace(JsonElement p)
    {
        string Str(string name) => p.GetProperty(name).GetString() ?? throw new InvalidDataException($"place field '{name}' is empty");
        var aliases = p.GetProperty("ar").EnumerateArray().Select(a => a.GetString()!).ToArray();
        var place = new ExtractedPlace(Str("id"), Str("name"), aliases[0], Str("country"),
            p.GetProperty("lat").GetDouble(), p.GetProperty("lon").GetDouble(), Str("precision"),
            p.TryGetProperty("province", out var prov) ? prov.GetString() : null);
        if (PlaceInfo.PrecisionRank(place.Precision) == 3 && place.Precision != "country")
            throw new InvalidDataException($"place '{place.Id}' has unknown precision '{place.Precision}'");
        bool hostsUs = p.TryGetProperty("hostsUs", out var h) && h.GetBoolean();
        int index = Places.Count;
        Places.Add(new PlaceInfo(place, hostsUs));
        foreach (var alias in aliases) AddPhrase(alias, new Payload(Term.Place, index), false);
    }

    private void AddActor(JsonElement a)
    {
        int index = Actors.Count;
        Actors.Add(new ActorInfo(a.GetProperty("id").GetString()!, a.TryGetProperty("state", out var s) && s.GetBoolean()));
        foreach (var alias in a.GetProperty("ar").EnumerateArray()) AddPhrase(alias.GetString()!, new Payload(Term.Actor, index), false);
    }

    private void AddPhrase(string phrase, Payload payload, bool articleSignificant)
    {
        var words = ArabicNormalizer.NormalizeEntry(phrase).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return;
        Span<(int, ArticleRule)> path = stackalloc (int, ArticleRule)[words.Length];
        for (int i = 0; i < words.Length; i++)
        {
            var (stem, hadArticle) = SplitArticle(words[i]);
            var rule = articleSignificant ? (hadArticle ? ArticleRule.Required : ArticleRule.Forbidden) : ArticleRule.Any;
            path[i] = (WordId(stem), rule);
        }
        Trie.Add(path, payload);
    }

    /// <summary>The same article rule the token analyser applies, so phrases and text meet on one form.</summary>
    private static (string Stem, bool HadArticle) SplitArticle(string word) =>
        word.Length > 3 && word.StartsWith("ال", StringComparison.Ordinal) ? (word[2..], true) : (word, false);

    private int WordId(string word)
    {
        if (!_words.TryGetValue(word, out int id)) _words.Add(word, id = _words.Count);
        return id;
    }

    private static Term ParseTerm(string name) =>
        Enum.TryParse<Term>(name, ignoreCase: true, out var t) ? t : throw new InvalidDataException($"lexicon.json: unknown term class '{name}'");
}
