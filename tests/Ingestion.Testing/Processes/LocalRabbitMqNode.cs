using RabbitMQ.Client;

namespace Ingestion.Testing.Processes;

/// <summary>
/// A RabbitMQ node of its own (own node name, ports, data and log folders under a temp folder) that a fault
/// test may SIGKILL and restart freely; the shared broker other tests use is never touched. A restart keeps
/// the data folder, so durable queues and persistent messages survive as they would in production.
/// </summary>
public sealed class LocalRabbitMqNode : IAsyncDisposable
{
    private const string Server = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private readonly string folder;
    private readonly string nodeName = $"faults-{Guid.NewGuid():N}"[..20] + "@localhost";
    private readonly int distributionPort = FreePort.Next();
    private ChildProcess? process;

    private LocalRabbitMqNode(string folder) => this.folder = folder;

    public int Port { get; } = FreePort.Next();

    /// <summary>amqp URI for ConnectionStrings:RabbitMq (default vhost, guest over loopback).</summary>
    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{Port}/";

    public static async Task<LocalRabbitMqNode> StartAsync(string parentFolder)
    {
        var folder = Directory.CreateDirectory(Path.Combine(parentFolder, "rabbitmq")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "rabbitmq.conf"), "loopback_users.guest = true\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "enabled_plugins"), "[].\n"); // no management: nothing else to bind
        RunAsUser.GiveFolder(folder, "rabbitmq");
        var node = new LocalRabbitMqNode(folder);
        await node.RestartAsync();
        return node;
    }

    /// <summary>Starts the node (again, on the same data) and waits until it accepts AMQP connections.</summary>
    public async Task RestartAsync()
    {
        var (file, args) = RunAsUser.Command("rabbitmq", Server);
        process = ChildProcess.Start("rabbitmq", file, args, new Dictionary<string, string?>
        {
            ["HOME"] = folder, // the Erlang cookie goes here
            ["RABBITMQ_NODENAME"] = nodeName,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = Port.ToString(),
            ["RABBITMQ_DIST_PORT"] = distributionPort.ToString(),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(folder, "rabbitmq.conf"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(folder, "enabled_plugins"),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(folder, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(folder, "log"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(folder, "node.pid"),
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
        }, folder);
        await WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
    }

    /// <summary>SIGKILL to the node: no clean shutdown, unflushed state is lost as in a power cut.</summary>
    public async Task KillAsync()
    {
        if (process is not null) await process.KillAsync();
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var factory = new ConnectionFactory { Uri = new Uri(ConnectionString) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                await using var connection = await factory.CreateConnectionAsync();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline && process is { HasExited: false })
            {
                await Task.Delay(250);
            }
            catch (Exception error)
            {
                throw new InvalidOperationException($"RabbitMQ node {nodeName} did not start: {error.Message}\n{process?.RecentOutput}", error);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (process is not null) await process.DisposeAsync();
    }
}
