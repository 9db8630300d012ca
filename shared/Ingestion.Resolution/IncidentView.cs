namespace Ingestion.Resolution;

/// <summary>The record shown for one incident, built from all its mentions by <see cref="IncidentSummary.Summarize"/>.</summary>
/// <param name="DatePrecision">"day" (some mention gives the day exactly), "approximate" (only dates with a tolerance) or "unknown".</param>
/// <param name="DateToleranceDays">Smallest tolerance among the mentions that give <paramref name="Date"/>.</param>
/// <param name="Killed">Figure shown; see <see cref="CasualtyRule"/>.</param>
/// <param name="KilledRange">Min and max of the figures reported; null when no source gives one.</param>
/// <param name="Casualties">Each source's latest reported figures, the basis of the figure shown.</param>
public sealed record IncidentView(
    string Kind, DateOnly? Date, string DatePrecision, int DateToleranceDays, MentionPlace? Place,
    string? Attacker, string? Target,
    int? Killed, int? Wounded, CasualtyRange? KilledRange, CasualtyRange? WoundedRange,
    IReadOnlyList<SourceCasualties> Casualties,
    bool Intercepted, IReadOnlyList<string> ClaimedBy, IReadOnlyList<string> Denials,
    int SourceCount, int ArticleCount, int MentionCount, DateOnly FirstSeen, DateOnly LastSeen,
    IReadOnlyList<string> Sources);

public sealed record CasualtyRange(int Min, int Max);

/// <summary>What one outlet reports, from its most recent mention that gives each figure.</summary>
public sealed record SourceCasualties(string Source, int? Killed, int? Wounded, DateOnly LastReported);
