using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ingestion.ServiceDefaults.Persistence;

/// <summary>
/// Creates the service's database and tables when they do not exist. One database per service keeps
/// EnsureCreated's "any table means done" rule correct. Schema changes to an existing database are
/// not migrated yet (see README, "Not finished").
/// </summary>
internal sealed partial class SchemaInitializer<TContext>(IServiceScopeFactory scopes, ILogger<SchemaInitializer<TContext>> logger)
    : IHostedService where TContext : ServiceDbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        EnsureSqliteFolder(db);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.Database.EnsureCreatedAsync(cancellationToken);
                LogReady(typeof(TContext).Name);
                return;
            }
            catch (Exception error) when (attempt < 30 && !cancellationToken.IsCancellationRequested)
            {
                // The database may still be starting (compose), or a replica is creating the same schema.
                LogRetry(typeof(TContext).Name, attempt, error.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void EnsureSqliteFolder(TContext db)
    {
        if (db.IsPostgres) return;
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }

    [LoggerMessage(LogLevel.Information, "Database schema for {Context} is ready")]
    private partial void LogReady(string context);

    [LoggerMessage(LogLevel.Warning, "Database for {Context} not ready (attempt {Attempt}): {Reason}")]
    private partial void LogRetry(string context, int attempt, string reason);
}
