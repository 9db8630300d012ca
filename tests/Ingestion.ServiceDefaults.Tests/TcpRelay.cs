using System.Net;
using System.Net.Sockets;

namespace Ingestion.ServiceDefaults.Tests;

/// <summary>
/// A loopback TCP relay to the broker that a test takes down and brings back: a broker outage as the service sees it
/// (connections cut, new ones refused) without touching the broker other tests share.
/// </summary>
internal sealed class TcpRelay : IAsyncDisposable
{
    private readonly string targetHost;
    private readonly int targetPort;
    private readonly List<TcpClient> connections = [];
    private TcpListener? listener;

    private TcpRelay(string targetHost, int targetPort) => (this.targetHost, this.targetPort) = (targetHost, targetPort);

    public int Port { get; private set; }

    public static TcpRelay Start(string targetHost, int targetPort)
    {
        var relay = new TcpRelay(targetHost, targetPort);
        relay.Listen(0);
        return relay;
    }

    /// <summary>Cuts every relayed connection and stops listening: connecting is refused until <see cref="Resume"/>.</summary>
    public void Down()
    {
        listener?.Stop();
        listener = null;
        lock (connections)
        {
            foreach (var connection in connections) connection.Dispose();
            connections.Clear();
        }
    }

    public void Resume() => Listen(Port);

    private void Listen(int port)
    {
        var started = new TcpListener(IPAddress.Loopback, port);
        started.Start();
        Port = ((IPEndPoint)started.LocalEndpoint).Port;
        listener = started;
        _ = AcceptAsync(started);
    }

    private async Task AcceptAsync(TcpListener from)
    {
        while (true)
        {
            TcpClient client;
            try { client = await from.AcceptTcpClientAsync(); }
            catch (Exception e) when (e is SocketException or ObjectDisposedException) { return; } // Down()
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var upstream = new TcpClient();
        lock (connections) { connections.Add(client); connections.Add(upstream); }
        try
        {
            await upstream.ConnectAsync(targetHost, targetPort);
            var a = client.GetStream();
            var b = upstream.GetStream();
            await Task.WhenAny(a.CopyToAsync(b), b.CopyToAsync(a));
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException) { }
        finally
        {
            client.Dispose();
            upstream.Dispose();
            lock (connections) { connections.Remove(client); connections.Remove(upstream); }
        }
    }

    public ValueTask DisposeAsync()
    {
        Down();
        return ValueTask.CompletedTask;
    }
}
