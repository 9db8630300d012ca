using Ingestion.Extraction.Lexicon;

namespace Ingestion.Extraction.Semantics;

/// <summary>The matches of one clause, with the neighbourhood queries the readers need.</summary>
internal readonly struct ClauseView
{
    public readonly ArticleScan Scan;
    public readonly Clause Clause;
    public readonly int MatchFrom, MatchTo; // [from, to) into Scan.Matches

    public ClauseView(ArticleScan scan, Clause clause)
    {
        Scan = scan;
        Clause = clause;
        MatchFrom = scan.FirstMatchAtOrAfter(clause.First);
        int to = MatchFrom;
        while (to < scan.Matches.Count && scan.Matches[to].First <= clause.Last) to++;
        MatchTo = to;
    }

    public Match this[int i] => Scan.Matches[i];

    public bool Has(Term term)
    {
        for (int i = MatchFrom; i < MatchTo; i++) if (Scan.Matches[i].Term == term) return true;
        return false;
    }

    /// <summary>A match of <paramref name="term"/> ending within <paramref name="before"/> tokens before <paramref name="token"/>.</summary>
    public bool Precedes(Term term, int token, int before) => FindBefore(term, token, before) >= 0;

    public int FindBefore(Term term, int token, int before)
    {
        for (int i = MatchTo - 1; i >= MatchFrom; i--)
        {
            var m = Scan.Matches[i];
            if (m.Term == term && m.Last < token && token - m.Last <= before) return i;
        }
        return -1;
    }

    /// <summary>A match of <paramref name="term"/> starting within <paramref name="after"/> tokens after <paramref name="token"/>.</summary>
    public int FindAfter(Term term, int token, int after)
    {
        for (int i = MatchFrom; i < MatchTo; i++)
        {
            var m = Scan.Matches[i];
            if (m.Term == term && m.First > token && m.First - token <= after) return i;
        }
        return -1;
    }

    public bool Follows(Term term, int token, int after) => FindAfter(term, token, after) >= 0;

    /// <summary>Whether any token between a and b (exclusive) is a comma: a comma usually closes a noun phrase.</summary>
    public bool CommaBetween(int a, int b)
    {
        for (int t = a + 1; t < b; t++) if (Scan.Tokens[t].Type == Text.TokenType.Comma) return true;
        return false;
    }
}
