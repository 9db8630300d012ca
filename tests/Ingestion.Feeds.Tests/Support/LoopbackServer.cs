using System.Net;
using System.Net.Sockets;

namespace Ingestion.Feeds.Tests.Support;

/// <summary>A real HTTP server on 127.0.0.1 (HttpListener) whose behaviour each test scripts.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpListenerContext, Task> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LoopbackServer(Func<HttpListenerContext, Task> handler)
    {
        _handler = handler;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(AcceptLoop);
    }

    public int Port { get; }

    public Uri Url(string path = "/") => new($"http://127.0.0.1:{Port}{path}");

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening) { return; }
            catch (HttpListenerException) { return; }
            _ = Task.Run(async () =>
            {
                try { await _handler(context); }
                catch (Exception) { /* the client hung up (cap reached, timeout): expected in these tests */ }
                finally { try { context.Response.Close(); } catch (Exception) { /* already gone */ } }
            });
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public static async Task WriteAsync(HttpListenerResponse response, string body, string contentType = "application/rss+xml; charset=utf-8", int status = 200)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        _listener.Close();
        try { await _loop; } catch (Exception) { /* stopping */ }
        _stop.Dispose();
    }
}
