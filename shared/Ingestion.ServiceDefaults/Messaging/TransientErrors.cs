using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Ingestion.ServiceDefaults.Messaging;

/// <summary>Failures that say "the database is unreachable or busy right now", not "this message is wrong".</summary>
public static class TransientErrors
{
    // admin shutdown, crash shutdown, cannot connect now, too many connections
    private static readonly HashSet<string> TransientSqlStates = ["57P01", "57P02", "57P03", "53300"];
    private const int SqliteBusy = 5, SqliteLocked = 6;

    public static bool IsTransient(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg when TransientSqlStates.Contains(pg.SqlState):
                case NpgsqlException { IsTransient: true }:
                case SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked }:
                case SocketException:
                case TimeoutException:
                    return true;
            }
        }
        return false;
    }
}
