namespace Ingestion.Extraction.Lexicon;

/// <summary>Whether a phrase word must (or must not) carry the article ال: «الأحد» is Sunday, «أحد» is «one».</summary>
internal enum ArticleRule : byte { Any = 0, Required = 1, Forbidden = 2 }

/// <summary>
/// A trie over word ids: every dictionary phrase is a path; its end node carries what the phrase means.
/// Edges live in one flat hash keyed by (node, word, article rule) so a step is a single lookup.
/// </summary>
internal sealed class PhraseTrie
{
    private readonly Dictionary<long, int> _edges = new();
    private readonly List<List<Payload>?> _payloads = [null];

    public const int Root = 0;

    public void Add(ReadOnlySpan<(int WordId, ArticleRule Rule)> phrase, Payload payload)
    {
        int node = Root;
        foreach (var (wordId, rule) in phrase)
        {
            long key = Key(node, wordId, rule);
            if (!_edges.TryGetValue(key, out int child))
            {
                child = _payloads.Count;
                _payloads.Add(null);
                _edges.Add(key, child);
            }
            node = child;
        }
        var list = _payloads[node] ??= [];
        if (!list.Contains(payload)) list.Add(payload);
    }

    public bool TryStep(int node, int wordId, ArticleRule rule, out int child) =>
        _edges.TryGetValue(Key(node, wordId, rule), out child);

    public List<Payload>? PayloadsAt(int node) => _payloads[node];

    private static long Key(int node, int wordId, ArticleRule rule) =>
        ((long)node << 32) | ((long)wordId << 2) | (long)rule;
}
