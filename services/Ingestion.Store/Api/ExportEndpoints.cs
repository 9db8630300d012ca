using System.Text;
using System.Text.Json;
using Ingestion.Contracts;
using Ingestion.Store.Data;

namespace Ingestion.Store.Api;

/// <summary>
/// GET /incidents.csv and /incidents.geojson: the incidents GET /incidents lists, with the same filters.
/// Without an explicit limit the export holds every matching incident, read page by page and streamed.
/// </summary>
public static class ExportEndpoints
{
    private const int PageSize = 500;

    public static void MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/incidents.csv", (HttpContext http, IIncidentStore store) => Export(http, store, "incidents.csv", ExportCsv.ContentType, WriteCsvAsync));
        app.MapGet("/incidents.geojson", (HttpContext http, IIncidentStore store) => Export(http, store, "incidents.geojson", ExportGeoJson.ContentType, WriteGeoJsonAsync));
    }

    private static async Task<IResult> Export(HttpContext http, IIncidentStore store, string fileName, string contentType,
        Func<Stream, IAsyncEnumerable<IncidentSnapshot>, CancellationToken, Task> write)
    {
        var (query, errors) = IncidentQueryParser.Parse(http.Request.Query);
        if (errors.Count > 0) return Results.ValidationProblem(errors, title: "Invalid incident query");
        var everything = !http.Request.Query.ContainsKey("limit");
        http.Response.ContentType = contentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await write(http.Response.Body, Incidents(store, query!, everything, http.RequestAborted), http.RequestAborted);
        return Results.Empty;
    }

    private static async IAsyncEnumerable<IncidentSnapshot> Incidents(IIncidentStore store, IncidentQuery query, bool everything,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        if (!everything)
        {
            foreach (var incident in await store.ListAsync(query, ct)) yield return incident;
            yield break;
        }
        for (var offset = query.Offset; ; offset += PageSize)
        {
            var page = await store.ListAsync(query with { Limit = PageSize, Offset = offset }, ct);
            foreach (var incident in page) yield return incident;
            if (page.Count < PageSize) yield break;
        }
    }

    private static async Task WriteCsvAsync(Stream body, IAsyncEnumerable<IncidentSnapshot> incidents, CancellationToken ct)
    {
        await body.WriteAsync(ExportCsv.ByteOrderMark, ct);
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        await writer.WriteAsync(ExportCsv.Header());
        await foreach (var incident in incidents) await writer.WriteAsync(ExportCsv.Row(incident));
        await writer.FlushAsync(ct);
    }

    private static async Task WriteGeoJsonAsync(Stream body, IAsyncEnumerable<IncidentSnapshot> incidents, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(body, ExportGeoJson.Options);
        ExportGeoJson.WriteStart(json);
        await foreach (var incident in incidents)
        {
            ExportGeoJson.WriteFeature(json, incident);
            if (json.BytesPending > 32 * 1024) await json.FlushAsync(ct);
        }
        ExportGeoJson.WriteEnd(json);
        await json.FlushAsync(ct);
    }
}
