using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ingestion.ServiceDefaults.Tests;

/// <summary>The log levels a host ships with when nothing configures them, and an operator's say over each.</summary>
public sealed class LoggingDefaultsTests
{
    private const string SqlCommands = "Microsoft.EntityFrameworkCore.Database.Command";
    private const string Requests = "Microsoft.AspNetCore.Hosting.Diagnostics";
    private const string Consumer = "Ingestion.Store.Consumers.StoreIncidentConsumer";

    [Fact]
    public async Task A_host_with_no_logging_configuration_reports_its_own_work_but_not_every_sql_command_or_request()
    {
        await using var app = Build();
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();

        Assert.False(loggers.CreateLogger(SqlCommands).IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger(SqlCommands).IsEnabled(LogLevel.Warning));
        Assert.False(loggers.CreateLogger(Requests).IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger("MassTransit.ReceiveTransport").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("Microsoft.Hosting.Lifetime").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger(Consumer).IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger(Consumer).IsEnabled(LogLevel.Debug));
    }

    [Fact]
    public async Task Configuration_given_at_start_overrides_each_default()
    {
        // Arguments stand for environment variables here: both are sources the host adds before the defaults.
        await using var app = Build(
            $"--Logging:LogLevel:{SqlCommands}=Information",
            "--Logging:LogLevel:Default=Warning");
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();

        Assert.True(loggers.CreateLogger(SqlCommands).IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger(Consumer).IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger(Requests).IsEnabled(LogLevel.Information));
    }

    private static WebApplication Build(params string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, EnvironmentName = "Production" });
        builder.AddServiceDefaults();
        return builder.Build();
    }
}
