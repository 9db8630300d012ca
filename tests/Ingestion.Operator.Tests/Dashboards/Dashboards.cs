using System.Text.Json;
using Ingestion.Testing;

namespace Ingestion.Operator.Tests.Dashboards;

/// <summary>The provisioned Grafana dashboards (deploy/grafana/dashboards/*.json) as panels and their PromQL.</summary>
public static class Dashboards
{
    public sealed record Query(string Dashboard, string Panel, string RefId, string Expr);

    public sealed record Panel(string Dashboard, string Title, string Type, IReadOnlyList<Query> Queries);

    public static string Folder => Path.Combine(TestInfrastructure.RepoRoot, "deploy", "grafana", "dashboards");

    public static IReadOnlyList<Panel> All() =>
        Directory.GetFiles(Folder, "*.json").SelectMany(file =>
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var name = Path.GetFileName(file);
            return Walk(json.RootElement.GetProperty("panels")).Select(p => Read(name, p)).ToList();
        }).ToList();

    // Collapsed rows keep their panels nested inside the row.
    private static IEnumerable<JsonElement> Walk(JsonElement panels)
    {
        foreach (var panel in panels.EnumerateArray())
        {
            yield return panel;
            if (panel.TryGetProperty("panels", out var nested))
                foreach (var inner in Walk(nested)) yield return inner;
        }
    }

    private static Panel Read(string dashboard, JsonElement panel)
    {
        var title = panel.GetProperty("title").GetString()!;
        var queries = panel.TryGetProperty("targets", out var targets)
            ? targets.EnumerateArray().Select(t => new Query(dashboard, title, t.GetProperty("refId").GetString()!,
                t.TryGetProperty("expr", out var expr) ? expr.GetString() ?? "" : "")).ToList()
            : [];
        return new Panel(dashboard, title, panel.GetProperty("type").GetString()!, queries);
    }
}
