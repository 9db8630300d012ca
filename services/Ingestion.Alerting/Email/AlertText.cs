using System.Globalization;
using System.Text;
using System.Text.Json;
using Ingestion.Alerting.Delivery;
using Ingestion.Contracts;

namespace Ingestion.Alerting.Email;

/// <summary>The human text of an alert or digest: an Arabic line first (what readers of the sources read), then English.</summary>
public static class AlertText
{
    private static readonly Dictionary<string, (string Ar, string En)> Kinds = new()
    {
        ["rocket_attack"] = ("هجوم صاروخي", "Rocket attack"),
        ["drone_attack"] = ("هجوم بطائرة مسيّرة", "Drone attack"),
        ["missile_attack"] = ("هجوم بصاروخ باليستي", "Missile attack"),
        ["airstrike"] = ("غارة جوية", "Airstrike"),
        ["explosion"] = ("انفجار", "Explosion"),
        ["other_attack"] = ("هجوم", "Attack"),
    };

    private static readonly Dictionary<string, string> Countries = new() { ["IQ"] = "العراق", ["SY"] = "سوريا", ["JO"] = "الأردن", ["IR"] = "إيران", ["TR"] = "تركيا" };

    public static (string Subject, string Body) For(string payloadJson)
    {
        using var doc = JsonDocument.Parse(payloadJson);
        if (doc.RootElement.GetProperty("type").GetString() == DigestPayload.Type)
        {
            var digest = JsonSerializer.Deserialize<DigestPayload>(payloadJson, AlertPayload.Json)!;
            var body = new StringBuilder($"ملخص التنبيهات: {digest.Alerts.Count} — Digest of {digest.Alerts.Count} alert(s), {digest.From:yyyy-MM-dd HH:mm} to {digest.To:HH:mm} UTC\n\n");
            foreach (var alert in digest.Alerts) body.AppendLine(Describe(alert)).AppendLine();
            return ($"ملخص التنبيهات ({digest.Alerts.Count}) — Alert digest", body.ToString());
        }
        var single = JsonSerializer.Deserialize<AlertPayload>(payloadJson, AlertPayload.Json)!;
        return (Subject(single), Describe(single));
    }

    private static string Subject(AlertPayload alert)
    {
        var i = alert.Incident;
        var (ar, en) = Kinds.GetValueOrDefault(i.Kind, (i.Kind, i.Kind));
        var prefix = alert.Type == "incident.revised" ? "تحديث" : "تنبيه";
        return $"[{prefix}] {ar} — {PlaceAr(i.Place)} {i.Date:yyyy-MM-dd} / {en}, {i.Place?.Name ?? "place unknown"}";
    }

    private static string Describe(AlertPayload alert)
    {
        var i = alert.Incident;
        var (ar, en) = Kinds.GetValueOrDefault(i.Kind, (i.Kind, i.Kind));
        var n = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine($"{ar} في {PlaceAr(i.Place)}، التاريخ: {i.Date?.ToString("yyyy-MM-dd", n) ?? "غير معروف"}، القتلى: {i.Killed?.ToString(n) ?? "-"}، الجرحى: {i.Wounded?.ToString(n) ?? "-"}، المصادر: {i.SourceCount}");
        text.AppendLine($"{en} at {i.Place?.Name ?? "unknown place"} ({i.Place?.Country ?? "?"}) on {i.Date?.ToString("yyyy-MM-dd", n) ?? "unknown date"}: killed {i.Killed?.ToString(n) ?? "-"}, wounded {i.Wounded?.ToString(n) ?? "-"}, attacker {i.Attacker ?? i.ClaimedBy ?? "unknown"}, target {i.Target ?? "unknown"}, {i.SourceCount} source(s), confidence {i.Confidence.ToString("0.00", n)}.");
        if (alert.Changes.Count > 0) text.AppendLine($"Changed: {string.Join(", ", alert.Changes)} (revision {i.Revision})");
        if (i.Evidence is { Length: > 0 } evidence) text.AppendLine($"«{evidence}»");
        text.Append(alert.Link);
        return text.ToString();
    }

    private static string PlaceAr(ReportedPlace? place) => place is null ? "مكان غير معروف"
        : $"{place.NameArabic ?? place.Name}، {Countries.GetValueOrDefault(place.Country, place.Country)}";
}
