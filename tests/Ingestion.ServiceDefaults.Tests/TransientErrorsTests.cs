using System.Net.Sockets;
using Ingestion.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ingestion.ServiceDefaults.Tests;

public sealed class TransientErrorsTests
{
    [Fact]
    public void A_refused_connection_wrapped_by_ef_is_transient() =>
        Assert.True(TransientErrors.IsTransient(new DbUpdateException("save failed", new NpgsqlException("connect failed", new SocketException(111)))));

    [Fact]
    public void A_database_shutting_down_is_transient() =>
        Assert.True(TransientErrors.IsTransient(new InvalidOperationException("outer", new PostgresException("terminating", "FATAL", "FATAL", "57P01"))));

    [Fact]
    public void A_broken_message_or_constraint_is_not_transient()
    {
        Assert.False(TransientErrors.IsTransient(new InvalidMessageException("unknown kind")));
        Assert.False(TransientErrors.IsTransient(new DbUpdateException("dup", new PostgresException("duplicate key", "ERROR", "ERROR", "23505"))));
    }
}
