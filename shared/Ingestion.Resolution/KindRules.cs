namespace Ingestion.Resolution;

/// <summary>Which incident kinds can describe the same attack.</summary>
internal static class KindRules
{
    /// <summary>
    /// Equal kinds agree; rockets and missiles are confused by reporters, so they agree; "explosion" (cause not
    /// established) and "other_attack" (weapon not given) are vague and agree with any kind. Otherwise
    /// (e.g. airstrike vs rocket_attack, drone vs rocket) the kinds name different attacks.
    /// </summary>
    public static bool Compatible(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal)) return true;
        if (IsVague(a) || IsVague(b)) return true;
        return IsRocketOrMissile(a) && IsRocketOrMissile(b);
    }

    public static bool IsVague(string kind) => kind is "explosion" or "other_attack";

    private static bool IsRocketOrMissile(string kind) => kind is "rocket_attack" or "missile_attack";
}
