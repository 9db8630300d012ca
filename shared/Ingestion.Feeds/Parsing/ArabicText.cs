namespace Ingestion.Feeds;

internal static class ArabicText
{
    /// <summary>Arabic-Indic (٠..٩) and Extended Arabic-Indic (۰..۹) digits to ASCII, so dates and numbers parse.</summary>
    public static string NormaliseDigits(string s)
    {
        if (!s.AsSpan().ContainsAnyInRange('\u0660', '\u06F9')) return s;
        return string.Create(s.Length, s, static (dst, src) =>
        {
            for (var i = 0; i < src.Length; i++)
            {
                var c = src[i];
                dst[i] = c switch
                {
                    >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
                    >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
                    _ => c,
                };
            }
        });
    }

    public static bool IsArabicLetter(char c) => c is >= '\u0621' and <= '\u064A' or >= '\u0671' and <= '\u06D3' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';
}
