using System.Text;

namespace Ingestion.Operator.Tests.Exports;

/// <summary>An RFC 4180 reader, strict on purpose: a field quoted wrongly by the export makes it throw.</summary>
public static class CsvFile
{
    public static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"' && field.Length == 0)
            {
                for (i++; ; i++)
                {
                    if (i >= text.Length) throw new FormatException("Unterminated quoted field");
                    if (text[i] != '"') { field.Append(text[i]); continue; }
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; continue; }
                    i++;
                    break;
                }
                if (i < text.Length && text[i] is not (',' or '\r')) throw new FormatException($"Text after a closing quote at {i}");
                continue;
            }
            switch (text[i])
            {
                case ',': row.Add(field.ToString()); field.Clear(); i++; break;
                case '\r':
                    if (i + 1 >= text.Length || text[i + 1] != '\n') throw new FormatException($"Bare CR at {i}");
                    row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; i += 2; break;
                case '\n': throw new FormatException($"Bare LF at {i}: rows must end in CRLF");
                case '"': throw new FormatException($"Quote inside an unquoted field at {i}");
                default: field.Append(text[i]); i++; break;
            }
        }
        if (field.Length > 0 || row.Count > 0) throw new FormatException("Last row does not end in CRLF");
        return rows;
    }
}
