using System.Globalization;
using System.Text.RegularExpressions;

namespace Ingestion.Feeds;

/// <summary>
/// Dates as feeds really write them: RFC 822/1123 and its variants (no weekday, 2-digit years,
/// named or military zones, missing seconds), ISO 8601 / W3C-DTF, asctime, and Arabic-Indic digits
/// and Arabic month names. Always normalised to UTC.
/// </summary>
public static partial class FeedDates
{
    public static DateTimeOffset? Parse(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var text = ArabicText.NormaliseDigits(raw.Trim());
        return ParseIso(text) ?? ParseRfc822(text) ?? ParseAsctime(text);
    }

    private static DateTimeOffset? ParseIso(string text)
    {
        var m = IsoPattern().Match(text);
        if (!m.Success) return null;
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = Int(m.Groups["mo"], 1);
        var day = Int(m.Groups["d"], 1);
        var hour = Int(m.Groups["h"], 0);
        var minute = Int(m.Groups["mi"], 0);
        var second = Int(m.Groups["s"], 0);
        var fraction = m.Groups["f"].Success ? double.Parse("0." + m.Groups["f"].Value, CultureInfo.InvariantCulture) : 0;
        var offset = ParseOffset(m.Groups["z"].Value) ?? TimeSpan.Zero;
        return Build(year, month, day, hour, minute, second, offset)?.AddTicks((long)(fraction * TimeSpan.TicksPerSecond));
    }

    private static DateTimeOffset? ParseRfc822(string text)
    {
        var m = Rfc822Pattern().Match(text);
        if (!m.Success) return null;
        var month = Months.Find(m.Groups["mon"].Value);
        if (month is null) return null;
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (m.Groups["y"].Value.Length == 2) year += year < 50 ? 2000 : 1900;
        var zone = m.Groups["z"].Value.Trim();
        var offset = zone.Length == 0 ? TimeSpan.Zero : ParseOffset(zone) ?? TimeSpan.Zero;
        return Build(year, month.Value, int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture),
            Int(m.Groups["h"], 0), Int(m.Groups["mi"], 0), Int(m.Groups["s"], 0), offset);
    }

    private static DateTimeOffset? ParseAsctime(string text)
    {
        var m = AsctimePattern().Match(text);
        if (!m.Success) return null;
        var month = Months.Find(m.Groups["mon"].Value);
        if (month is null) return null;
        return Build(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), month.Value,
            int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture),
            Int(m.Groups["h"], 0), Int(m.Groups["mi"], 0), Int(m.Groups["s"], 0), ParseOffset(m.Groups["z"].Value) ?? TimeSpan.Zero);
    }

    private static DateTimeOffset? Build(int y, int mo, int d, int h, int mi, int s, TimeSpan offset)
    {
        if (y < 1 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return null;
        if (h == 24 && mi == 0 && s == 0) { h = 0; d++; } // "24:00" is midnight ending the day
        if (h > 23 || mi > 59 || s > 60) return null;
        if (s == 60) s = 59; // leap second
        try
        {
            var local = new DateTime(y, mo, 1, h, mi, s, DateTimeKind.Unspecified).AddDays(d - 1);
            return new DateTimeOffset(local, offset).ToUniversalTime();
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static int Int(Group g, int fallback) =>
        g.Success && g.Value.Length > 0 ? int.Parse(g.Value, CultureInfo.InvariantCulture) : fallback;

    /// <summary>+HHMM, +HH:MM, +HH, Z, UT/UTC/GMT, US zone names, military letters (treated as UTC, as RFC 1123 advises).</summary>
    internal static TimeSpan? ParseOffset(string zone)
    {
        zone = zone.Trim();
        if (zone.Length == 0) return null;
        if (zone[0] is '+' or '-')
        {
            var digits = zone[1..].Replace(":", "", StringComparison.Ordinal);
            if (digits.Length is not (2 or 4) || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var v)) return null;
            var hours = digits.Length == 2 ? v : v / 100;
            var minutes = digits.Length == 2 ? 0 : v % 100;
            if (hours > 14 || minutes > 59) return null;
            var span = new TimeSpan(hours, minutes, 0);
            return zone[0] == '-' ? -span : span;
        }
        return zone.ToUpperInvariant() switch
        {
            "Z" or "UT" or "UTC" or "GMT" => TimeSpan.Zero,
            "EST" => TimeSpan.FromHours(-5), "EDT" => TimeSpan.FromHours(-4),
            "CST" => TimeSpan.FromHours(-6), "CDT" => TimeSpan.FromHours(-5),
            "MST" => TimeSpan.FromHours(-7), "MDT" => TimeSpan.FromHours(-6),
            "PST" => TimeSpan.FromHours(-8), "PDT" => TimeSpan.FromHours(-7),
            "AST" => TimeSpan.FromHours(3), // Arabia Standard Time is what Arabic sites mean by AST
            "EET" => TimeSpan.FromHours(2), "EEST" => TimeSpan.FromHours(3),
            "CET" => TimeSpan.FromHours(1), "CEST" => TimeSpan.FromHours(2),
            "BST" => TimeSpan.FromHours(1),
            _ => zone.Length == 1 && char.IsAsciiLetter(zone[0]) ? TimeSpan.Zero : null,
        };
    }

    [GeneratedRegex(@"^(?<y>\d{4})(?:-?(?<mo>\d{2})(?:-?(?<d>\d{2}))?)?(?:[T ](?<h>\d{2}):?(?<mi>\d{2})(?::?(?<s>\d{2})(?:[.,](?<f>\d{1,7})\d*)?)?)?\s*(?<z>Z|[+-]\d{2}(?::?\d{2})?)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"^(?:[^\d,]+,?\s*)?(?<d>\d{1,2})(?:st|nd|rd|th)?[\s\-]+(?<mon>[^\s\d\-,.]+)\.?,?[\s\-]+(?<y>\d{4}|\d{2})(?:,?\s+|T)?(?:(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:\.\d+)?)?)?\s*(?<z>[A-Za-z]{1,5}|[+-]\d{2}:?\d{2}|[+-]\d{2})?\s*(?:\([^)]*\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc822Pattern();

    [GeneratedRegex(@"^(?:[A-Za-z]+,?\s+)?(?<mon>[A-Za-z]+)\.?\s+(?<d>\d{1,2}),?\s+(?:(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?\s+)?(?<y>\d{4})(?:\s+(?<h2>\d{1,2}):(?<mi2>\d{2}))?\s*(?<z>[+-]\d{2}:?\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex AsctimePattern();
}
