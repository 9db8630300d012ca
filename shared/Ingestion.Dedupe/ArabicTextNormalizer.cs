using System.Globalization;
using System.Text;

namespace Ingestion.Dedupe;

/// <summary>
/// Folds the spelling variation that lightly edited copies of one Arabic story show: presentation forms and
/// ligatures (NFKC), hamza-carrying alef forms, taa marbuta, alef maqsura, Persian yeh/kaf, tatweel, harakat,
/// Arabic-Indic digits, invisible direction marks, punctuation and whitespace.
/// </summary>
internal static class ArabicTextNormalizer
{
    public static string Normalize(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        bool pendingSpace = false;
        foreach (char c in folded)
        {
            char? mapped = Map(c);
            if (mapped is null) continue;               // removed without a trace (diacritics, tatweel, format marks)
            if (mapped == ' ') { pendingSpace = sb.Length > 0; continue; }
            if (pendingSpace) { sb.Append(' '); pendingSpace = false; }
            sb.Append(mapped.Value);
        }
        return sb.ToString();
    }

    private static char? Map(char c)
    {
        switch (c)
        {
            case '\u0622' or '\u0623' or '\u0625' or '\u0671' or '\u0672' or '\u0673': return '\u0627'; // alef forms → ا
            case '\u0629': return '\u0647';                   // ة → ه
            case '\u0649' or '\u06CC': return '\u064A';       // ى, Persian ی → ي
            case '\u06A9': return '\u0643';                   // Persian ک → ك
            case '\u0640': return null;                       // tatweel
            case >= '\u064B' and <= '\u065F': return null;    // harakat, shadda, sukun
            case '\u0670': return null;                       // superscript alef
            case >= '\u06D6' and <= '\u06ED': return null;    // Quranic annotation marks
            case >= '\u0660' and <= '\u0669': return (char)('0' + (c - '\u0660'));
            case >= '\u06F0' and <= '\u06F9': return (char)('0' + (c - '\u06F0'));
        }
        var category = char.GetUnicodeCategory(c);
        if (category is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark) return null;
        return char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ';
    }
}
