namespace Ingestion.Resolution;

/// <summary>Whether two mentions' dates can be the same day.</summary>
internal static class DateRules
{
    /// <summary>
    /// The date a mention is compared on. A date after publication is not credible (an incident cannot be
    /// reported before it happens; seed 000 turns a Persian «12 Azar» into "12 December", after its 4 December
    /// publication), so such a date counts as unknown.
    /// </summary>
    public static DateOnly? EffectiveDate(IncidentMention m)
    {
        if (m.Date is not { } d) return null;
        return d.DayNumber > m.Published.DayNumber + Math.Max(0, m.DateToleranceDays) ? null : d;
    }

    public static int Tolerance(IncidentMention m, ResolverOptions o) => Math.Clamp(m.DateToleranceDays, 0, o.MaxDateToleranceDays);

    /// <summary>
    /// Dated pair: within the larger tolerance (not their sum: 04-20 ±1 and 04-22 ±1 are different days).
    /// Undated vs dated: the date lies in the undated mention's publication window [published − lookback, published],
    /// widened by the dated mention's tolerance. Undated pair: the two publication windows overlap.
    /// </summary>
    public static bool Agree(IncidentMention a, IncidentMention b, ResolverOptions o)
    {
        var da = EffectiveDate(a);
        var db = EffectiveDate(b);
        int look = o.UndatedLookbackDays;
        if (da is { } x && db is { } y)
            return Math.Abs(x.DayNumber - y.DayNumber) <= Math.Max(Tolerance(a, o), Tolerance(b, o));
        if (da is null && db is null)
            return Math.Abs(a.Published.DayNumber - b.Published.DayNumber) <= look;
        var (dated, undated) = da is null ? (b, a) : (a, b);
        int day = EffectiveDate(dated)!.Value.DayNumber, t = Tolerance(dated, o), pub = undated.Published.DayNumber;
        return day >= pub - look - t && day <= pub + t;
    }

    /// <summary>
    /// Two mentions that both give a day, and days too far apart, are two incidents: a mention without a
    /// date may match either, but must not bridge them into one.
    /// </summary>
    public static bool Conflict(IncidentMention a, IncidentMention b, ResolverOptions o) =>
        EffectiveDate(a) is not null && EffectiveDate(b) is not null && !Agree(a, b, o);
}
