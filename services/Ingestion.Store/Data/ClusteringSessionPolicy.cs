using Ingestion.Resolution;
using Microsoft.Extensions.ObjectPool;

namespace Ingestion.Store.Data;

/// <summary>
/// Clustering sessions are pooled across batches (see <see cref="ClusteringSession.Reset"/>): a busy week fills a
/// session's lists with megabytes of pairs, and a pooled session keeps them for the next batch instead of growing
/// new ones from empty.
/// </summary>
public sealed class ClusteringSessionPolicy(IncidentResolver resolver) : IPooledObjectPolicy<ClusteringSession>
{
    public ClusteringSession Create() => new(resolver);

    public bool Return(ClusteringSession session)
    {
        session.Reset();
        return true;
    }

    /// <summary>A pool for the Store's batches, which run one at a time per process: one session is all it keeps.</summary>
    public static ObjectPool<ClusteringSession> Pool(IncidentResolver resolver) => new DefaultObjectPool<ClusteringSession>(new ClusteringSessionPolicy(resolver), 1);
}
