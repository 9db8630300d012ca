using System.Globalization;
using System.Text.RegularExpressions;

namespace Ingestion.Operator.Tests.Browser;

/// <summary>Point-in-polygon over rings, for checking that a dot or a place falls inside its country.</summary>
public static partial class Outline
{
    public static bool Contains(IReadOnlyList<(double X, double Y)> ring, (double X, double Y) point)
    {
        var inside = false;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
        {
            var (a, b) = (ring[i], ring[j]);
            if ((a.Y > point.Y) != (b.Y > point.Y) && point.X < (b.X - a.X) * (point.Y - a.Y) / (b.Y - a.Y) + a.X) inside = !inside;
        }
        return inside;
    }

    /// <summary>The rings of an SVG path made of M/L/Z commands (what map.js writes).</summary>
    public static IReadOnlyList<IReadOnlyList<(double X, double Y)>> RingsOfSvgPath(string d) =>
        d.Split('M', StringSplitOptions.RemoveEmptyEntries).Select(ring => (IReadOnlyList<(double, double)>)Number().Matches(ring)
            .Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture)).Chunk(2).Select(p => (p[0], p[1])).ToList()).ToList();

    [GeneratedRegex(@"-?\d+(?:\.\d+)?")]
    private static partial Regex Number();
}
