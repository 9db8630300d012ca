using Ingestion.Extraction.Lexicon;
using Ingestion.Extraction.Text;

namespace Ingestion.Extraction.Semantics;

/// <summary>
/// Finds every dictionary phrase in a token stream. Each token is read through all its clitic
/// analyses; within one word class the longest phrase wins (then the one that needed least stripping),
/// while different classes may overlap («الطائرات الحربية الأميركية» is both a weapon and an actor).
/// </summary>
internal static class PhraseMatcher
{
    public static void FindAll(Dictionaries dict, ReadOnlySpan<char> text, List<Token> tokens, List<Match> output, MatchScratch s)
    {
        s.Reset(tokens.Count);
        for (int t = 0; t < tokens.Count; t++)
        {
            s.FormStart[t] = s.Forms.Count;
            var token = tokens[t];
            var span = text[token.Start..token.End];
            if (token.Type == TokenType.Word) dict.Forms.Analyse(span, s.Forms);
            else if (token.Type is TokenType.Number or TokenType.Latin && dict.Forms.TryExact(span, out int id))
                s.Forms.Add(new TokenForm(id, false, false, 0));
        }
        s.FormStart[tokens.Count] = s.Forms.Count;

        for (int t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            if (token.Type == TokenType.Number && TryParseDigits(text[token.Start..token.End], out int number))
                s.Candidates.Add(new Match(Term.Number, number, t, t, false, 0));
            Walk(dict.Trie, s, tokens, t);
        }
        SelectLongest(s.Candidates, output, s);
    }

    private static void Walk(PhraseTrie trie, MatchScratch s, List<Token> tokens, int first)
    {
        s.States.Clear();
        s.States.Add((PhraseTrie.Root, 0, false, false));
        for (int t = first; t < tokens.Count && s.States.Count > 0 && tokens[t].Type is TokenType.Word or TokenType.Number or TokenType.Latin; t++)
        {
            s.Next.Clear();
            foreach (var (node, stripped, _, suffixed) in s.States)
                for (int f = s.FormStart[t]; f < s.FormStart[t + 1]; f++)
                {
                    var form = s.Forms[f];
                    var articleRule = form.HadArticle ? ArticleRule.Required : ArticleRule.Forbidden;
                    if (trie.TryStep(node, form.WordId, ArticleRule.Any, out int child)) s.Next.Add((child, stripped + form.Stripped, form.IsDual, suffixed | form.Suffixed));
                    if (trie.TryStep(node, form.WordId, articleRule, out child)) s.Next.Add((child, stripped + form.Stripped, form.IsDual, suffixed | form.Suffixed));
                }
            foreach (var (node, stripped, dual, suffixed) in s.Next)
            {
                var payloads = trie.PayloadsAt(node);
                if (payloads is null) continue;
                foreach (var p in payloads)
                    if (!(suffixed && p.Term is Term.Place or Term.Number)) // «عراقي» is not «العراق»; «عشرات» is not «عشر»
                        s.Candidates.Add(new Match(p.Term, p.Value, first, t, dual, stripped, suffixed));
            }
            (s.States, s.Next) = (s.Next, s.States);
        }
    }

    /// <summary>
    /// Per word class, greedy left to right: the longest phrase, then the least stripped, wins.
    /// Candidates arrive ordered by their first token (the walk goes left to right), so one pass suffices.
    /// </summary>
    private static void SelectLongest(List<Match> candidates, List<Match> output, MatchScratch s)
    {
        Array.Fill(s.LastEnd, -1);
        int i = 0;
        while (i < candidates.Count)
        {
            int first = candidates[i].First, groupEnd = i;
            s.Touched.Clear();
            for (; groupEnd < candidates.Count && candidates[groupEnd].First == first; groupEnd++)
            {
                var c = candidates[groupEnd];
                int term = (int)c.Term;
                int best = s.Best[term];
                if (best < i) { s.Best[term] = groupEnd; s.Touched.Add(term); continue; }
                var b = candidates[best];
                if (c.Length > b.Length || (c.Length == b.Length && c.Stripped < b.Stripped)) s.Best[term] = groupEnd;
            }
            s.Touched.Sort();
            foreach (int term in s.Touched)
            {
                var m = candidates[s.Best[term]];
                if (m.First <= s.LastEnd[term]) continue;
                output.Add(m);
                s.LastEnd[term] = m.Last;
            }
            i = groupEnd;
        }
    }

    private static bool TryParseDigits(ReadOnlySpan<char> span, out int value)
    {
        value = 0;
        foreach (char c in span)
        {
            if (c is ',' ) continue;
            if (c == '.') break;
            if (value > 100_000_000) return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}

/// <summary>Reusable per-thread buffers so a steady stream of articles allocates little.</summary>
internal sealed class MatchScratch
{
    public readonly List<TokenForm> Forms = new(1024);
    public int[] FormStart = new int[1024];
    public readonly List<Match> Candidates = new(512);
    public List<(int Node, int Stripped, bool Dual, bool Suffixed)> States = new(8), Next = new(8);

    public readonly int[] LastEnd = new int[256], Best = new int[256];
    public readonly List<int> Touched = new(8);

    public void Reset(int tokenCount)
    {
        Array.Fill(Best, -1);
        Forms.Clear();
        Candidates.Clear();
        if (FormStart.Length < tokenCount + 1) FormStart = new int[Math.Max(tokenCount + 1, FormStart.Length * 2)];
    }
}
