using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Hosting;

namespace Ingestion.ServiceDefaults;

/// <summary>
/// The log levels every host ships with. Without them a host that has no appsettings.json logs every SQL command
/// (EF Core's command log is Information), every HTTP request and MassTransit's endpoint chatter, so what the
/// platform itself reports drowns. They are the lowest-priority configuration: appsettings.json, environment
/// variables (Logging__LogLevel__Microsoft.EntityFrameworkCore=Information) and arguments override each one.
/// </summary>
public static class LoggingDefaults
{
    private static readonly IReadOnlyDictionary<string, string?> Levels = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft"] = "Warning",
        // "Now listening on ...", "Application started": what an operator looks for at a start.
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        ["Logging:LogLevel:MassTransit"] = "Warning",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
        ["Logging:LogLevel:Ingestion.ServiceDefaults"] = "Warning",
    };

    public static IHostApplicationBuilder AddLoggingDefaults(this IHostApplicationBuilder builder)
    {
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Levels });
        return builder;
    }
}
