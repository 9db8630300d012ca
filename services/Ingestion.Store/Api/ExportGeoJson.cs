using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Ingestion.Contracts;

namespace Ingestion.Store.Api;

/// <summary>An RFC 7946 FeatureCollection: one Point feature per incident ([lon, lat]); an incident without a place has a null geometry.</summary>
internal static class ExportGeoJson
{
    public const string ContentType = "application/geo+json; charset=utf-8";

    // Arabic stays readable in the file instead of \uXXXX escapes.
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static void WriteStart(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
    }

    public static void WriteFeature(Utf8JsonWriter json, IncidentSnapshot incident)
    {
        json.WriteStartObject();
        json.WriteString("type", "Feature");
        json.WriteString("id", incident.IncidentId);
        if (incident.Place is { } place)
        {
            json.WriteStartObject("geometry");
            json.WriteString("type", "Point");
            json.WriteStartArray("coordinates");
            json.WriteNumberValue(place.Lon);
            json.WriteNumberValue(place.Lat);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        else json.WriteNull("geometry");
        json.WriteStartObject("properties");
        foreach (var column in ExportColumns.All) WriteValue(json, column.Name, column.Value(incident));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    public static void WriteEnd(Utf8JsonWriter json)
    {
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, string name, object? value)
    {
        switch (value)
        {
            case null: json.WriteNull(name); break;
            case bool b: json.WriteBoolean(name, b); break;
            case int n: json.WriteNumber(name, n); break;
            case double x: json.WriteNumber(name, x); break;
            case DateOnly d: json.WriteString(name, d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)); break;
            case Guid g: json.WriteString(name, g); break;
            default: json.WriteString(name, value.ToString()); break;
        }
    }
}
