using Ingestion.Extraction.Lexicon;

namespace Ingestion.Extraction.Semantics;

/// <summary>
/// Resolves the date expressions of a clause against the publication date: weekdays (the most recent
/// such day on or before publication), «أمس», «اليوم», «الليلة الماضية», explicit days with Gregorian or
/// Levantine month names (alone or combined, «ديسمبر/كانون الأول»), ordinal days («الأول من آذار»),
/// and vague parts of a month («منتصف أكتوبر») as approximate. Dates after «منذ» start a period and are skipped.
/// </summary>
internal static class DateReader
{
    /// <summary>The date expression nearest to <paramref name="anchor"/> (the attack word), or null.</summary>
    public static DateReading? Read(in ClauseView v, DateOnly published, int anchor)
    {
        DateReading? best = null;
        int bestDistance = int.MaxValue;
        for (int i = v.MatchFrom; i < v.MatchTo; i++)
        {
            var m = v[i];
            if (m.Term is not (Term.Weekday or Term.RelativeDay or Term.Month or Term.OrdinalDay or Term.MonthPart)) continue;
            if (v.Precedes(Term.Since, m.First, 4)) continue;
            var reading = ReadAt(v, i, published, out int consumedTo);
            if (reading is null) continue;
            int distance = Math.Abs(m.First - anchor);
            if (distance < bestDistance) { best = reading; bestDistance = distance; }
            while (i + 1 < v.MatchTo && v[i + 1].First <= consumedTo) i++;
        }
        return best;
    }

    private static DateReading? ReadAt(in ClauseView v, int i, DateOnly published, out int consumedTo)
    {
        var m = v[i];
        consumedTo = m.Last;
        switch (m.Term)
        {
            case Term.RelativeDay:
                return new DateReading(published.AddDays(m.Value), DatePrecisions.Day, 1);
            case Term.Weekday:
                var byWeekday = MostRecent(published, (DayOfWeek)m.Value);
                // «الأحد 12 ديسمبر»: trust the explicit day unless it contradicts the weekday.
                int month = v.FindAfter(Term.Month, m.Last, 3);
                if (month >= 0 && ExplicitDay(v, month, published) is { } stated)
                {
                    consumedTo = v[month].Last + 3;
                    return stated.Date.DayOfWeek == (DayOfWeek)m.Value ? stated
                        : new DateReading(byWeekday, DatePrecisions.Approximate, 3);
                }
                return new DateReading(byWeekday, DatePrecisions.Day, 1);
            case Term.Month:
                return ExplicitDay(v, i, published) ?? MonthOnly(v, i, published);
            case Term.OrdinalDay:
                // «الأول من آذار», «الرابع من فبراير»
                int of = v.FindAfter(Term.From, m.Last, 1);
                int mon = of >= 0 ? v.FindAfter(Term.Month, v[of].Last, 1) : -1;
                if (mon < 0) return null;
                consumedTo = v[mon].Last;
                return Resolve(m.Value, v[mon].Value, YearAfter(v, v[mon].Last), published, DatePrecisions.Day, 0);
            case Term.MonthPart:
                int target = v.FindAfter(Term.Month, m.Last, 2);
                if (target < 0) return null;
                consumedTo = v[target].Last;
                return Resolve(m.Value, v[target].Value, YearAfter(v, v[target].Last), published, DatePrecisions.Approximate, 7);
        }
        return null;
    }

    /// <summary>«12 ديسمبر», «7 تشرين الأول/أكتوبر 2023»: a day number right before the month name.</summary>
    private static DateReading? ExplicitDay(in ClauseView v, int month, DateOnly published)
    {
        int n = v.FindBefore(Term.Number, v[month].First, 1);
        if (n < 0 || v[n].Value is < 1 or > 31) return null;
        return Resolve(v[n].Value, v[month].Value, YearAfter(v, v[month].Last), published, DatePrecisions.Day, 0);
    }

    private static DateReading? MonthOnly(in ClauseView v, int month, DateOnly published)
    {
        if (v.Precedes(Term.Month, v[month].First, 1)) return null; // second name of a combined form
        return Resolve(15, v[month].Value, YearAfter(v, v[month].Last), published, DatePrecisions.Month, 15);
    }

    /// <summary>A four-digit year within two tokens after the month (skipping a second, combined month name).</summary>
    private static int? YearAfter(in ClauseView v, int monthLast)
    {
        int next = monthLast;
        int second = v.FindAfter(Term.Month, monthLast, 1);
        if (second >= 0) next = v[second].Last;
        int y = v.FindAfter(Term.Number, next, 2);
        return y >= 0 && v[y].Value is >= 1990 and <= 2100 ? v[y].Value : null;
    }

    /// <summary>Without a year, a date is the latest one on or before publication (news reports the past).</summary>
    private static DateReading? Resolve(int day, int month, int? year, DateOnly published, string precision, int tolerance)
    {
        if (month is < 1 or > 12) return null;
        int y = year ?? published.Year;
        if (year is null && (month > published.Month || month == published.Month && day > published.Day)) y--;
        day = Math.Min(day, DateTime.DaysInMonth(y, month));
        return new DateReading(new DateOnly(y, month, day), precision, tolerance);
    }

    public static DateOnly MostRecent(DateOnly published, DayOfWeek day)
    {
        int back = ((int)published.DayOfWeek - (int)day + 7) % 7;
        return published.AddDays(-back);
    }
}
