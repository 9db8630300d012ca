using Ingestion.Extraction.Lexicon;

namespace Ingestion.Extraction.Semantics;

/// <summary>
/// The kind of attack from the weapon words of a clause. Warplanes and air raids make an airstrike;
/// an explosion stays an explosion unless a weapon is stated without doubt («انفجار ناتج عن قصف أو هجوم
/// بطائرات مسيرة» does not establish the cause); «بالستية»/«كروز» make a rocket a missile.
/// </summary>
internal static class KindReader
{
    public static (string Kind, bool Weak) Read(in ClauseView v, Func<int, bool> excluded)
    {
        int drone = -1, rocket = -1;
        bool missile = false, air = false, explosion = false;
        for (int i = v.MatchFrom; i < v.MatchTo; i++)
        {
            var m = v[i];
            if (excluded(m.First)) continue;
            switch (m.Term)
            {
                case Term.Drone: if (drone < 0) drone = m.First; break;
                case Term.Rocket: if (rocket < 0) rocket = m.First; break;
                case Term.Missile: if (rocket < 0) rocket = m.First; missile = true; break;
                case Term.MissileQualifier: missile = true; break;
                case Term.Airstrike: air = true; break;
                case Term.Explosion: explosion = true; break;
            }
        }
        bool weaponDoubted = v.Has(Term.Disjunction) || v.Has(Term.Hedge);
        bool weapon = drone >= 0 || rocket >= 0;
        if (air) return (IncidentKinds.Airstrike, weaponDoubted);
        if (explosion && (!weapon || weaponDoubted)) return (IncidentKinds.Explosion, false);
        if (drone >= 0 && (rocket < 0 || drone < rocket)) return (IncidentKinds.Drone, weaponDoubted);
        if (rocket >= 0) return (missile ? IncidentKinds.Missile : IncidentKinds.Rocket, weaponDoubted);
        if (missile) return (IncidentKinds.Missile, weaponDoubted);
        return (IncidentKinds.Other, false);
    }

    /// <summary>Whether two kinds can be the same incident told twice.</summary>
    public static bool Compatible(string a, string b) =>
        a == b || a == IncidentKinds.Other || b == IncidentKinds.Other
        || a == IncidentKinds.Explosion || b == IncidentKinds.Explosion
        || (IsProjectile(a) && IsProjectile(b));

    /// <summary>Compatibility when one telling names a broader place: an explosion is then only itself (or an unnamed attack).</summary>
    public static bool CompatibleAcrossPlaces(string a, string b) =>
        a == b || a == IncidentKinds.Other || b == IncidentKinds.Other || (IsProjectile(a) && IsProjectile(b));

    private static bool IsProjectile(string k) => k is IncidentKinds.Rocket or IncidentKinds.Missile;

    /// <summary>When two tellings merge, the better-established kind wins.</summary>
    public static int Strength(string kind, bool weak) => kind switch
    {
        IncidentKinds.Other => 0,
        IncidentKinds.Explosion => 2,
        IncidentKinds.Missile => weak ? 1 : 4,
        _ => weak ? 1 : 3,
    };
}
