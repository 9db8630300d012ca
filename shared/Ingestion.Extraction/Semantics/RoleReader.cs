using Ingestion.Extraction.Lexicon;

namespace Ingestion.Extraction.Semantics;

/// <summary>
/// Who attacked whom. Conservative on purpose: an actor is the attacker only when the grammar says so
/// (subject of an attack verb, «غارة أميركية», «نُسب إلى», a claim of responsibility); speakers
/// («مسؤول أميركي», «وزارة الدفاع»), victims («عناصر من ...») and objects («على», «ضد», «استهداف»)
/// are never attackers.
/// </summary>
internal static class RoleReader
{
    private enum Role { None, Speaker, Target, Attacker, Claimant, Denier }

    public static void Read(in ClauseView v, Mention m, List<ActorInfo> actors, Func<int, bool> excluded)
    {
        for (int i = v.MatchFrom; i < v.MatchTo; i++)
        {
            var a = v[i];
            if (a.Term != Term.Actor || excluded(a.First)) continue;
            var actor = actors[a.Value];
            switch (RoleOf(v, a))
            {
                case Role.Claimant when !v.Precedes(Term.Negation, a.First, 4):
                    m.ClaimedBy ??= actor.Id;
                    m.Attacker ??= actor.Id;
                    break;
                case Role.Denier:
                    m.AddDenial(actor.Id);
                    break;
                case Role.Target:
                    m.Target ??= actor.Id;
                    break;
                case Role.Attacker:
                    m.Attacker ??= actor.Id;
                    if (v.Precedes(Term.Attribution, a.First, 2)) m.Hedges++;
                    break;
            }
        }
    }

    private static Role RoleOf(in ClauseView v, Match a)
    {
        // «وأعلنت X ... مسؤوليتها», «تبنت X»
        if (v.Precedes(Term.Claim, a.First, 2) && (v.Follows(Term.Responsibility, a.Last, 6) || IsAdoption(v, a)))
            return Role.Claimant;
        if (v.Precedes(Term.Denial, a.First, 3) || v.Follows(Term.Denial, a.Last, 2)) return Role.Denier;
        if (v.Precedes(Term.Speaker, a.First, 3) || v.Precedes(Term.SpeechVerb, a.First, 1) || v.Precedes(Term.Accusation, a.First, 4))
            return Role.Speaker;
        if (v.Precedes(Term.TargetPrep, a.First, 2) || v.Precedes(Term.BaseNoun, a.First, 2)
            || v.Precedes(Term.PersonNoun, a.First, 3) || v.Precedes(Term.Others, a.First, 3)
            || v.Follows(Term.Undergo, a.Last, 3) || v.Follows(Term.Intercept, a.Last, 3) || NamesPeople(v, a))
            return Role.Target;
        if (v.Precedes(Term.Attribution, a.First, 2)) return Role.Attacker;
        // VSO: «شنت الولايات المتحدة غارات», unless the verb opens a relative clause («التي استهدفت X»: X is the object).
        int verb = Math.Max(v.FindBefore(Term.AttackVerb, a.First, 2), Math.Max(v.FindBefore(Term.Perpetrate, a.First, 2), v.FindBefore(Term.Launch, a.First, 2)));
        if (verb >= 0 && !v.Precedes(Term.Relative, v[verb].First, 1) && !v.CommaBetween(v[verb].Last, a.First)) return Role.Attacker;
        // SVO: «الطائرات الحربية الأميركية هاجمت», «ربما تكون الولايات المتحدة قد نفذتها»
        if ((v.Follows(Term.AttackVerb, a.Last, 3) || v.Follows(Term.Perpetrate, a.Last, 3)) && !v.Precedes(Term.Relative, a.First, 1))
            return Role.Attacker;
        // «غارة أميركية», «هجمات جوية أميركية»: a nationality adjective on the strike noun.
        if (v.Precedes(Term.Airstrike, a.First, 2) || v.Precedes(Term.Attack, a.First, 1) || v.Precedes(Term.AttackPlural, a.First, 2))
            return Role.Attacker;
        return Role.None;
    }

    /// <summary>«العسكريين الأميركيين», «الجنود الأميركيين»: people of a side are the ones hit, not the attackers.</summary>
    private static bool NamesPeople(in ClauseView v, Match a)
    {
        for (int i = v.MatchFrom; i < v.MatchTo; i++)
            if (v[i].Term == Term.PersonNoun && v[i].First == a.First) return true;
        return false;
    }

    private static bool IsAdoption(in ClauseView v, Match a)
    {
        int claim = v.FindBefore(Term.Claim, a.First, 2);
        return claim >= 0 && v[claim].Value == 1; // value 1 marks verbs that are a claim on their own («تبنى»)
    }
}
