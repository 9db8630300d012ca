using Ingestion.Dedupe;
using Ingestion.Resolution;

namespace Ingestion.Resolution.Benchmarks;

/// <summary>Seeded generators for benchmark data.</summary>
internal static class Synthetic
{
    private const string Letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";

    /// <summary>
    /// Signatures of unrelated articles: the MinHash values of unrelated texts are independent and uniform, so
    /// random values stand in for a million real texts without hashing a million texts.
    /// </summary>
    public static ulong[] RandomSignature(Random rng)
    {
        var sig = new ulong[ArticleFingerprint.SignatureLength];
        for (int i = 0; i < sig.Length; i++) sig[i] = (ulong)rng.NextInt64() ^ ((ulong)rng.Next() << 63);
        return sig;
    }

    /// <summary>A copy of <paramref name="signature"/> with a share of positions changed: a lightly edited republication.</summary>
    public static ulong[] NearCopy(ulong[] signature, double changed, Random rng)
    {
        var copy = (ulong[])signature.Clone();
        for (int i = 0; i < copy.Length; i++) if (rng.NextDouble() < changed) copy[i] = (ulong)rng.NextInt64();
        return copy;
    }

    /// <summary>Arabic-looking text from a 5,000-word vocabulary of random 3–7 letter words.</summary>
    public static string ArabicText(Random rng, int words)
    {
        var vocabulary = Enumerable.Range(0, 5000).Select(_ =>
            new string(Enumerable.Range(0, rng.Next(3, 8)).Select(_ => Letters[rng.Next(Letters.Length)]).ToArray())).ToArray();
        return string.Join(' ', Enumerable.Range(0, words).Select(_ => vocabulary[rng.Next(vocabulary.Length)]));
    }

    private static readonly string[] Kinds = ["rocket_attack", "drone_attack", "missile_attack", "airstrike", "explosion", "other_attack"];
    private static readonly string?[] Attackers = [null, "unknown", "militia", "kataib_hezbollah", "islamic_resistance_in_iraq", "us_forces"];
    private static readonly string[] Precisions = ["site", "site", "city", "city", "province"];

    /// <summary>A mention somewhere in Iraq or Syria within a year: 100,000 of them are ~270 a day, far denser than reality.</summary>
    public static IncidentMention Mention(Random rng)
    {
        var published = new DateOnly(2024, 1, 1).AddDays(rng.Next(365));
        DateOnly? date = rng.Next(6) == 0 ? null : published.AddDays(-rng.Next(3));
        double lat = 30 + rng.NextDouble() * 7.5, lon = 38 + rng.NextDouble() * 10;
        var place = rng.Next(50) == 0
            ? new MentionPlace(null, "country", lon < 42 ? "SY" : "IQ", lat, lon, "country")
            : new MentionPlace(null, "p", lon < 42 ? "SY" : "IQ", lat, lon, Precisions[rng.Next(Precisions.Length)]);
        return new IncidentMention(Guid.NewGuid(), Guid.NewGuid(), $"outlet{rng.Next(40)}", published, Kinds[rng.Next(Kinds.Length)],
            date, 1, place, Attackers[rng.Next(Attackers.Length)], "us_forces", null, null, false, null, [], 0.7, "");
    }
}
