using System.Globalization;
using Ingestion.Alerting.Subscriptions;

namespace Ingestion.Alerting.Streaming;

/// <summary>
/// The stream's filters from the query string, named as in a subscription: lists comma-separated or
/// repeated (kinds=rocket_attack,drone_attack), near=lat,lon,radiusKm, box=minLat,minLon,maxLat,maxLon.
/// </summary>
public static class StreamQuery
{
    public static bool TryParse(IQueryCollection query, out AlertFilter filter, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var e = errors;
        string[] List(string key) => query[key].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
        T? Number<T>(string key) where T : struct, IParsable<T>
        {
            if (query[key].ToString() is not { Length: > 0 } raw) return null;
            if (T.TryParse(raw, CultureInfo.InvariantCulture, out var value)) return value;
            e[key] = ["A number"];
            return null;
        }
        double[]? Numbers(string key, int count)
        {
            var parts = List(key);
            if (parts.Length == 0) return null;
            var values = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToArray();
            if (values.Length == count && !values.Any(double.IsNaN)) return values;
            e[key] = [$"{count} comma-separated numbers"];
            return null;
        }
        bool? Flag(string key)
        {
            if (query[key].ToString() is not { Length: > 0 } raw) return null;
            if (bool.TryParse(raw, out var value)) return value;
            e[key] = ["true or false"];
            return null;
        }
        var near = Numbers("near", 3);
        var box = Numbers("box", 4);
        filter = new AlertFilter
        {
            Kinds = List("kinds"), Countries = List("countries"), Places = List("places"),
            Near = near is null ? null : new GeoCircle(near[0], near[1], near[2]),
            Box = box is null ? null : new GeoBox(box[0], box[1], box[2], box[3]),
            Attackers = List("attackers"), Targets = List("targets"),
            MinKilled = Number<int>("minKilled"), MinWounded = Number<int>("minWounded"), MinSources = Number<int>("minSources"),
            MinConfidence = Number<double>("minConfidence"),
            NewIncidents = Flag("newIncidents") ?? true, Revisions = List("revisions"),
        };
        filter = filter.Normalized();
        filter.Validate(errors);
        return errors.Count == 0;
    }
}
