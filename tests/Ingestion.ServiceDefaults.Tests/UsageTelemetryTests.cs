using Ingestion.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ingestion.ServiceDefaults.Tests;

/// <summary>The bus reports nothing to MassTransit's vendor (seen as a warning in a soak: the report failed offline).</summary>
public sealed class UsageTelemetryTests
{
    [Fact]
    public async Task The_bus_sends_no_usage_telemetry()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", Args = ["--Bus:Transport=InMemory"] });
        builder.AddIngestionBus();
        await using var app = builder.Build();

        Assert.False(app.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
    }
}
