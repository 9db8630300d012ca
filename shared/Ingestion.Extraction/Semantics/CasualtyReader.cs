using Ingestion.Extraction.Lexicon;

namespace Ingestion.Extraction.Semantics;

/// <summary>
/// Killed and wounded counts of a clause. A number the text does not give stays null; a negated
/// casualty word («لم تقع إصابات», «دون وقوع ضحايا») gives 0. Counts come from, in order: a dual
/// casualty noun («قتيلان»), a number after the word («مقتل خمسة»), a number before a casualty noun
/// («ثمانية قتلى»), or a counted group before a killed verb («خمسة أعضاء ... قتلوا»).
/// </summary>
internal static class CasualtyReader
{
    public static void Read(in ClauseView v, Mention m, Func<int, bool> excluded)
    {
        for (int i = v.MatchFrom; i < v.MatchTo; i++)
        {
            var match = v[i];
            if (excluded(match.First)) continue;
            if (match.Term is Term.Wounded or Term.Killed && CoveredByCasualty(v, match)) continue;
            if (match.Term is Term.KilledNoun or Term.Killed && InsideActorName(v, match)) continue; // «كتائب سيد الشهداء»
            switch (match.Term)
            {
                case Term.Killed or Term.KilledNoun:
                    // «سقوط/سقط» (fall) means killed only of people: «سقوط ثلاثة عسكريين», not «سقطت ثلاثة صواريخ».
                    if (match.Value == 1 && !v.Follows(Term.PersonNoun, match.Last, 3)) break;
                    if (Negated(v, match)) { m.Killed ??= 0; break; }
                    m.ReportsHarm = true;
                    if (m.Killed is null or 0 && CountFor(v, match) is { } k) { m.Killed = k.Value; m.KilledMin = k.Min; }
                    break;
                case Term.Wounded or Term.WoundedNoun:
                    if (Negated(v, match)) { m.Wounded ??= 0; break; }
                    m.ReportsHarm = true;
                    if (m.Wounded is null or 0 && CountFor(v, match) is { } w) { m.Wounded = w.Value; m.WoundedMin = w.Min; }
                    break;
                case Term.Casualty:
                    // «إصابات» / «ضحايا» without a number: casualties, but no count; negated, nobody was hurt.
                    if (Negated(v, match)) { m.Killed ??= 0; m.Wounded ??= 0; }
                    else m.ReportsHarm = true;
                    break;
                case Term.Harm:
                    if (!Negated(v, match)) m.ReportsHarm = true;
                    break;
            }
        }
    }

    private static Count? CountFor(in ClauseView v, Match word)
    {
        if (word.Dual) return new Count(2, v.Follows(Term.AtLeastAfter, word.Last, 4) ? 2 : null);
        if (NumberReader.After(v, word.Last, 3) is { } after && after.Value is null or < 100_000) return after; // not a year or a budget
        if (word.Term is Term.KilledNoun or Term.WoundedNoun)
            return NumberReader.Before(v, word.First, 2);
        // «خمسة أعضاء من جماعة ... قتلوا»: a number quantifying people, shortly before the verb.
        int person = v.FindBefore(Term.PersonNoun, word.First, 10);
        if (person >= 0 && NumberReader.Before(v, v[person].First, 1) is { } group) return group;
        return null;
    }

    /// <summary>«إصابات» reads as «إصابة» through the plural suffix, but it is the generic casualty word.</summary>
    private static bool CoveredByCasualty(in ClauseView v, Match word)
    {
        for (int i = v.MatchFrom; i < v.MatchTo; i++)
            if (v[i].Term == Term.Casualty && v[i].First == word.First) return true;
        return false;
    }

    private static bool InsideActorName(in ClauseView v, Match word)
    {
        for (int i = v.MatchFrom; i < v.MatchTo; i++)
            if (v[i].Term == Term.Actor && v[i].First <= word.First && v[i].Last >= word.Last) return true;
        return false;
    }

    private static bool Negated(in ClauseView v, Match word) => v.Precedes(Term.Negation, word.First, 5);
}
