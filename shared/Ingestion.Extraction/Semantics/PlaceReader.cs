using Ingestion.Extraction.Lexicon;

namespace Ingestion.Extraction.Semantics;

/// <summary>
/// Where an attack landed. Place names that describe something else are set aside: the launch site
/// («أُطلقت من بلدة زمار»), a speaker's seat («مصدر أمني في كردستان العراق»), part of a group's name
/// («كتائب حزب الله في العراق»), and distance references («على بعد 60 كلم جنوب بغداد»). Of the rest,
/// the most specific win; broader names in the same clause only locate them («رميلان شمال شرق سوريا»).
/// </summary>
internal static class PlaceReader
{
    public static void Read(in ClauseView v, List<PlaceInfo> places, List<ActorInfo> actors, Func<int, bool> excluded, List<(PlaceInfo Place, int Token)> result)
    {
        result.Clear();
        int bestRank = int.MaxValue, setAsideEnd = -10;
        for (int i = v.MatchFrom; i < v.MatchTo; i++)
        {
            var m = v[i];
            if (m.Term != Term.Place || excluded(m.First)) continue;
            if (IsDescriptive(v, m, actors) || (m.First == setAsideEnd + 1 && StartsWithWaw(v, m.First)))
            {
                setAsideEnd = m.Last; // «الفصائل في العراق وسوريا»: the coordinated name is set aside too
                continue;
            }
            var place = Directional(v, m, places[m.Value]);
            if (place.Rank < bestRank) { bestRank = place.Rank; result.Clear(); }
            if (place.Rank == bestRank && !result.Exists(p => p.Place.Public.Id == place.Public.Id)) result.Add((place, m.First));
        }
        // «في العراق وسوريا»: two countries and nothing finer is a summary, not a place.
        if (bestRank == 3 && result.Count > 1) result.Clear();
    }

    private static bool IsDescriptive(in ClauseView v, Match m, List<ActorInfo> actors)
    {
        if (v.Precedes(Term.Speaker, m.First, 3)) return true;
        // «على بعد 60 كلم جنوب بغداد», «الواقعة على الحدود مع سورية»: descriptions of the place named before, up to the next comma.
        foreach (var describer in (ReadOnlySpan<Term>)[Term.Distance, Term.Locator])
        {
            int d = v.FindBefore(describer, m.First, 5);
            if (d >= 0 && !v.CommaBetween(v[d].Last, m.First)) return true;
        }
        int from = v.FindBefore(Term.From, m.First, 3);
        if (from >= 0 && v.Precedes(Term.Launch, v[from].First, 4)) return true;
        for (int i = v.MatchFrom; i < v.MatchTo; i++)
        {
            var a = v[i];
            // A group named with its country («كتائب حزب الله في العراق»); not a target's location («مقر للحشد الشعبي في القائم»).
            if (a.Term != Term.Actor || actors[a.Value].IsState || v.Precedes(Term.TargetPrep, a.First, 2) || v.Precedes(Term.BaseNoun, a.First, 2)) continue;
            if (a.First <= m.First && a.Last >= m.Last) return true;     // inside a group's name
            if (a.Last == m.First - 2 && v.Scan.Tokens[m.First - 1].Length == 2 && IsFi(v, m.First - 1)) return true; // «X في العراق»
        }
        return false;
    }

    private static bool StartsWithWaw(in ClauseView v, int token) => v.Scan.Norm[v.Scan.Tokens[token].Start] == 'و';

    private static bool IsFi(in ClauseView v, int token)
    {
        var t = v.Scan.Tokens[token];
        return v.Scan.Norm[t.Start] == 'ف' && v.Scan.Norm[t.Start + 1] == 'ي';
    }

    /// <summary>«جنوب بغداد», «شمال أربيل»: a region beside a city, shifted ~15 km that way and no finer than a province.</summary>
    private static PlaceInfo Directional(in ClauseView v, Match m, PlaceInfo place)
    {
        if (place.Rank >= 2) return place;
        int d = v.FindBefore(Term.Direction, m.First, 2);
        if (d < 0 || (v[d].Last != m.First - 1 && !v.Precedes(Term.AreaNoun, m.First, 1))) return place;
        if (v[d].Value == 9) return place; // «قرب», «بالقرب من»: near is still the place
        var (dLat, dLon) = v[d].Value switch
        {
            1 => (0.15, 0.0), 2 => (-0.15, 0.0), 3 => (0.0, 0.15), 4 => (0.0, -0.15),
            5 => (0.1, 0.1), 6 => (0.1, -0.1), 7 => (-0.1, 0.1), _ => (-0.1, -0.1),
        };
        var p = place.Public;
        string prefix = v[d].Value switch { 1 => "north of ", 2 => "south of ", 3 => "east of ", 4 => "west of ", _ => "near " };
        return new PlaceInfo(p with
        {
            Id = p.Id + "~" + v[d].Value, Name = prefix + p.Name, Lat = Math.Round(p.Lat + dLat, 3), Lon = Math.Round(p.Lon + dLon, 3),
            Precision = p.Precision == "site" ? "city" : "province",
        }, place.HostsUsForces);
    }
}
