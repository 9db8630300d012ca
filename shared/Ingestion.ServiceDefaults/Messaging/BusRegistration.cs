using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ingestion.ServiceDefaults.Messaging;

public static class BusRegistration
{
    /// <summary>
    /// MassTransit on RabbitMQ or the in-memory transport, chosen by configuration. Each service adds
    /// its consumers through <paramref name="addConsumers"/>, so the all-in-one host can put several
    /// services' consumers on one bus.
    /// </summary>
    public static IHostApplicationBuilder AddIngestionBus(this IHostApplicationBuilder builder, params Action<IBusRegistrationConfigurator>[] addConsumers)
    {
        var section = builder.Configuration.GetSection(BusOptions.Section);
        var options = section.Get<BusOptions>() ?? new BusOptions();
        var address = options.Transport == BusTransport.InMemory
            ? null
            : RabbitMqAddress.Parse(builder.Configuration.GetConnectionString("RabbitMq")
                ?? throw new InvalidOperationException("ConnectionStrings:RabbitMq is required when Bus:Transport is RabbitMq"));
        // The host is not started until the bus is: a service that publishes (the outbox relay, a test) before its
        // receive endpoints are bound on a fresh broker would send into exchanges with no queue, and the messages vanish.
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromMinutes(2);
        });
        AddEndpointWatchdog(builder, section, address);
        builder.Services.AddMassTransit(bus =>
        {
            // MassTransit 8.4 reports usage telemetry to its vendor over the internet unless told not to: this
            // platform sends nothing anywhere it was not configured to (MASSTRANSIT_USAGE_TELEMETRY=true opts back in).
            bus.DisableUsageTelemetry();
            bus.SetKebabCaseEndpointNameFormatter();
            foreach (var add in addConsumers) add(bus);

            if (address is null)
            {
                bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
                return;
            }
            if (options.QuorumQueues)
                bus.AddConfigureEndpointsCallback((_, _, endpoint) => (endpoint as IRabbitMqReceiveEndpointConfigurator)?.SetQuorumQueue());
            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(address.Host, address.Port, address.VirtualHost, h =>
                {
                    h.Username(address.Username);
                    h.Password(address.Password);
                    h.PublisherConfirmation = true;
                });
                cfg.PrefetchCount = options.PrefetchCount;
                cfg.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    /// <summary>
    /// The "bus-endpoints" health check and the watchdog behind it: a receive endpoint that MassTransit left stopped
    /// (MassTransit issue 6001), or an outbox relay whose publishes keep failing, makes /health Unhealthy after
    /// Bus:UnhealthyAfter and stops the process after Bus:StopAfter.
    /// </summary>
    private static void AddEndpointWatchdog(IHostApplicationBuilder builder, IConfigurationSection section, RabbitMqAddress? broker)
    {
        builder.Services.Configure<BusOptions>(section);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<BusWatch>();
        builder.Services.AddReceiveEndpointObserver(sp => sp.GetRequiredService<BusWatch>());
        builder.Services.AddHealthChecks().AddCheck<BusHealthCheck>(BusHealthCheck.Name);
        builder.Services.AddHostedService(sp => new BusWatchdog(sp.GetRequiredService<BusWatch>(), sp.GetRequiredService<IOptions<BusOptions>>(),
            broker, sp.GetRequiredService<IHostApplicationLifetime>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<BusWatchdog>>()));
    }
}
