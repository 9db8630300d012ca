namespace Ingestion.Resolution;

/// <summary>Per-field choice of the value shown for an incident. Every tie is broken by content, never by input order.</summary>
internal static class FieldPickers
{
    /// <summary>A specific weapon beats a vague kind (explosion, other_attack); then the most reported; then ordinal.</summary>
    public static string Kind(IEnumerable<IncidentMention> mentions) =>
        mentions.GroupBy(m => m.Kind, StringComparer.Ordinal)
            .OrderBy(g => KindRules.IsVague(g.Key))
            .ThenByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .First().Key;

    /// <summary>
    /// The credible date most outlets give; ties go to the tighter tolerance, then the earlier day.
    /// Returns the smallest tolerance among mentions giving that date.
    /// </summary>
    public static (DateOnly? Date, int Tolerance) Date(IEnumerable<IncidentMention> mentions)
    {
        var best = mentions.Where(m => DateRules.EffectiveDate(m) is not null)
            .GroupBy(m => DateRules.EffectiveDate(m)!.Value)
            .OrderByDescending(g => g.Select(m => m.Source).Distinct(StringComparer.OrdinalIgnoreCase).Count())
            .ThenBy(g => g.Min(m => Math.Max(0, m.DateToleranceDays)))
            .ThenBy(g => g.Key)
            .FirstOrDefault();
        return best is null ? (null, 0) : (best.Key, best.Min(m => Math.Max(0, m.DateToleranceDays)));
    }

    /// <summary>The most precise place; among equally precise ones the most reported, then the most confident mention's.</summary>
    public static MentionPlace? Place(IEnumerable<IncidentMention> mentions) =>
        mentions.Where(m => m.Place is not null)
            .GroupBy(m => (PlaceRules.ParsePrecision(m.Place!.Precision), PlaceKey(m.Place)))
            .OrderBy(g => g.Key.Item1)
            .ThenByDescending(g => g.Count())
            .ThenByDescending(g => g.Max(m => m.Confidence))
            .ThenBy(g => g.Key.Item2, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(m => m.Confidence).ThenBy(m => m.MentionId).First().Place)
            .FirstOrDefault();

    /// <summary>A named attacker beats the generic "militia"; then the most reported; then ordinal.</summary>
    public static string? Attacker(IEnumerable<IncidentMention> mentions, ResolverOptions o) =>
        mentions.Select(m => m.Attacker).Where(a => !ActorRules.IsUnknown(a)).Select(a => a!)
            .GroupBy(a => a, StringComparer.Ordinal)
            .OrderBy(g => o.GenericAttackers.Contains(g.Key))
            .ThenByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault();

    /// <summary>The most reported known value; ties ordinal. Null when every mention leaves it unknown.</summary>
    public static string? MostReported(IEnumerable<string?> values) =>
        values.Where(v => !ActorRules.IsUnknown(v)).Select(v => v!)
            .GroupBy(v => v, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault();

    private static string PlaceKey(MentionPlace p) => p.Id ?? p.Name.Trim().ToLowerInvariant();
}
