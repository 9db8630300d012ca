using System.Net;
using System.Text.RegularExpressions;

namespace Ingestion.Feeds;

/// <summary>
/// Reads the internal entity declarations of a DOCTYPE and accepts them only when every one is a short
/// literal: no SYSTEM/PUBLIC (XXE), no parameter entities, no references inside values (billion laughs).
/// </summary>
internal static partial class EntityDeclarations
{
    private const int MaxValueLength = 1024;

    public static bool TryReadSafe(string doctype, out Dictionary<string, string>? entities)
    {
        entities = null;
        var all = AnyDeclaration().Matches(doctype).Count;
        var safe = LiteralDeclaration().Matches(doctype);
        if (all == 0 || safe.Count != all) return false;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in safe)
        {
            var value = m.Groups["v1"].Success ? m.Groups["v1"].Value : m.Groups["v2"].Value;
            if (value.Length > MaxValueLength || value.Contains('&') || value.Contains('%')) return false;
            map[m.Groups["n"].Value] = WebUtility.HtmlEncode(value).Replace("&#39;", "'", StringComparison.Ordinal);
        }
        entities = map;
        return true;
    }

    [GeneratedRegex(@"<!ENTITY\b")]
    private static partial Regex AnyDeclaration();

    [GeneratedRegex(@"<!ENTITY\s+(?<n>[A-Za-z_][\w.-]*)\s+(?:""(?<v1>[^""]*)""|'(?<v2>[^']*)')\s*>")]
    private static partial Regex LiteralDeclaration();
}
