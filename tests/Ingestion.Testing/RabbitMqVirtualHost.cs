using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;

namespace Ingestion.Testing;

/// <summary>
/// A virtual host of its own for one test class on the real broker, so exchanges and queues of parallel
/// or earlier tests never mix; deleted (with everything in it) on dispose.
/// </summary>
public sealed class RabbitMqVirtualHost : IAsyncDisposable
{
    private readonly HttpClient management;

    private RabbitMqVirtualHost(string name, HttpClient management)
    {
        Name = name;
        this.management = management;
    }

    public string Name { get; }

    /// <summary>amqp URI for ConnectionStrings:RabbitMq.</summary>
    public string ConnectionString =>
        $"amqp://{TestInfrastructure.RabbitMqUser}:{TestInfrastructure.RabbitMqPassword}@{TestInfrastructure.RabbitMqHost}:5672/{Uri.EscapeDataString(Name)}";

    public static async Task<RabbitMqVirtualHost> CreateAsync(string prefix)
    {
        var http = new HttpClient { BaseAddress = new Uri(TestInfrastructure.RabbitMqManagement) };
        var credentials = Convert.ToBase64String(Encoding.ASCII.GetBytes($"{TestInfrastructure.RabbitMqUser}:{TestInfrastructure.RabbitMqPassword}"));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        var name = $"{prefix}-{Guid.NewGuid():N}";
        var vhost = Uri.EscapeDataString(name);
        (await http.PutAsync($"/api/vhosts/{vhost}", null)).EnsureSuccessStatusCode();
        var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        (await http.PutAsync($"/api/permissions/{vhost}/{Uri.EscapeDataString(TestInfrastructure.RabbitMqUser)}", permissions)).EnsureSuccessStatusCode();
        return new RabbitMqVirtualHost(name, http);
    }

    /// <summary>Takes one message off a queue, or null when none arrives before the timeout (the queue may not exist yet).</summary>
    public async Task<BasicGetResult?> GetAsync(string queue, TimeSpan timeout)
    {
        var factory = new ConnectionFactory { Uri = new Uri(ConnectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            // A missing queue closes the channel, so each try gets a fresh one.
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                if (await channel.BasicGetAsync(queue, autoAck: true) is { } message) return message;
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException) { }
            await Task.Delay(200);
        }
        return null;
    }

    /// <summary>
    /// Messages published into the virtual host so far, and deliveries to its consumers (one publish reaches every
    /// queue bound to it), from the broker's statistics, which it collects every 5 seconds: read them when nothing has
    /// been published for longer than that.
    /// </summary>
    public async Task<(long Published, long Delivered)> MessageCountsAsync()
    {
        using var overview = JsonDocument.Parse(await management.GetStringAsync($"/api/vhosts/{Uri.EscapeDataString(Name)}"));
        if (!overview.RootElement.TryGetProperty("message_stats", out var stats)) return (0, 0);
        long Count(string name) => stats.TryGetProperty(name, out var value) ? value.GetInt64() : 0;
        return (Count("publish"), Count("deliver_get"));
    }

    /// <summary>The queues in the virtual host now, with their type (classic, quorum) and whether they are durable.</summary>
    public async Task<IReadOnlyList<(string Name, string Type, bool Durable)>> QueuesAsync()
    {
        using var queues = JsonDocument.Parse(await management.GetStringAsync($"/api/queues/{Uri.EscapeDataString(Name)}?columns=name,type,durable"));
        return queues.RootElement.EnumerateArray()
            .Select(q => (q.GetProperty("name").GetString()!, q.GetProperty("type").GetString()!, q.GetProperty("durable").GetBoolean()))
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await management.DeleteAsync($"/api/vhosts/{Uri.EscapeDataString(Name)}");
        management.Dispose();
    }
}
