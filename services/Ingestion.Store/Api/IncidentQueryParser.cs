using Ingestion.Contracts;
using System.Globalization;
using Ingestion.Store.Data;

namespace Ingestion.Store.Api;

/// <summary>Turns query-string filters into an <see cref="IncidentQuery"/>, collecting every error for one problem response.</summary>
internal static class IncidentQueryParser
{
    private const int MaxLimit = 500;

    public static (IncidentQuery? Query, Dictionary<string, string[]> Errors) Parse(IQueryCollection query)
    {
        var errors = new Dictionary<string, string[]>();
        var from = Date(query, "from", errors);
        var to = Date(query, "to", errors);
        string? kind = query["kind"];
        if (kind is not null && !IncidentKinds.All.Contains(kind)) errors["kind"] = [$"Unknown kind '{kind}'. Known: {string.Join(", ", IncidentKinds.All)}"];
        string? country = query["country"];
        if (country is not null && (country.Length != 2 || !country.All(char.IsAsciiLetter))) errors["country"] = ["An ISO 3166 two-letter code, e.g. IQ"];
        var limit = Int(query, "limit", 100, 1, MaxLimit, errors);
        var offset = Int(query, "offset", 0, 0, int.MaxValue, errors);
        if (from > to) errors["from"] = ["'from' is after 'to'"];
        return errors.Count > 0 ? (null, errors) : (new IncidentQuery(from, to, kind, country?.ToUpperInvariant(), limit, offset), errors);
    }

    private static DateOnly? Date(IQueryCollection query, string name, Dictionary<string, string[]> errors)
    {
        string? value = query[name];
        if (value is null) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors[name] = [$"'{value}' is not a date (YYYY-MM-DD)"];
        return null;
    }

    private static int Int(IQueryCollection query, string name, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        string? value = query[name];
        if (value is null) return fallback;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        errors[name] = [$"'{value}' must be a whole number from {min} to {max}"];
        return fallback;
    }
}
