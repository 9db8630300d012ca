using Ingestion.Extraction.Lexicon;

namespace Ingestion.Extraction.Semantics;

/// <summary>A count read near a casualty word: the number and whether it is a lower bound («ما لا يقل عن», «أكثر من», «على الأقل»).</summary>
internal readonly record struct Count(int? Value, int? Min);

/// <summary>
/// Reads the number that quantifies a word: digits in either script and number words (already
/// matched as Term.Number), compound tens («خمسة وعشرون»), qualifiers before the number and
/// «على الأقل» after the phrase, and «عشرات» (dozens: at least 20, exact value unknown).
/// </summary>
internal static class NumberReader
{
    /// <summary>The number starting within <paramref name="window"/> tokens after <paramref name="token"/>, skipping qualifiers.</summary>
    public static Count? After(in ClauseView v, int token, int window)
    {
        bool atLeast = false, moreThan = false;
        for (int i = v.MatchFrom; i < v.MatchTo; i++)
        {
            var m = v[i];
            if (m.First <= token) continue;
            if (m.First - token > window) break;
            switch (m.Term)
            {
                case Term.AtLeast or Term.About: atLeast |= m.Term == Term.AtLeast; window = m.Last - token + 2; break;
                case Term.MoreThan: moreThan = true; window = m.Last - token + 2; break;
                case Term.Dozens: return new Count(null, 20);
                case Term.Number:
                    int value = Compound(v, i);
                    if (v.Follows(Term.AtLeastAfter, LastOfNumber(v, i), 4)) atLeast = true;
                    return new Count(value, moreThan ? value + 1 : atLeast ? value : null);
            }
        }
        return null;
    }

    /// <summary>The number ending right before <paramref name="token"/> (e.g. «خمسة قتلى»), with a qualifier before it.</summary>
    public static Count? Before(in ClauseView v, int token, int window)
    {
        int n = v.FindBefore(Term.Number, token, window);
        if (n < 0) return null;
        int first = v[n].First;
        if (n > v.MatchFrom && v[n - 1].Term == Term.Number && v[n - 1].Last == first - 1) { n--; first = v[n].First; }
        int value = Compound(v, n);
        bool moreThan = v.Precedes(Term.MoreThan, first, 1);
        bool atLeast = v.Precedes(Term.AtLeast, first, 1) || v.Follows(Term.AtLeastAfter, token, 4);
        return new Count(value, moreThan ? value + 1 : atLeast ? value : null);
    }

    /// <summary>«خمسة وعشرون» is two number words, the second carrying the conjunction: their sum.</summary>
    private static int Compound(in ClauseView v, int i)
    {
        int value = v[i].Value;
        if (i + 1 < v.MatchTo && v[i + 1].Term == Term.Number && v[i + 1].First == v[i].Last + 1
            && v.Scan.Norm[v.Scan.Tokens[v[i + 1].First].Start] == 'و' && v[i].Value < 10 && v[i + 1].Value % 10 == 0)
            value += v[i + 1].Value;
        return value;
    }

    private static int LastOfNumber(in ClauseView v, int i) =>
        i + 1 < v.MatchTo && v[i + 1].Term == Term.Number && v[i + 1].First == v[i].Last + 1 ? v[i + 1].Last : v[i].Last;
}
