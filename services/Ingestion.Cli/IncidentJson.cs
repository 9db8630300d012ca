using Ingestion.Extraction;

namespace Ingestion.Cli;

/// <summary>The output shape of one incident: the fields of the seeds' gold file, plus evidence and confidence.</summary>
public static class IncidentJson
{
    public static object From(ExtractedIncident x, string eventId) => new
    {
        @event = eventId,
        kind = x.Kind,
        date = x.Date?.ToString("yyyy-MM-dd"),
        date_precision = x.DatePrecision,
        date_tolerance_days = x.DateToleranceDays,
        place = x.Place is { } p ? new { name = p.Name, name_ar = p.NameArabic, country = p.Country, lat = p.Lat, lon = p.Lon, precision = p.Precision } : null,
        attacker = x.Attacker,
        target = x.Target,
        killed = x.Killed,
        wounded = x.Wounded,
        intercepted = x.Intercepted,
        claimed_by = x.ClaimedBy,
        denials = x.Denials,
        confidence = Math.Round(x.Confidence, 2),
        evidence = new { text = x.Evidence.Text, start = x.Evidence.Start, end = x.Evidence.End },
    };
}
