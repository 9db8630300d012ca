namespace Ingestion.Extraction.Semantics;

/// <summary>Combines the mentions of one incident into the public record.</summary>
internal static class IncidentBuilder
{
    public static ExtractedIncident Build(List<Mention> group, ArticleScan scan, DateOnly published)
    {
        group.Sort((a, b) => a.FirstToken.CompareTo(b.FirstToken));
        var place = group.MinBy(m => m.Place!.Rank)!.Place!;
        var kindOf = group.MaxBy(m => KindReader.Strength(m.Kind, m.KindIsWeak))!;
        string kind = kindOf.Kind;

        DateReading? date = null;
        foreach (var m in group)
            if (m.Date is { } d && (date is null || d.Rank < date.Value.Rank)) date = d;
        bool defaulted = false;
        if (date is null && group.Exists(m => !m.Background))
        {
            // News reports the day's events: an undated foreground attack is dated by its publication.
            date = new DateReading(published, DatePrecisions.Approximate, 2);
            defaulted = true;
        }

        int? killed = null, killedMin = null, wounded = null, woundedMin = null;
        foreach (var m in group)
        {
            if ((m.Killed ?? m.KilledMin) is not null && killed is null or 0) (killed, killedMin) = (m.Killed, m.KilledMin);
            if ((m.Wounded ?? m.WoundedMin) is not null && wounded is null or 0) (wounded, woundedMin) = (m.Wounded, m.WoundedMin);
        }
        bool harm = group.Exists(m => m.ReportsHarm) || killed > 0 || wounded > 0;
        bool intercepted = group.Exists(m => m.Intercepted) && !harm;
        string? claimed = group.Find(m => m.ClaimedBy is not null)?.ClaimedBy;
        string? target = group.Find(m => m.Target is not null)?.Target;
        string? attacker = claimed ?? group.Find(m => m.Attacker is not null)?.Attacker;
        if (attacker == target) attacker = null;
        var denials = group.Where(m => m.Denials is not null).SelectMany(m => m.Denials!).Distinct().ToArray();

        double confidence = 0.75 + Math.Min(0.15, 0.05 * (group.Count - 1))
            - 0.15 * Math.Min(3, group.Sum(m => m.Hedges))
            - (place.Rank == 3 ? 0.1 : 0) - (defaulted ? 0.05 : 0) - (kind == IncidentKinds.Other ? 0.05 : 0);
        confidence = Math.Round(Math.Clamp(confidence, 0.05, 0.99), 2);

        var spans = group.SelectMany(m => m.Spans).Distinct().OrderBy(s => s.First).Select(s => ToEvidence(scan, s.First, s.Last)).ToArray();
        return new ExtractedIncident(kind, date?.Date, date?.Precision ?? DatePrecisions.Unknown, place.Public,
            attacker, target, killed, wounded, intercepted, claimed, denials, confidence, spans[0])
        {
            DateToleranceDays = date?.ToleranceDays ?? 0,
            KilledMin = killedMin ?? killed,
            WoundedMin = woundedMin ?? wounded,
            Mentions = spans,
        };
    }

    private static Evidence ToEvidence(ArticleScan scan, int firstToken, int lastToken)
    {
        var (start, end) = scan.OriginalSpan(firstToken, lastToken);
        return new Evidence(scan.Original[start..end], start, end);
    }
}
