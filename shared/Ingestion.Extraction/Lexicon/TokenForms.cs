namespace Ingestion.Extraction.Lexicon;

/// <summary>One dictionary reading of a token: which word it is once clitics are peeled off.</summary>
internal readonly record struct TokenForm(int WordId, bool HadArticle, bool IsDual, byte Stripped, bool Suffixed = false);

/// <summary>
/// Peels Arabic clitics off a normalised word and looks each remainder up in the word index:
/// conjunctions و ف, prepositions ب ل ك, the article ال (and لل = ل + ال), and the suffixes
/// listed in lexicon.json (attached pronouns, dual and plural endings, taa marbuta before a pronoun).
/// Only remainders that are dictionary words are kept, so stripping never invents a word.
/// </summary>
internal sealed class TokenForms
{
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _words;
    private readonly (string Suffix, string Replacement, bool Dual)[] _suffixRules;
    // Which two-letter openings any dictionary word has: most text words fail this check and cost no lookup.
    private readonly bool[] _openings = new bool[64 * 64];
    private int _longestWord;

    public TokenForms(Dictionary<string, int> words, (string, string, bool)[] suffixRules)
    {
        _words = words.GetAlternateLookup<ReadOnlySpan<char>>();
        _suffixRules = suffixRules;
        _rulesByLastLetter = new (string, string, bool)[64][];
        for (int i = 0; i < 64; i++)
            _rulesByLastLetter[i] = suffixRules.Where(r => (r.Item1[^1] & 63) == i).ToArray();
    }

    private readonly (string Suffix, string Replacement, bool Dual)[][] _rulesByLastLetter;

    /// <summary>Indexes the dictionary's word openings; call once all words are added.</summary>
    public void Freeze(IEnumerable<string> words)
    {
        foreach (var w in words)
        {
            if (w.Length >= 2) _openings[Opening(w)] = true;
            _longestWord = Math.Max(_longestWord, w.Length);
        }
    }

    private static int Opening(ReadOnlySpan<char> s) => ((s[0] & 63) << 6) | (s[1] & 63);

    /// <summary>Appends every dictionary reading of <paramref name="word"/> to <paramref name="forms"/>.</summary>
    public void Analyse(ReadOnlySpan<char> word, List<TokenForm> forms)
    {
        int before = forms.Count;
        // Proclitic layers: [و|ف] [ب|ل|ك] [ال]  — or لل for ل + ال.
        for (int conj = 0; conj <= 1; conj++)
        {
            if (conj == 1 && !(word.Length >= 3 && word[0] is 'و' or 'ف')) break; // «ولم» → «لم»
            var afterConj = word[conj..];
            for (int prep = 0; prep <= 1; prep++)
            {
                if (prep == 1 && !(afterConj.Length > 3 && afterConj[0] is 'ب' or 'ل' or 'ك')) break;
                var afterPrep = afterConj[prep..];
                AnalyseStem(afterPrep, false, conj + prep, forms, before);
                if (afterPrep.Length > 3 && afterPrep[0] == 'ا' && afterPrep[1] == 'ل')
                    AnalyseStem(afterPrep[2..], true, conj + prep + 2, forms, before);
                else if (prep == 1 && afterConj[0] == 'ل' && afterPrep.Length > 2 && afterPrep[0] == 'ل')
                    AnalyseStem(afterPrep[1..], true, conj + prep + 1, forms, before);
            }
        }
    }

    /// <summary>Looks a non-Arabic token (digits, Latin) up as written.</summary>
    public bool TryExact(ReadOnlySpan<char> token, out int wordId) => _words.TryGetValue(token, out wordId);

    private void AnalyseStem(ReadOnlySpan<char> stem, bool article, int stripped, List<TokenForm> forms, int firstOfToken)
    {
        if (stem.Length < 2 || stem.Length > _longestWord + 4 || !_openings[Opening(stem)]) return;
        if (_words.TryGetValue(stem, out int id)) Add(forms, firstOfToken, new TokenForm(id, article, false, (byte)stripped));
        Span<char> buffer = stackalloc char[64];
        foreach (var (suffix, replacement, dual) in _rulesByLastLetter[stem[^1] & 63])
        {
            if (stem.Length - suffix.Length < 2 || !stem.EndsWith(suffix, StringComparison.Ordinal)) continue;
            var root = stem[..^suffix.Length];
            if (root.Length + replacement.Length > buffer.Length) continue;
            root.CopyTo(buffer);
            replacement.AsSpan().CopyTo(buffer[root.Length..]);
            var candidate = buffer[..(root.Length + replacement.Length)];
            if (_words.TryGetValue(candidate, out id))
                Add(forms, firstOfToken, new TokenForm(id, article, dual, (byte)(stripped + suffix.Length), true));
        }
    }

    private static void Add(List<TokenForm> forms, int firstOfToken, TokenForm form)
    {
        for (int i = firstOfToken; i < forms.Count; i++)
            if (forms[i].WordId == form.WordId && forms[i].HadArticle == form.HadArticle) return;
        forms.Add(form);
    }
}
