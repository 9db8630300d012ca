using Ingestion.Extraction.Lexicon;

namespace Ingestion.Extraction.Semantics;

/// <summary>
/// Reads one clause into incident mentions (an attack word and a place), or into a facts-only mention
/// (casualties, interception, denial, claim) for the incident told just before.
/// Aggregates («أكثر من 70 هجوماً», «خلال الأشهر الماضية»), intentions and cessations («قررت استئناف
/// الهجمات», «توقفت الهجمات») and denials are not incidents.
/// </summary>
internal sealed class ClauseReader(Dictionaries dict)
{
    private readonly List<(PlaceInfo Place, int Token)> _places = new(8);

    public void Read(ArticleScan scan, Clause clause, DateOnly published, PlaceInfo? lastSite, List<Mention> output)
    {
        var v = new ClauseView(scan, clause);
        int aggregateFrom = AggregateStart(v);
        Func<int, bool> excluded = t => t >= aggregateFrom;
        bool denial = v.Has(Term.Denial) || v.Has(Term.Falsity);
        bool allPlural = false;
        int trigger = denial ? -1 : FirstTrigger(v, aggregateFrom, out allPlural);

        var facts = new Mention { Sentence = clause.Sentence, FirstToken = clause.First, LastToken = clause.Last, Background = clause.Background };
        facts.Spans.Add((clause.First, clause.Last));
        (facts.Kind, facts.KindIsWeak) = KindReader.Read(v, excluded);
        CasualtyReader.Read(v, facts, excluded);
        RoleReader.Read(v, facts, dict.Actors, excluded);
        if (aggregateFrom != int.MaxValue && facts.ClaimedBy is not null)
        {
            if (facts.Attacker == facts.ClaimedBy) facts.Attacker = null;
            facts.ClaimedBy = null;
        }
        facts.Hedges += Count(v, Term.Hedge);
        facts.Intercepted = HasUnnegated(v, Term.Intercept, aggregateFrom);
        facts.Date = DateReader.Read(v, published, trigger >= 0 ? trigger : clause.First);

        if (trigger >= 0)
        {
            PlaceReader.Read(v, dict.Places, dict.Actors, excluded, _places);
            if (_places.Count == 0 && lastSite is not null && v.Has(Term.Demonstrative) && v.Has(Term.BaseNoun))
                _places.Add((lastSite, clause.First)); // «وكانت هذه القاعدة قد تعرضت...»: the base named last
            if (_places.Count == 1) { output.Add(Finish(facts, _places[0].Place, allPlural)); return; }
            for (int k = 0; k < _places.Count; k++)
            {
                // Several places in one clause are several incidents; each keeps the casualties told after it.
                int from = k == 0 ? clause.First : _places[k].Token, to = k + 1 < _places.Count ? _places[k + 1].Token : clause.Last + 1;
                var own = new Mention { Sentence = clause.Sentence, FirstToken = clause.First, LastToken = clause.Last, Background = clause.Background,
                    Kind = facts.Kind, KindIsWeak = facts.KindIsWeak, Date = facts.Date, Hedges = facts.Hedges, Intercepted = facts.Intercepted,
                    Attacker = facts.Attacker, Target = facts.Target, ClaimedBy = facts.ClaimedBy, Denials = facts.Denials };
                own.Spans.Add((clause.First, clause.Last));
                CasualtyReader.Read(v, own, t => t >= aggregateFrom || t < from || t >= to);
                output.Add(Finish(own, _places[k].Place, allPlural));
            }
            if (_places.Count > 0) return;
        }
        facts.IsFactOnly = true;
        if (HasFacts(facts, trigger)) output.Add(facts);
    }

    private static Mention Finish(Mention m, PlaceInfo place, bool allPlural)
    {
        m.Place = place;
        m.IsSummary = place.Rank == 3 && allPlural;
        // A drone strike by a state is an airstrike («قصفت طائرة مسيرة أميركية»).
        if (m.Attacker is "us_forces" or "iraqi_forces" && m.Kind == IncidentKinds.Drone) m.Kind = IncidentKinds.Airstrike;
        if (m.Attacker == m.Target) m.Attacker = null;
        if (m.Attacker == "us_forces" && place.HostsUsForces && m.Kind != IncidentKinds.Airstrike) m.Attacker = null;
        if (m.Target is null && place.HostsUsForces && m.Kind != IncidentKinds.Airstrike) m.Target = "us_forces";
        return m;
    }

    private static bool HasFacts(Mention m, int trigger) =>
        trigger >= 0 || m.Killed is not null || m.Wounded is not null || m.ReportsHarm || m.Intercepted
        || m.Denials is not null || m.ClaimedBy is not null || m.Target is not null;

    /// <summary>Token from which the clause talks about many attacks at once, or int.MaxValue.</summary>
    private static int AggregateStart(in ClauseView v)
    {
        if (v.Has(Term.Period)) return v.Clause.First;
        for (int i = v.MatchFrom; i < v.MatchTo; i++)
        {
            var m = v[i];
            bool quantifier = m.Term is Term.Aggregate or Term.Dozens || (m.Term == Term.Number && m.Value >= 3);
            if (!quantifier) continue;
            if (v.Follows(Term.AttackPlural, m.Last, 1) || v.Follows(Term.Attack, m.Last, 1) || v.Follows(Term.Airstrike, m.Last, 1))
            {
                int start = v.FindBefore(Term.MoreThan, m.First, 1);
                return start >= 0 ? v[start].First : m.First;
            }
        }
        return int.MaxValue;
    }

    /// <summary>The first word that reports an attack as having happened, or -1.</summary>
    private static int FirstTrigger(in ClauseView v, int aggregateFrom, out bool allPlural)
    {
        allPlural = true;
        int first = -1;
        bool since = v.Has(Term.Since);
        for (int i = v.MatchFrom; i < v.MatchTo; i++)
        {
            var m = v[i];
            if (m.First >= aggregateFrom) break;
            bool plural = m.Term is Term.AttackPlural || (m.Term == Term.Airstrike && m.Value == 1);
            bool isTrigger = m.Term switch
            {
                Term.Attack or Term.AttackPlural or Term.AttackVerb or Term.Airstrike or Term.Explosion => true,
                Term.Launch => v.Follows(Term.TargetPrep, m.Last, 6),
                Term.Intercept => v.Has(Term.Drone) || v.Has(Term.Rocket) || v.Has(Term.Missile),
                _ => false,
            };
            if (!isTrigger || (plural && since)) continue;
            if (v.Precedes(Term.Irrealis, m.First, 4) || v.Precedes(Term.Cessation, m.First, 4)) continue;
            if (first < 0) first = m.First;
            allPlural &= plural;
        }
        return first;
    }

    private static bool HasUnnegated(in ClauseView v, Term term, int aggregateFrom)
    {
        for (int i = v.MatchFrom; i < v.MatchTo; i++)
            if (v[i].Term == term && v[i].First < aggregateFrom && !v.Precedes(Term.Negation, v[i].First, 3)) return true;
        return false;
    }

    private static int Count(in ClauseView v, Term term)
    {
        int n = 0;
        for (int i = v.MatchFrom; i < v.MatchTo; i++) if (v[i].Term == term) n++;
        return n;
    }
}
