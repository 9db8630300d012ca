using Ingestion.Resolution;

namespace Ingestion.Resolution.Tests;

/// <summary>Builds mentions with sensible defaults; every call gets a fresh mention and article id unless given.</summary>
internal static class Mentions
{
    private static int _counter;

    public static IncidentMention Make(
        string kind = "rocket_attack", string? date = "2024-04-21", string published = "2024-04-22",
        MentionPlace? place = null, string? attacker = null, string? target = "us_forces",
        int? killed = null, int? wounded = null, string source = "outlet-a", Guid? article = null,
        int tolerance = 1, bool intercepted = false, string? claimedBy = null, string[]? denials = null,
        double confidence = 0.8, Guid? id = null, bool noPlace = false)
    {
        int n = Interlocked.Increment(ref _counter);
        return new IncidentMention(
            id ?? IdFrom(n), article ?? Guid.NewGuid(), source, DateOnly.Parse(published), kind,
            date is null ? null : DateOnly.Parse(date), tolerance, noPlace ? null : place ?? Places.AinAlAsad,
            attacker, target, killed, wounded, intercepted, claimedBy, denials ?? [], confidence, $"evidence {n}");
    }

    /// <summary>Ids that sort in creation order, so tests can say which mention's id is the smallest.</summary>
    public static Guid IdFrom(int n) => new($"00000000-0000-0000-0000-{n:x12}");
}
