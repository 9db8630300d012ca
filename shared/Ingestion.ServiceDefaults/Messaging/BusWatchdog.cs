using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ingestion.ServiceDefaults.Messaging;

/// <summary>
/// Stops the process when a receive endpoint has not been ready, or an outbox relay has not been able to publish, for
/// <see cref="BusOptions.StopAfter"/> although the broker accepts connections, so that the container's restart policy
/// starts a fresh process with a fresh bus.
/// </summary>
/// <remarks>
/// Why stop rather than only report: Docker Compose marks a container whose health check fails "unhealthy" and
/// does nothing else (restarting it takes an orchestrator or an extra autoheal container); what it does restart, under
/// <c>restart: unless-stopped</c>, is a container whose process has exited. Exit code 1, so an <c>on-failure</c>
/// policy (Compose, systemd) restarts it too.
/// Why only while the broker is reachable: during a broker outage every endpoint is down as well, MassTransit
/// reconnects on its own once the broker is back, and a fresh process could not even start its bus (it would exit
/// again after the start timeout, and a FeedWorker would stop filling its outbox meanwhile). So the broker must have
/// accepted connections for a whole <see cref="BusOptions.UnhealthyAfter"/>, MassTransit's chance to reconnect,
/// before the process gives up on its endpoint.
/// </remarks>
internal sealed partial class BusWatchdog(BusWatch watch, IOptions<BusOptions> options, RabbitMqAddress? broker,
    IHostApplicationLifetime lifetime, TimeProvider time, ILogger<BusWatchdog> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.StopAfter <= TimeSpan.Zero) return;
        // A few looks per grace period: the limits are minutes in production, seconds in tests.
        var period = TimeSpan.FromTicks(Math.Clamp(settings.UnhealthyAfter.Ticks / 4, TimeSpan.FromMilliseconds(100).Ticks, TimeSpan.FromSeconds(15).Ticks));
        using var timer = new PeriodicTimer(period, time);
        DateTimeOffset? brokerUpSince = null;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var assessment = watch.Assess(settings.UnhealthyAfter);
            // The broker is only probed once an endpoint is past the limit: no stray connections in normal operation.
            if (assessment.LongestNotReady < settings.StopAfter || !await BrokerAcceptsConnectionsAsync(stoppingToken))
            {
                brokerUpSince = null;
                continue;
            }
            brokerUpSince ??= time.GetUtcNow();
            if (time.GetUtcNow() - brokerUpSince < settings.UnhealthyAfter) continue;

            LogStopping(assessment.Description);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
            return;
        }
    }

    /// <summary>A TCP connection to the AMQP port: enough to tell "broker down" from "endpoint stuck".</summary>
    private async Task<bool> BrokerAcceptsConnectionsAsync(CancellationToken cancellationToken)
    {
        if (broker is null) return true; // in-memory transport: there is no broker to wait for
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(broker.Host, broker.Port, timeout.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false; // no answer within the timeout
        }
    }

    [LoggerMessage(LogLevel.Critical, "Stopping the process: a bus receive endpoint has not been ready, or an outbox relay has not been able to publish, " +
        "although the broker accepts connections, and the bus does not recover it (MassTransit issue 6001, a publishing channel left broken); " +
        "the restart policy starts a fresh process. {Endpoints}")]
    private partial void LogStopping(string endpoints);
}
