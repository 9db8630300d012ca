using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Ingestion.ServiceDefaults.Persistence;

public static class DatabaseRegistration
{
    /// <summary>
    /// Registers a service's DbContext on PostgreSQL or SQLite (from "Database:Provider"), creates its
    /// schema at start-up before the bus starts, and reports the database in /health.
    /// Call it before AddIngestionBus so the schema exists when consumers start.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : ServiceDbContext
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is required");
        // Pooled contexts with options built once: AddDbContext built the options (and parsed the connection string)
        // again for every scope, that is for every message consumed, and EF Core then set up each context's services
        // anew. A pooled context is reset when it goes back (change tracker, transaction, connection); the contexts
        // here keep no state of their own.
        var postgresConnectionString = options.Provider == DatabaseProvider.Sqlite ? null : WithDefaults(connectionString, options);
        builder.Services.AddDbContextPool<TContext>(db =>
        {
            if (postgresConnectionString is null) db.UseSqlite(connectionString);
            else db.UseNpgsql(postgresConnectionString);
        });
        builder.Services.AddHostedService<SchemaInitializer<TContext>>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck<TContext>>(typeof(TContext).Name);
        return builder;
    }

    /// <summary>
    /// The connection string with the configured pool limit and statement preparation (<see cref="DatabaseOptions"/>),
    /// and without the reset of pooled connections, where it does not set them itself.
    /// </summary>
    public static string WithDefaults(string connectionString, DatabaseOptions options)
    {
        // Npgsql's builder reports every keyword it knows as present, so the keys given are read as written.
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Maximum Pool Size") && !given.ContainsKey("MaxPoolSize")) settings.MaxPoolSize = options.MaxPoolSize;
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare")) settings.MaxAutoPrepare = options.MaxAutoPrepare;
        // A connection back in the pool is reset with DISCARD ALL and friends before its next use, a round trip and
        // work for PostgreSQL each time (a sixteenth of its statement time in the load run). Nothing here leaves state on
        // a session (locks are transaction-scoped, no SET, no temporary tables), and an open transaction is still rolled back.
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose")) settings.NoResetOnClose = true;
        return settings.ConnectionString;
    }
}
