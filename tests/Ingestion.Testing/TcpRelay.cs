using System.Net;
using System.Net.Sockets;

namespace Ingestion.Testing;

/// <summary>
/// A loopback TCP relay to the broker that a test takes down and brings back, or freezes: a broker outage, or a
/// connection gone silent, as the service sees it, without touching the broker other tests share.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly string targetHost;
    private readonly int targetPort;
    private readonly List<Link> links = [];
    private TcpListener? listener;

    /// <summary>One relayed connection; once frozen, what either side sends is read and dropped.</summary>
    private sealed class Link(TcpClient client, TcpClient upstream)
    {
        private volatile bool frozen;
        public TcpClient Client => client;
        public TcpClient Upstream => upstream;
        public bool Frozen { get => frozen; set => frozen = value; }
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
        lock (links)
        {
            foreach (var link in links)
            {
                link.Client.Dispose();
                link.Upstream.Dispose();
            }
            links.Clear();
        }
    }

    public void Resume() => Listen(Port);

    /// <summary>
    /// Every connection open now passes no byte again either way, yet stays open until one side closes it; new
    /// connections are accepted and relayed. What a client whose channel was left broken sees: the broker is up and
    /// never answers on that connection. A fresh process (a fresh connection) gets through, and when the stuck one
    /// exits its connection closes, so the broker requeues what it had delivered to it.
    /// </summary>
    public void Freeze()
    {
        lock (links) foreach (var link in links) link.Frozen = true;
    }

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
        var link = new Link(client, new TcpClient());
        lock (links) links.Add(link);
        try
        {
            await link.Upstream.ConnectAsync(targetHost, targetPort);
            var a = client.GetStream();
            var b = link.Upstream.GetStream();
            await Task.WhenAny(PumpAsync(link, a, b), PumpAsync(link, b, a));
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException) { }
        finally
        {
            client.Dispose();
            link.Upstream.Dispose();
            lock (links) links.Remove(link);
        }
    }

    private static async Task PumpAsync(Link link, Stream from, Stream to)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await from.ReadAsync(buffer)) > 0)
        {
            if (!link.Frozen) await to.WriteAsync(buffer.AsMemory(0, read));
        }
    }

    public ValueTask DisposeAsync()
    {
        Down();
        return ValueTask.CompletedTask;
    }
}
