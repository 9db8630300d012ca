using Ingestion.ServiceDefaults.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ingestion.ServiceDefaults.Persistence;

/// <summary>A group commit whose batches are committed by a scoped service (a store on its own DbContext), one scope per batch.</summary>
public abstract class ScopedGroupCommit<TItem, TResult, TService>(IServiceScopeFactory scopes, ILogger logger) : GroupCommit<TItem, TResult>(logger)
    where TService : notnull
{
    protected abstract Task<IReadOnlyList<TResult>> CommitAsync(TService service, IReadOnlyList<Traced<TItem>> items, CancellationToken ct);

    protected sealed override async Task<IReadOnlyList<TResult>> CommitAsync(IReadOnlyList<Traced<TItem>> items, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await CommitAsync(scope.ServiceProvider.GetRequiredService<TService>(), items, ct);
    }
}
