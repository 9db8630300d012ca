namespace Ingestion.Resolution;

/// <summary>Builds the shown record of an incident from its mentions, and tells what changed between two records.</summary>
public static class IncidentSummary
{
    public static IncidentView Summarize(IReadOnlyCollection<IncidentMention> mentions) =>
        Summarize(mentions, ResolverOptions.Default);

    public static IncidentView Summarize(IReadOnlyCollection<IncidentMention> mentions, ResolverOptions options)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        if (mentions.Count == 0) throw new ArgumentException("An incident has at least one mention.", nameof(mentions));
        var (date, tolerance) = FieldPickers.Date(mentions);
        var sources = mentions.Select(m => m.Source).Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal).ToList();
        return new IncidentView(
            Kind: FieldPickers.Kind(mentions),
            Date: date,
            DatePrecision: date is null ? "unknown" : tolerance == 0 ? "day" : "approximate",
            DateToleranceDays: tolerance,
            Place: FieldPickers.Place(mentions),
            Attacker: FieldPickers.Attacker(mentions, options),
            Target: FieldPickers.MostReported(mentions.Select(m => m.Target)),
            Killed: CasualtyRule.Shown(mentions.Select(m => (m.Source, m.Published, m.Killed))),
            Wounded: CasualtyRule.Shown(mentions.Select(m => (m.Source, m.Published, m.Wounded))),
            KilledRange: CasualtyRule.Range(mentions.Select(m => m.Killed)),
            WoundedRange: CasualtyRule.Range(mentions.Select(m => m.Wounded)),
            Casualties: CasualtyRule.PerSource(mentions),
            // Any outlet reporting an interception is specific information; silence elsewhere does not contradict it.
            Intercepted: mentions.Any(m => m.Intercepted),
            ClaimedBy: DistinctSorted(mentions.Select(m => m.ClaimedBy)),
            Denials: DistinctSorted(mentions.SelectMany(m => m.Denials ?? [])),
            SourceCount: sources.Count,
            ArticleCount: mentions.Select(m => m.ArticleId).Distinct().Count(),
            MentionCount: mentions.Count,
            FirstSeen: mentions.Min(m => m.Published),
            LastSeen: mentions.Max(m => m.Published),
            Sources: sources);
    }

    /// <summary>
    /// Kinds of change, in this order: "casualties", "place", "attribution" (attacker, claims, denials),
    /// "corroboration" (more distinct outlets), "kind", "date". Empty when nothing a reader sees changed.
    /// </summary>
    public static IReadOnlyList<string> Changes(IncidentView before, IncidentView after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<string>();
        if (before.Killed != after.Killed || before.Wounded != after.Wounded
            || before.KilledRange != after.KilledRange || before.WoundedRange != after.WoundedRange)
            changes.Add("casualties");
        if (before.Place != after.Place) changes.Add("place");
        if (before.Attacker != after.Attacker || !before.ClaimedBy.SequenceEqual(after.ClaimedBy)
            || !before.Denials.SequenceEqual(after.Denials))
            changes.Add("attribution");
        if (after.SourceCount > before.SourceCount) changes.Add("corroboration");
        if (before.Kind != after.Kind) changes.Add("kind");
        if (before.Date != after.Date || before.DatePrecision != after.DatePrecision) changes.Add("date");
        return changes;
    }

    private static IReadOnlyList<string> DistinctSorted(IEnumerable<string?> values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToList();
}
