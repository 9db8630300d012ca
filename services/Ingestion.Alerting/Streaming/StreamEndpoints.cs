using System.Text;
using Ingestion.Alerting.Subscriptions;

namespace Ingestion.Alerting.Streaming;

/// <summary>GET /alerts/stream: server-sent events of the incidents matching the query's filters, for dashboards.</summary>
public static class StreamEndpoints
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static void MapStreamEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/alerts/stream", async (HttpContext http, AlertStream stream, StreamQueue queue, CancellationToken ct) =>
        {
            if (!StreamQuery.TryParse(http.Request.Query, out var filter, out var errors))
            {
                await Results.ValidationProblem(errors, title: "Invalid stream filter").ExecuteAsync(http);
                return;
            }
            try
            {
                await queue.JoinAsync(ct);
            }
            catch (StreamQueue.UnavailableException unavailable)
            {
                await Results.Problem(unavailable.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Event stream unavailable").ExecuteAsync(http);
                return;
            }
            var (id, events) = stream.Listen(new CompiledFilter(filter));
            try
            {
                http.Response.ContentType = "text/event-stream";
                http.Response.Headers.CacheControl = "no-cache";
                http.Response.Headers["X-Accel-Buffering"] = "no"; // proxies must not hold events back
                await http.Response.WriteAsync(": connected\n\n", ct);
                await http.Response.Body.FlushAsync(ct);
                while (!ct.IsCancellationRequested)
                {
                    using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    wait.CancelAfter(Heartbeat);
                    string chunk;
                    try
                    {
                        var e = await events.ReadAsync(wait.Token);
                        chunk = $"id: {e.Id}\nevent: {e.Type}\ndata: {e.Data}\n\n";
                    }
                    // A comment line now and then keeps idle connections open through proxies and tells a dead client.
                    catch (OperationCanceledException) when (!ct.IsCancellationRequested) { chunk = ": keep-alive\n\n"; }
                    await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(chunk), ct);
                    await http.Response.Body.FlushAsync(ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { /* the client left */ }
            finally
            {
                stream.Leave(id);
                await queue.LeaveAsync();
            }
        }).AddEndpointFilter<ApiKeyFilter>();
}
