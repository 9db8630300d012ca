using System.Globalization;
using System.Text;
using Ingestion.Contracts;

[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Ingestion.Operator.Tests")]

namespace Ingestion.Store.Api;

/// <summary>RFC 4180 CSV: comma-separated, CRLF rows, fields with a comma, quote or line break quoted, quotes doubled.</summary>
internal static class ExportCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    // Spreadsheet tools read a BOM-less CSV as the local code page and turn Arabic into mojibake.
    public static ReadOnlyMemory<byte> ByteOrderMark { get; } = Encoding.UTF8.GetPreamble();

    public static string Header() => string.Join(',', ExportColumns.All.Select(c => c.Name)) + "\r\n";

    public static string Row(IncidentSnapshot incident) =>
        string.Join(',', ExportColumns.All.Select(c => Field(Format(c.Value(incident)), c.FreeText))) + "\r\n";

    public static string Field(string value, bool freeText)
    {
        // Text from news sites must not run as a formula when an analyst opens the file (CSV injection):
        // a leading apostrophe makes spreadsheets show it as text.
        if (freeText && value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
