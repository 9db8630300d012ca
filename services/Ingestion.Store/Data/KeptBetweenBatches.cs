using Ingestion.Resolution;
using Microsoft.Extensions.ObjectPool;

namespace Ingestion.Store.Data;

/// <summary>
/// Clustering sessions are pooled across batches: a pooled session keeps the pairs it compared, and the next batch
/// keeps those of the days it works on (see <see cref="ClusteringSession.KeepAround"/>) instead of comparing them
/// again, and its lists of megabytes instead of growing new ones from empty.
/// </summary>
public sealed class ClusteringSessionPolicy(IncidentResolver resolver) : IPooledObjectPolicy<ClusteringSession>
{
    public ClusteringSession Create() => new(resolver);

    public bool Return(ClusteringSession session) => true;

    /// <summary>A pool for the Store's batches, which run one at a time per process: one session is all it keeps.</summary>
    public static ObjectPool<ClusteringSession> Pool(IncidentResolver resolver) => new DefaultObjectPool<ClusteringSession>(new ClusteringSessionPolicy(resolver), 1);
}
