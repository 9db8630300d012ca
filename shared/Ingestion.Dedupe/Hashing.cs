namespace Ingestion.Dedupe;

/// <summary>Fixed, dependency-free 64-bit hashing for shingles, MinHash and LSH bands.</summary>
internal static class Hashing
{
    /// <summary>One seed per MinHash function, from a SplitMix64 stream with a fixed start: never change it.</summary>
    public static readonly ulong[] Seeds = MakeSeeds(ArticleFingerprint.SignatureLength, 0x5EED0FA2AB1CUL);

    /// <summary>SplitMix64 finaliser: a bijective avalanche mix, so x ^ seed gives independent-looking hash functions.</summary>
    public static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>FNV-1a over the UTF-16 code units of words[start..start+count], with a separator between words.</summary>
    public static ulong Fnv1a(string[] words, int start, int count)
    {
        ulong h = 0xCBF29CE484222325UL;
        for (int w = start; w < start + count; w++)
        {
            foreach (char c in words[w]) { h ^= c; h *= 0x100000001B3UL; }
            h ^= 0x20; h *= 0x100000001B3UL;
        }
        return h;
    }

    public static ulong BandHash(ulong[] signature, int band)
    {
        ulong h = Mix(0xB0A4D5EEDUL + (ulong)band);
        for (int i = band * ArticleFingerprint.RowsPerBand; i < (band + 1) * ArticleFingerprint.RowsPerBand; i++)
            h = Mix(h ^ signature[i]);
        return h;
    }

    public static void RequireSignature(ulong[] signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (signature.Length != ArticleFingerprint.SignatureLength)
            throw new ArgumentException($"A signature has {ArticleFingerprint.SignatureLength} values.", nameof(signature));
    }

    private static ulong[] MakeSeeds(int count, ulong state)
    {
        var seeds = new ulong[count];
        for (int i = 0; i < count; i++) { state += 0x9E3779B97F4A7C15UL; seeds[i] = Mix(state); }
        return seeds;
    }
}
