namespace Ingestion.Dedupe;

/// <summary>
/// In-memory LSH index of article signatures. Per article it keeps the signature as 128 uint (the low half of each
/// MinHash value: equal by accident with probability 2^-32), the article id and one chain link per band; band keys
/// live in one <see cref="BandTable"/>. Thread-safe: calls are serialised by a lock.
/// </summary>
public sealed class NearDuplicateIndex
{
    private const int ChunkBits = 12; // 4096 articles per chunk: arrays grow without copying, and stay off the LOH-copy path
    private const int ChunkSize = 1 << ChunkBits;
    private const int K = ArticleFingerprint.SignatureLength, B = ArticleFingerprint.Bands;

    private readonly List<uint[]> _signatures = [];
    private readonly List<Guid[]> _ids = [];
    private readonly List<int[]> _next = []; // per (article, band) entry: the previous entry with the same band key, or -1
    private readonly BandTable _table = new();
    private readonly HashSet<int> _seen = [];
    private readonly object _gate = new();

    /// <param name="threshold">Minimum estimated similarity of a match. The fixed 16×8 band layout finds a pair at
    /// similarity 0.8 with probability 0.95 and at 0.9 with 0.9999, but at 0.6 with only 0.24: thresholds below
    /// about 0.7 lose recall, not precision.</param>
    public NearDuplicateIndex(double threshold = 0.8)
    {
        if (threshold is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(threshold), "Threshold is in (0, 1].");
        Threshold = threshold;
    }

    public double Threshold { get; }

    public int Count { get; private set; }

    /// <summary>
    /// The stored article most similar to <paramref name="signature"/> among those sharing a band with it, when its
    /// estimated similarity reaches the threshold; ties go to the earliest added (the original, not a later copy).
    /// </summary>
    public NearDuplicateMatch? FindNearDuplicate(ulong[] signature)
    {
        Hashing.RequireSignature(signature);
        if (ArticleFingerprint.IsEmpty(signature)) return null;
        lock (_gate)
        {
            _seen.Clear();
            int best = -1, bestEqual = -1;
            for (int band = 0; band < B; band++)
                for (int entry = _table.Head(BandKey(signature, band)); entry >= 0; entry = NextOf(entry))
                {
                    int article = entry / B;
                    if (!_seen.Add(article)) continue;
                    int equal = EqualPositions(signature, article);
                    if (equal > bestEqual || (equal == bestEqual && article < best)) (best, bestEqual) = (article, equal);
                }
            if (best < 0 || (double)bestEqual / K < Threshold) return null;
            return new NearDuplicateMatch(_ids[best >> ChunkBits][best & (ChunkSize - 1)], (double)bestEqual / K);
        }
    }

    /// <summary>Stores an article. Empty-text signatures are ignored: empty pages are not copies of each other.</summary>
    public void Add(Guid articleId, ulong[] signature)
    {
        Hashing.RequireSignature(signature);
        if (ArticleFingerprint.IsEmpty(signature)) return;
        lock (_gate)
        {
            int article = Count;
            if ((article & (ChunkSize - 1)) == 0)
            {
                _signatures.Add(new uint[ChunkSize * K]);
                _ids.Add(new Guid[ChunkSize]);
                _next.Add(new int[ChunkSize * B]);
            }
            int local = article & (ChunkSize - 1);
            var sig = _signatures[^1];
            for (int i = 0; i < K; i++) sig[local * K + i] = (uint)signature[i];
            _ids[^1][local] = articleId;
            for (int band = 0; band < B; band++)
                _next[^1][local * B + band] = _table.Push(BandKey(signature, band), article * B + band);
            Count++;
        }
    }

    private int EqualPositions(ulong[] signature, int article)
    {
        var sig = _signatures[article >> ChunkBits];
        int offset = (article & (ChunkSize - 1)) * K, equal = 0;
        for (int i = 0; i < K; i++) if ((uint)signature[i] == sig[offset + i]) equal++;
        return equal;
    }

    private int NextOf(int entry) => _next[entry / (ChunkSize * B)][entry % (ChunkSize * B)];

    private static uint BandKey(ulong[] signature, int band)
    {
        ulong h = Hashing.BandHash(signature, band);
        return (uint)(h ^ (h >> 32));
    }
}

/// <summary>A stored article that the looked-up text nearly duplicates, and their estimated similarity.</summary>
public sealed record NearDuplicateMatch(Guid ArticleId, double Similarity);
