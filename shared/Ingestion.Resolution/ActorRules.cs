namespace Ingestion.Resolution;

/// <summary>Whether two mentions' attackers or targets contradict each other.</summary>
internal static class ActorRules
{
    public static bool IsUnknown(string? actor) => string.IsNullOrWhiteSpace(actor) || actor == "unknown";

    /// <summary>
    /// Unknown attackers conflict with nothing. A generic attacker ("militia") conflicts only with the other side
    /// (us_forces, iraqi_forces). Two named attackers conflict unless equal or one is an umbrella of the other.
    /// </summary>
    public static bool AttackersConflict(string? a, string? b, ResolverOptions o)
    {
        if (IsUnknown(a) || IsUnknown(b) || a == b) return false;
        bool genericA = o.GenericAttackers.Contains(a!), genericB = o.GenericAttackers.Contains(b!);
        if (genericA || genericB)
            return o.MilitiaSide.Contains(a!) != o.MilitiaSide.Contains(b!);
        return !IsUmbrellaOf(a!, b!, o) && !IsUmbrellaOf(b!, a!, o);
    }

    /// <summary>
    /// Targets conflict only across sides: an attack on US forces is not a strike on a militia. Other target
    /// differences are common reporting variance (a base hosts both Iraqi and coalition troops).
    /// </summary>
    public static bool TargetsConflict(string? a, string? b, ResolverOptions o)
    {
        if (IsUnknown(a) || IsUnknown(b) || a == b) return false;
        return (a == "us_forces" && o.MilitiaSide.Contains(b!)) || (b == "us_forces" && o.MilitiaSide.Contains(a!));
    }

    private static bool IsUmbrellaOf(string umbrella, string member, ResolverOptions o) =>
        o.Umbrellas.TryGetValue(umbrella, out var members) && members.Contains(member);
}
