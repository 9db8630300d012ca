namespace Ingestion.Contracts;

/// <summary>The closed vocabulary of <see cref="IncidentReported.Kind"/> and <see cref="IncidentSnapshot.Kind"/>.</summary>
public static class IncidentKinds
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
        { "rocket_attack", "drone_attack", "missile_attack", "airstrike", "explosion", "other_attack" };
}
