namespace Ingestion.Feeds;

/// <summary>The parts of an HTTP Content-Type that decide how a feed is decoded (RFC 3023).</summary>
internal readonly record struct MediaType(string Type, string? Charset)
{
    /// <summary>application/xml, application/*+xml, xml-dtd, xml-external-parsed-entity: charset, else declaration.</summary>
    public bool IsApplicationXml =>
        Type is "application/xml" or "application/xml-dtd" or "application/xml-external-parsed-entity"
        || (Type.StartsWith("application/", StringComparison.Ordinal) && Type.EndsWith("+xml", StringComparison.Ordinal));

    /// <summary>text/xml and text/*+xml: charset, else us-ascii.</summary>
    public bool IsTextXml =>
        Type is "text/xml" or "text/xml-external-parsed-entity"
        || (Type.StartsWith("text/", StringComparison.Ordinal) && Type.EndsWith("+xml", StringComparison.Ordinal));

    public bool IsXml => IsApplicationXml || IsTextXml || Type.Length == 0
        || Type is "application/octet-stream" or "application/rdf+xml";

    public static MediaType Parse(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return new MediaType("", null);
        var parts = contentType.Split(';');
        var type = parts[0].Trim().ToLowerInvariant();
        string? charset = null;
        for (var i = 1; i < parts.Length; i++)
        {
            var eq = parts[i].IndexOf('=');
            if (eq < 0) continue;
            if (!parts[i][..eq].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase)) continue;
            var value = parts[i][(eq + 1)..].Trim().Trim('"', '\'').Trim();
            if (value.Length > 0) charset = value;
        }
        return new MediaType(type, charset);
    }
}
