namespace Ingestion.Resolution;

/// <summary>
/// The casualty figure shown for an incident.
/// 1. Each outlet counts once, with its most recent report of the figure (an outlet updating "2 killed" to
///    "3 killed" has corrected itself; its old figure is no longer its claim). Same-day reports: the larger.
/// 2. The figure shown is the value most outlets currently report (corroboration guards against one outlet's
///    typo or inflated number).
/// 3. Ties go to the value whose latest report is most recent (tolls are revised as the wounded die and bodies
///    are found), then to the larger value.
/// The range keeps the minimum and maximum of every report, including superseded ones, so disagreement stays visible.
/// </summary>
public static class CasualtyRule
{
    public static int? Shown(IEnumerable<(string Source, DateOnly Published, int? Figure)> reports)
    {
        var latestPerSource = reports
            .Where(r => r.Figure is not null)
            .GroupBy(r => r.Source, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.OrderByDescending(r => r.Published).ThenByDescending(r => r.Figure).First())
            .ToList();
        if (latestPerSource.Count == 0) return null;
        return latestPerSource
            .GroupBy(r => r.Figure!.Value)
            .OrderByDescending(g => g.Count())
            .ThenByDescending(g => g.Max(r => r.Published))
            .ThenByDescending(g => g.Key)
            .First().Key;
    }

    public static CasualtyRange? Range(IEnumerable<int?> figures)
    {
        var known = figures.Where(f => f is not null).Select(f => f!.Value).ToList();
        return known.Count == 0 ? null : new CasualtyRange(known.Min(), known.Max());
    }

    /// <summary>Per source, the latest report of each figure (a source may give the dead in one article, the wounded in another).</summary>
    public static IReadOnlyList<SourceCasualties> PerSource(IEnumerable<IncidentMention> mentions) =>
        mentions.GroupBy(m => m.Source, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SourceCasualties(
                g.Key,
                Latest(g, m => m.Killed),
                Latest(g, m => m.Wounded),
                g.Max(m => m.Published)))
            .ToList();

    private static int? Latest(IEnumerable<IncidentMention> mentions, Func<IncidentMention, int?> figure) =>
        mentions.Where(m => figure(m) is not null)
            .OrderByDescending(m => m.Published).ThenByDescending(figure)
            .Select(figure).FirstOrDefault();
}
