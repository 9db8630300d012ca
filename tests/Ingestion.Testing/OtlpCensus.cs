using System.Text;

namespace Ingestion.Testing;

/// <summary>
/// Counts what an OTLP export carries, by who sent it and what it is: spans by service and span name, log records by
/// service and category. Reads only the few protobuf fields it needs (no OTLP package restores here), so a run can
/// show which spans and logs make up the bytes an article costs.
/// </summary>
public static class OtlpCensus
{
    /// <summary>The spans of an ExportTraceServiceRequest, as "service: span name".</summary>
    public static IEnumerable<string> Spans(byte[] body) => Items(body, nameOf: NameOfSpan);

    /// <summary>The log records of an ExportLogsServiceRequest, as "service: category" (the instrumentation scope).</summary>
    public static IEnumerable<string> LogRecords(byte[] body) => Items(body, nameOf: null);

    // Both requests nest alike: resource_* (1) → { resource (1), scope_* (2) → { scope (1), spans or log_records (2) } }.
    private static IEnumerable<string> Items(byte[] body, Func<byte[], int, int, string>? nameOf)
    {
        foreach (var (field, resourceStart, resourceLength) in Fields(body, 0, body.Length))
        {
            if (field != 1) continue;
            var service = "?";
            foreach (var (f, start, length) in Fields(body, resourceStart, resourceLength))
                if (f == 1) service = ServiceName(body, start, length) ?? service;
            foreach (var (f, scopeStart, scopeLength) in Fields(body, resourceStart, resourceLength))
            {
                if (f != 2) continue;
                var scope = "?";
                foreach (var (g, start, length) in Fields(body, scopeStart, scopeLength))
                    if (g == 1) scope = FirstString(body, start, length, field: 1) ?? scope;
                foreach (var (g, start, length) in Fields(body, scopeStart, scopeLength))
                    if (g == 2) yield return $"{service}: {(nameOf is null ? scope : nameOf(body, start, length))}";
            }
        }
    }

    private static string NameOfSpan(byte[] body, int start, int length) => FirstString(body, start, length, field: 5) ?? "?";

    // Resource { repeated KeyValue attributes = 1 }, KeyValue { key = 1, AnyValue value = 2 }, AnyValue { string_value = 1 }.
    private static string? ServiceName(byte[] body, int start, int length)
    {
        foreach (var (f, kvStart, kvLength) in Fields(body, start, length))
        {
            if (f != 1 || FirstString(body, kvStart, kvLength, field: 1) != "service.name") continue;
            foreach (var (g, valueStart, valueLength) in Fields(body, kvStart, kvLength))
                if (g == 2) return FirstString(body, valueStart, valueLength, field: 1);
        }
        return null;
    }

    private static string? FirstString(byte[] body, int start, int length, int field)
    {
        foreach (var (f, s, l) in Fields(body, start, length))
            if (f == field) return Encoding.UTF8.GetString(body, s, l);
        return null;
    }

    /// <summary>The length-delimited fields of one message, as (field number, start, length); other wire types are skipped.</summary>
    private static IEnumerable<(int Field, int Start, int Length)> Fields(byte[] body, int start, int length)
    {
        var position = start;
        var end = start + length;
        while (position < end)
        {
            var tag = ReadVarint(body, ref position);
            var field = (int)(tag >> 3);
            switch (tag & 7)
            {
                case 0: ReadVarint(body, ref position); break;
                case 1: position += 8; break;
                case 5: position += 4; break;
                case 2:
                    var size = (int)ReadVarint(body, ref position);
                    yield return (field, position, size);
                    position += size;
                    break;
                default: throw new InvalidDataException($"Unsupported protobuf wire type {tag & 7} at byte {position}.");
            }
        }
    }

    private static ulong ReadVarint(byte[] body, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = body[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
    }
}
