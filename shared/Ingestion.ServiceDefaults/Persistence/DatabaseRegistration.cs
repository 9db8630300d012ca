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
        builder.Services.AddDbContext<TContext>(db =>
        {
            if (options.Provider == DatabaseProvider.Sqlite) db.UseSqlite(connectionString);
            else db.UseNpgsql(WithPoolLimit(connectionString, options.MaxPoolSize));
        });
        builder.Services.AddHostedService<SchemaInitializer<TContext>>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck<TContext>>(typeof(TContext).Name);
        return builder;
    }

    /// <summary>The connection string with a pool limit of <paramref name="maxPoolSize"/>, unless it sets one itself.</summary>
    public static string WithPoolLimit(string connectionString, int maxPoolSize)
    {
        // Npgsql's builder reports every keyword it knows as present, so the keys given are read as written.
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("Maximum Pool Size") || given.ContainsKey("MaxPoolSize")) return connectionString;
        return new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = maxPoolSize }.ConnectionString;
    }
}
