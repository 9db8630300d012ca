using Ingestion.Extraction.Lexicon;
using Ingestion.Extraction.Text;

namespace Ingestion.Extraction.Semantics;

/// <summary>
/// One article read into normalised text, tokens, phrase matches, and sentence/clause structure.
/// Offsets: tokens index <see cref="Norm"/>; <see cref="ToOriginal"/> maps back to the caller's text.
/// </summary>
internal sealed class ArticleScan
{
    public string Original = "";
    public char[] Norm = new char[4096];
    public int[] Map = new int[4096];
    public int NormLength;
    public readonly List<Token> Tokens = new(1024);
    public readonly List<Match> Matches = new(512);
    public readonly List<Clause> Clauses = new(128);
    public readonly List<(int First, int Last)> Sentences = new(64);
    public readonly MatchScratch Scratch = new();
    private readonly NoiseLines _noise = new();

    public void Read(Dictionaries dict, string text)
    {
        Original = text;
        if (Norm.Length < text.Length) { Norm = new char[text.Length * 2]; Map = new int[text.Length * 2]; }
        NormLength = ArabicNormalizer.Normalize(text, Norm, Map);
        Tokens.Clear(); Matches.Clear(); Clauses.Clear(); Sentences.Clear();
        var norm = Norm.AsSpan(0, NormLength);
        Tokenizer.Tokenize(norm, Tokens);
        _noise.Mark(dict, norm, Tokens);
        PhraseMatcher.FindAll(dict, norm, Tokens, Matches, Scratch);
        Segment();
    }

    public int ToOriginal(int normIndex) => normIndex >= NormLength ? Original.Length : Map[normIndex];

    public (int Start, int End) OriginalSpan(int firstToken, int lastToken) =>
        (Map[Tokens[firstToken].Start], Map[Tokens[lastToken].End - 1] + 1);

    public bool IsNoise(int token) => _noise.IsNoiseLine(Tokens[token].Line);

    /// <summary>Index of the first match whose First token is at or after <paramref name="token"/>.</summary>
    public int FirstMatchAtOrAfter(int token)
    {
        int lo = 0, hi = Matches.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Matches[mid].First < token) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>Sentences end at . ! ? ; and line ends; clauses start at clause-opening connectives.</summary>
    private void Segment()
    {
        int start = -1;
        for (int t = 0; t <= Tokens.Count; t++)
        {
            bool end = t == Tokens.Count || Tokens[t].IsBoundary;
            if (!end && start < 0 && !IsNoise(t)) start = t;
            if (!end || start < 0) continue;
            if (!IsNoise(start)) AddSentence(start, t - 1);
            start = -1;
        }
    }

    /// <summary>«على بعد 60 كلم» contains «بعد» but is a distance, not a clause opening «بعد».</summary>
    private bool InsideDistance(int token)
    {
        for (int m = FirstMatchAtOrAfter(Math.Max(0, token - 1)); m < Matches.Count && Matches[m].First <= token; m++)
            if (Matches[m].Term == Term.Distance && Matches[m].Last >= token && Matches[m].First < token) return true;
        return false;
    }

    private void AddSentence(int first, int last)
    {
        int sentence = Sentences.Count;
        Sentences.Add((first, last));
        int clauseStart = first;
        bool background = false;
        for (int m = FirstMatchAtOrAfter(first); m < Matches.Count && Matches[m].First <= last; m++)
        {
            var match = Matches[m];
            if (match.Term is not (Term.ClauseBreak or Term.BackgroundBreak) || match.First == first || InsideDistance(match.First))
            {
                if (match.First == first && match.Term == Term.BackgroundBreak) background = true;
                continue;
            }
            if (match.First > clauseStart) Clauses.Add(new Clause(clauseStart, match.First - 1, sentence, background));
            clauseStart = match.First;
            background = match.Term == Term.BackgroundBreak;
        }
        Clauses.Add(new Clause(clauseStart, last, sentence, background));
    }
}
