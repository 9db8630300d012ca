using System.Net;
using System.Text;

namespace Ingestion.Feeds;

/// <param name="Changed">Entities or ampersands had to be repaired: the document was not well-formed.</param>
/// <param name="DeclaresEntities">The DOCTYPE declared entities we refuse to expand (external, parameter or nested: XXE, billion laughs).</param>
internal readonly record struct RepairResult(string Text, bool Changed, bool DeclaresEntities, string? Problem);

/// <summary>
/// One pass over the decoded text, before System.Xml sees it, fixing what news sites really emit:
/// HTML entities XML does not declare (&amp;nbsp; &amp;hellip;) become character references, bare '&amp;'
/// becomes &amp;amp;, and the DOCTYPE is dropped so no DTD is ever processed (XXE, billion laughs).
/// Internal entities whose value is plain text (no references, nothing external) are substituted: they cannot
/// expand or reach outside, and feeds do use them.
/// Text inside CDATA sections and comments is left alone.
/// </summary>
internal static class XmlRepair
{
    private static readonly char[] Specials = ['&', '<'];

    public const string RefusedEntities =
        "the DOCTYPE declares external, parameter or nested entities; not expanded (XXE / entity-expansion attack refused)";

    public static RepairResult Repair(string text)
    {
        StringBuilder? sb = null;
        var copied = 0;
        var changed = false;
        var declaresEntities = false;
        Dictionary<string, string>? declared = null;
        string? problem = null;
        var i = 0;
        while (true)
        {
            var at = text.IndexOfAny(Specials, i);
            if (at < 0) break;
            if (text[at] == '<')
            {
                i = SkipMarkup(text, at, ref sb, ref copied, ref declaresEntities, ref problem, ref declared);
                continue;
            }
            var semi = EntityEnd(text, at);
            var name = semi < 0 ? default : text.AsSpan(at + 1, semi - at - 1);
            string? replacement;
            var isDeclared = false;
            if (semi >= 0 && declared is not null && declared.TryGetValue(name.ToString(), out var value))
            {
                replacement = value;
                isDeclared = true;
            }
            else
            {
                replacement = semi < 0 ? "&amp;" : ReplaceEntity(name);
            }
            if (replacement is null) { i = semi + 1; continue; }
            sb ??= new StringBuilder(text.Length + 64);
            sb.Append(text, copied, at - copied).Append(replacement);
            copied = semi < 0 ? at + 1 : semi + 1;
            if (!isDeclared && !IsCosmetic(name))
            {
                changed = true;
                problem ??= semi < 0 ? "bare '&' in text" : declaresEntities ? RefusedEntities + $": &{name};" : $"undeclared entity &{name};";
            }
            i = copied;
        }
        if (sb is null) return new RepairResult(text, false, declaresEntities, problem);
        sb.Append(text, copied, text.Length - copied);
        return new RepairResult(sb.ToString(), changed, declaresEntities, problem);
    }

    /// <summary>Index of the ';' closing a plausible entity reference starting at <paramref name="amp"/>, or -1.</summary>
    private static int EntityEnd(string text, int amp)
    {
        var limit = Math.Min(text.Length, amp + 34);
        for (var j = amp + 1; j < limit; j++)
        {
            var c = text[j];
            if (c == ';') return j > amp + 1 ? j : -1;
            if (!(char.IsAsciiLetterOrDigit(c) || (c == '#' && j == amp + 1) || c == '_' || c == '-' || c == '.')) return -1;
        }
        return -1;
    }

    /// <summary>null keeps the reference as written (XML's own entities and valid character references).</summary>
    private static string? ReplaceEntity(ReadOnlySpan<char> name)
    {
        if (name[0] == '#') return CharRef(name[1..]);
        if (name is "amp" or "lt" or "gt" or "quot" or "apos") return null;
        var reference = "&" + name.ToString() + ";";
        var decoded = WebUtility.HtmlDecode(reference);
        if (decoded == reference) return "&amp;" + name.ToString() + ";"; // unknown: keep it visible as text
        var sb = new StringBuilder();
        foreach (var rune in decoded.EnumerateRunes()) sb.Append("&#").Append(rune.Value).Append(';');
        return sb.ToString();
    }

    /// <summary>
    /// null keeps a valid reference; &amp;#X41; (not XML) and references into 128..159, which sites mean as
    /// windows-1252 curly quotes and dashes, are rewritten; garbage becomes visible text.
    /// </summary>
    private static string? CharRef(ReadOnlySpan<char> digits)
    {
        if (digits.Length == 0) return "&amp;#;";
        var hex = digits[0] is 'x' or 'X';
        var body = hex ? digits[1..] : digits;
        var code = 0;
        var ok = body.Length > 0 && (hex
            ? int.TryParse(body, System.Globalization.NumberStyles.AllowHexSpecifier, null, out code)
            : int.TryParse(body, out code));
        if (!ok || code > 0x10FFFF) return "&amp;#" + digits.ToString() + ";";
        if (code is >= 128 and <= 159) return "&#" + Windows1252.Map(code) + ";";
        return digits[0] == 'X' ? "&#x" + body.ToString() + ";" : null;
    }

    /// <summary>Repairs that do not make a document malformed (an uppercase X, windows-1252 references).</summary>
    private static bool IsCosmetic(ReadOnlySpan<char> name) => name.Length > 1 && name[0] == '#';

    private static int SkipMarkup(string text, int lt, ref StringBuilder? sb, ref int copied, ref bool declaresEntities, ref string? problem,
        ref Dictionary<string, string>? declared)
    {
        var span = text.AsSpan(lt);
        if (span.StartsWith("<![CDATA[")) return SkipTo(text, lt + 9, "]]>");
        if (span.StartsWith("<!--")) return SkipTo(text, lt + 4, "-->");
        if (!span.StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase)) return lt + 1;

        var end = DoctypeEnd(text, lt);
        var doctype = text.AsSpan(lt, end - lt);
        if (doctype.Contains("<!ENTITY", StringComparison.Ordinal) && !EntityDeclarations.TryReadSafe(doctype.ToString(), out declared))
        {
            // Noted even when unused; the document only counts as malformed if its body references one of them.
            declaresEntities = true;
            problem ??= RefusedEntities;
        }
        sb ??= new StringBuilder(text.Length);
        sb.Append(text, copied, lt - copied);
        copied = end;
        return end;
    }

    private static int SkipTo(string text, int from, string terminator)
    {
        var end = text.IndexOf(terminator, from, StringComparison.Ordinal);
        return end < 0 ? text.Length : end + terminator.Length;
    }

    /// <summary>End of a DOCTYPE, past an internal subset in [...] if there is one.</summary>
    private static int DoctypeEnd(string text, int lt)
    {
        var bracket = text.IndexOf('[', lt);
        var close = text.IndexOf('>', lt);
        if (close < 0) return text.Length;
        if (bracket < 0 || bracket > close) return close + 1;
        var subsetEnd = text.IndexOf("]", bracket, StringComparison.Ordinal);
        while (subsetEnd >= 0)
        {
            var after = text.AsSpan(subsetEnd + 1).TrimStart();
            if (after.Length > 0 && after[0] == '>') return text.Length - after.Length + 1;
            subsetEnd = text.IndexOf(']', subsetEnd + 1);
        }
        return text.Length;
    }
}
