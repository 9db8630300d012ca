using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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
        var options = builder.Configuration.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();
        // The host is not started until the bus is: a service that publishes (the outbox relay, a test) before its
        // receive endpoints are bound on a fresh broker would send into exchanges with no queue, and the messages vanish.
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromMinutes(2);
        });
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            foreach (var add in addConsumers) add(bus);

            if (options.Transport == BusTransport.InMemory)
            {
                bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
                return;
            }
            var address = RabbitMqAddress.Parse(builder.Configuration.GetConnectionString("RabbitMq")
                ?? throw new InvalidOperationException("ConnectionStrings:RabbitMq is required when Bus:Transport is RabbitMq"));
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
}
