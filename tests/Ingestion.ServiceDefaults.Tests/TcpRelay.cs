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
    private TaskCompletionSource flowing = Flowing();

    private static TaskCompletionSource Flowing()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

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

    /// <summary>
    /// Stops passing bytes either way while every connection stays open and new ones are still accepted: a broker that
    /// takes connections but never answers on them, as a client with a broken channel sees it.
    /// </summary>
    public void Freeze() => flowing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Thaw() => flowing.TrySetResult();

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
            await Task.WhenAny(PumpAsync(a, b), PumpAsync(b, a));
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException) { }
        finally
        {
            client.Dispose();
            upstream.Dispose();
            lock (connections) { connections.Remove(client); connections.Remove(upstream); }
        }
    }

    private async Task PumpAsync(Stream from, Stream to)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await from.ReadAsync(buffer)) > 0)
        {
            await flowing.Task; // held here while frozen
            await to.WriteAsync(buffer.AsMemory(0, read));
        }
    }

    public ValueTask DisposeAsync()
    {
        Down();
        Thaw();
        return ValueTask.CompletedTask;
    }
}
