using Ingestion.Store.Data;

namespace Ingestion.Store.Api;

/// <summary>The read API: incidents filtered by time, kind and country; one incident with its mentions and sources.</summary>
public static class IncidentEndpoints
{
    public static void MapIncidentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/incidents", async (HttpContext http, IIncidentStore store, CancellationToken ct) =>
        {
            var (query, errors) = IncidentQueryParser.Parse(http.Request.Query);
            if (errors.Count > 0) return Results.ValidationProblem(errors, title: "Invalid incident query");
            return Results.Ok(await store.ListAsync(query!, ct));
        });

        app.MapGet("/incidents/{id}", async (string id, IIncidentStore store, CancellationToken ct) =>
        {
            if (!Guid.TryParse(id, out var incidentId))
                return Results.Problem(statusCode: 400, title: "Invalid incident id", detail: $"'{id}' is not a GUID");
            var detail = await store.GetAsync(incidentId, ct);
            if (detail is null) return Results.Problem(statusCode: 404, title: "No such incident", detail: $"No incident {incidentId}");
            // A merged incident points at the one it was folded into, so old links keep working.
            return detail.MergedInto is { } survivor ? Results.Redirect($"/incidents/{survivor}", permanent: true) : Results.Ok(detail);
        });
    }
}
