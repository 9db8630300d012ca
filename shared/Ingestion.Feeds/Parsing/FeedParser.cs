using System.Text.RegularExpressions;

namespace Ingestion.Feeds;

/// <summary>RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom parser over System.Xml with a lenient recovery path.</summary>
public static partial class FeedParser
{
    /// <summary>Never throws on bad input: a document it cannot read at all comes back with Items empty and Error set.</summary>
    public static ParsedFeed Parse(ReadOnlySpan<byte> body, string? contentType = null, Uri? feedUrl = null)
    {
        var encodingName = "utf-8";
        try
        {
            if (body.IsEmpty) return ParsedFeed.Unreadable(encodingName, "empty document");
            var decoded = FeedDecoder.Decode(body, contentType);
            encodingName = decoded.EncodingName;
            return ParseText(decoded, feedUrl);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Last line of defence: a parser bug must cost one feed, not the poller.
            return ParsedFeed.Unreadable(encodingName, $"parser failure: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private static ParsedFeed ParseText(DecodedFeed decoded, Uri? feedUrl)
    {
        if (string.IsNullOrWhiteSpace(decoded.Text)) return ParsedFeed.Unreadable(decoded.EncodingName, "empty document");
        var repair = XmlRepair.Repair(decoded.Text);
        var tree = XmlTreeBuilder.Build(repair.Text);
        if (tree.Error is not null && tree.Error.Contains("undeclared prefix", StringComparison.OrdinalIgnoreCase))
        {
            var retry = XmlTreeBuilder.Build(DeclareMissingPrefixes(repair.Text));
            if (retry.Root is not null) tree = retry with { Error = tree.Error };
        }
        var malformed = decoded.Suspicious || repair.Changed || tree.Error is not null;
        var error = Join(repair.DeclaresEntities || repair.Changed ? repair.Problem : null, tree.Error, decoded.Problem);
        if (tree.Root is null) return ParsedFeed.Unreadable(decoded.EncodingName, error ?? "no XML content") with { RefusedEntities = repair.DeclaresEntities };
        return FeedMapper.Map(tree.Root, feedUrl, decoded.EncodingName, malformed, error) with { RefusedEntities = repair.DeclaresEntities };
    }

    /// <summary>The distinct problems, in order. A loop, not LINQ: it runs for every document and almost always finds none.</summary>
    private static string? Join(params ReadOnlySpan<string?> parts)
    {
        string? joined = null;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part is null || parts[..i].Contains(part)) continue;
            joined = joined is null ? part : joined + "; " + part;
        }
        return joined;
    }

    /// <summary>Declares prefixes the document uses without declaring (dc:, media:...) on its root element.</summary>
    private static string DeclareMissingPrefixes(string text)
    {
        var rootStart = RootStartTag().Match(text);
        if (!rootStart.Success) return text;
        var declared = new HashSet<string>(DeclaredPrefix().Matches(text).Select(m => m.Groups[1].Value));
        var used = new HashSet<string>(UsedPrefix().Matches(text).Select(m => m.Groups[1].Value));
        used.ExceptWith(declared);
        used.Remove("xml");
        used.Remove("xmlns");
        if (used.Count == 0) return text;
        var declarations = string.Concat(used.Select(p =>
            $" xmlns:{p}=\"{(Ns.WellKnownPrefixes.TryGetValue(p, out var uri) ? uri : "urn:undeclared:" + p)}\""));
        var insertAt = rootStart.Index + rootStart.Length;
        return text.Insert(insertAt, declarations);
    }

    [GeneratedRegex(@"<(?![?!/])[\w:.-]+")]
    private static partial Regex RootStartTag();

    [GeneratedRegex(@"xmlns:([\w.-]+)\s*=")]
    private static partial Regex DeclaredPrefix();

    [GeneratedRegex(@"</?([A-Za-z_][\w.-]*):[\w.-]+")]
    private static partial Regex UsedPrefix();
}
