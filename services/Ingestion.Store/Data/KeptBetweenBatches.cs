using Ingestion.Resolution;
using Microsoft.Extensions.ObjectPool;

namespace Ingestion.Store.Data;

/// <summary>
/// What the Store keeps from one batch to the next: the clustering session with the pairs it compared (see
/// <see cref="ClusteringSession.KeepAround"/>), and the rows of the mentions the last batch worked on (see
/// <see cref="MentionRows"/>). Both hold only what never changes once recorded, a mention's content and whether two
/// mentions match, so they stay true whoever writes in between: which incident each mention is filed under, and the
/// incidents themselves, every batch reads from the database. Pooled, so a batch takes what the one before returned.
/// </summary>
public sealed class KeptBetweenBatches(IncidentResolver resolver)
{
    public ClusteringSession Clustering { get; } = new(resolver);

    internal MentionRows Rows { get; } = new();

    /// <summary>A pool for the Store's batches, which run one at a time per process: one is all it keeps.</summary>
    public static ObjectPool<KeptBetweenBatches> Pool(IncidentResolver resolver) => new DefaultObjectPool<KeptBetweenBatches>(new Policy(resolver), 1);

    private sealed class Policy(IncidentResolver resolver) : IPooledObjectPolicy<KeptBetweenBatches>
    {
        public KeptBetweenBatches Create() => new(resolver);

        public bool Return(KeptBetweenBatches kept) => true;
    }
}
