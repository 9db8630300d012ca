namespace Ingestion.Extraction.Text;

/// <summary>
/// Folds Arabic spelling variation to one form while remembering, for every output character,
/// where it came from, so evidence can be reported in the caller's original text.
/// </summary>
internal static class ArabicNormalizer
{
    /// <summary>Normalises <paramref name="source"/> into <paramref name="output"/>; map[i] is the original index of output[i].</summary>
    public static int Normalize(ReadOnlySpan<char> source, Span<char> output, Span<int> map)
    {
        int n = 0;
        for (int i = 0; i < source.Length; i++)
        {
            char c = Fold(source[i]);
            if (c == '\0') continue;
            output[n] = c;
            map[n] = i;
            n++;
        }
        return n;
    }

    /// <summary>Normalises a dictionary entry (no offsets needed) and collapses whitespace.</summary>
    public static string NormalizeEntry(string text)
    {
        var buffer = new char[text.Length];
        int n = 0;
        bool space = false;
        foreach (char raw in text)
        {
            char c = Fold(raw);
            if (c == '\0') continue;
            if (char.IsWhiteSpace(c)) { space = n > 0; continue; }
            if (space) { buffer[n++] = ' '; space = false; }
            buffer[n++] = c;
        }
        return new string(buffer, 0, n);
    }

    /// <summary>One character's folded form, or '\0' when it carries no lexical information (diacritics, tatweel).</summary>
    public static char Fold(char c)
    {
        if (c < 0x80) return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        switch (c)
        {
            case 'أ': case 'إ': case 'آ': case 'ٱ': case 'ٲ': case 'ٳ': return 'ا';
            case 'ة': return 'ه';
            case 'ى': return 'ي';
            case 'ی': return 'ي';   // Persian yeh
            case 'ک': return 'ك';   // Persian kaf
            case 'ؤ': return 'و';
            case 'ئ': return 'ي';
            case 'ـ': return '\0';  // tatweel
            case '،': return ',';
            case '؛': return ';';
            case '؟': return '?';
            case '٪': return '%';
            case '«': case '»': case '“': case '”': case '„': case '″': return '"';
            case '‘': case '’': case '‚': case '′': return '\'';
            case '\u00A0': case '\u2009': case '\u202F': return ' ';
            case '\u200C': case '\u200D': case '\u200E': case '\u200F': case '\u061C': return '\0';
            case '–': case '—': return '-';
        }
        if (c is >= '\u064B' and <= '\u065F' || c == '\u0670') return '\0'; // harakat, shadda, sukun, dagger alef
        if (c is >= '\u0660' and <= '\u0669') return (char)('0' + (c - '\u0660'));
        if (c is >= '\u06F0' and <= '\u06F9') return (char)('0' + (c - '\u06F0'));
        return c;
    }
}
