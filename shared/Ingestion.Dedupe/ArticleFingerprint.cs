using System.Security.Cryptography;
using System.Text;

namespace Ingestion.Dedupe;

/// <summary>
/// Exact and near-duplicate fingerprints of article text. Signatures are MinHash over word 3-shingles of the
/// normalised text; <see cref="SignatureLength"/> values split into <see cref="Bands"/> bands of
/// <see cref="RowsPerBand"/> rows for LSH (candidate probability ≈ 0.95 at similarity 0.8, 0.61 at 0.7).
/// The hash seeds are part of the stored data: changing them invalidates every stored signature and band key.
/// </summary>
public static class ArticleFingerprint
{
    public const int SignatureLength = 128;
    public const int Bands = 16;
    public const int RowsPerBand = SignatureLength / Bands;
    public const int ShingleWords = 3;

    public static string NormalizeForHash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ArabicTextNormalizer.Normalize(text);
    }

    /// <summary>Lowercase hex SHA-256 of the UTF-8 normalised text: equal for copies differing only in spelling variants and punctuation.</summary>
    public static string ContentHash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(NormalizeForHash(text))));

    /// <summary>
    /// MinHash signature. A text shorter than a shingle is one shingle; an empty text gets the all-max
    /// <see cref="IsEmpty">empty signature</see>, which the index neither stores nor matches.
    /// </summary>
    public static ulong[] MinHashSignature(string text)
    {
        var signature = new ulong[SignatureLength];
        Array.Fill(signature, ulong.MaxValue);
        foreach (ulong shingle in Shingles(NormalizeForHash(text)))
            for (int i = 0; i < SignatureLength; i++)
            {
                ulong v = Hashing.Mix(shingle ^ Hashing.Seeds[i]);
                if (v < signature[i]) signature[i] = v;
            }
        return signature;
    }

    /// <summary>Share of equal positions: an unbiased estimate of the Jaccard similarity of the shingle sets.</summary>
    public static double EstimatedSimilarity(ulong[] a, ulong[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length != b.Length || a.Length == 0) throw new ArgumentException("Signatures must have the same, non-zero length.");
        int equal = 0;
        for (int i = 0; i < a.Length; i++) if (a[i] == b[i]) equal++;
        return (double)equal / a.Length;
    }

    /// <summary>
    /// One key per band, "bb" (band, hex) followed by 16 hex digits of the band's hash. Two articles are LSH
    /// candidates when they share any key; store them in an indexed table and verify candidates with
    /// <see cref="EstimatedSimilarity"/>.
    /// </summary>
    public static IEnumerable<string> LshBandKeys(ulong[] signature)
    {
        Hashing.RequireSignature(signature);
        for (int band = 0; band < Bands; band++)
            yield return $"{band:x2}{Hashing.BandHash(signature, band):x16}";
    }

    public static bool IsEmpty(ulong[] signature) => signature.All(v => v == ulong.MaxValue);

    private static IEnumerable<ulong> Shingles(string normalized)
    {
        var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) yield break;
        if (words.Length < ShingleWords) { yield return Hashing.Fnv1a(words, 0, words.Length); yield break; }
        for (int i = 0; i + ShingleWords <= words.Length; i++) yield return Hashing.Fnv1a(words, i, ShingleWords);
    }
}
