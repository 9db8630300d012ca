using Ingestion.Extraction.Lexicon;

namespace Ingestion.Extraction.Semantics;

/// <summary>
/// One article may tell one incident several times (a headline, a quote, a recap). Mentions merge
/// when their kinds are compatible, their dates agree, and their places are the same or one lies
/// within the other («قاعدة عسكرية في غرب العراق» and «قاعدة عين الأسد»). A summary («غارات على
/// العراق») or a broad mention that fits several specific incidents lends them only who did it.
/// </summary>
internal static class MentionMerger
{
    public static List<List<Mention>> Merge(List<Mention> mentions)
    {
        var groups = new List<List<Mention>>();
        foreach (var m in mentions)
        {
            var home = groups.FindLast(g => g[0].Place!.Public.Id == m.Place!.Public.Id && g[0].IsSummary == m.IsSummary && Fits(g, m, samePlace: true));
            if (home is null) groups.Add([m]); else home.Add(m);
        }
        for (int rank = 1; rank <= 3; rank++)
            foreach (var broad in groups.Where(g => g[0].Place!.Rank == rank).ToList())
            {
                var hosts = groups.FindAll(h => h != broad && h[0].Place!.Rank < rank && !h[0].IsSummary
                    && broad[0].Place!.Contains(h[0].Place!) && broad.TrueForAll(m => Fits(h, m, samePlace: false)));
                if (hosts.Count == 0) continue;
                groups.Remove(broad);
                if (hosts.Count == 1 && !broad[0].IsSummary) { hosts[0].AddRange(broad); continue; }
                foreach (var h in hosts) LendActors(h, broad);
            }
        groups.RemoveAll(g => g.TrueForAll(m => m.IsSummary));
        return groups;
    }

    /// <summary>At one named place, an explosion may be the same event as any attack; across places, only as itself.</summary>
    private static bool Fits(List<Mention> group, Mention m, bool samePlace) =>
        group.TrueForAll(o => (samePlace ? KindReader.Compatible(o.Kind, m.Kind) : KindReader.CompatibleAcrossPlaces(o.Kind, m.Kind))
                              && DatesAgree(o.Date, m.Date));

    private static bool DatesAgree(DateReading? a, DateReading? b) =>
        a is null || b is null || Math.Abs(a.Value.Date.DayNumber - b.Value.Date.DayNumber) <= Math.Min(a.Value.ToleranceDays, b.Value.ToleranceDays);

    private static void LendActors(List<Mention> host, List<Mention> broad)
    {
        string? attacker = broad.Find(m => m.Attacker is not null)?.Attacker;
        if (attacker is null || host.Exists(m => m.Attacker is not null)) return;
        host[0].Attacker = attacker;
    }
}
