namespace Ingestion.Dedupe;

/// <summary>Query-string part of URL canonicalisation: which parameters identify content and how they are spelled.</summary>
internal static class QueryParameters
{
    // Click and campaign identifiers: they say how the reader arrived, not which article they read.
    private static readonly HashSet<string> Tracking = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid", "ttclid",
        "mc_cid", "mc_eid", "_ga", "_gl", "ocid", "cmpid", "ref_src", "s_cid",
    };

    /// <summary>Sorted, uniformly encoded "k=v" pairs joined by '&amp;', tracking and AMP flags removed.</summary>
    public static string Canonical(string query)
    {
        if (string.IsNullOrEmpty(query) || query == "?") return "";
        var kept = new List<(string Key, string Value, bool HasValue)>();
        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = part.IndexOf('=');
            string key = Decode(eq < 0 ? part : part[..eq]);
            string value = eq < 0 ? "" : Decode(part[(eq + 1)..]);
            if (key.Length == 0 || IsDropped(key, value)) continue;
            kept.Add((key, value, eq >= 0));
        }
        kept.Sort((a, b) =>
        {
            int byKey = string.CompareOrdinal(a.Key, b.Key);
            return byKey != 0 ? byKey : string.CompareOrdinal(a.Value, b.Value);
        });
        return string.Join('&', kept.Select(p =>
            p.HasValue ? Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value) : Uri.EscapeDataString(p.Key)));
    }

    private static bool IsDropped(string key, string value) =>
        key.StartsWith("utm_", StringComparison.OrdinalIgnoreCase)
        || Tracking.Contains(key)
        || key.Equals("amp", StringComparison.OrdinalIgnoreCase)
        || (key.Equals("outputType", StringComparison.OrdinalIgnoreCase) && value.Equals("amp", StringComparison.OrdinalIgnoreCase));

    // '+' is a space in form-encoded queries; decoding it first makes "a+b" and "a%20b" one spelling.
    private static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
}
