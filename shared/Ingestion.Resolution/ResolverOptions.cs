namespace Ingestion.Resolution;

/// <summary>Tunable thresholds of the incident-matching rule. Defaults follow the project's scoring rules.</summary>
public sealed record ResolverOptions
{
    public double SiteRadiusKm { get; init; } = 25;
    public double CityRadiusKm { get; init; } = 40;
    public double ProvinceRadiusKm { get; init; } = 200;

    /// <summary>
    /// An undated mention can match incidents dated up to this many days before its publication.
    /// Seven, because background paragraphs retell an incident for about a week: the Kirkuk strike of
    /// 2023-12-03 is told undated in articles published on 12-04 and 12-09.
    /// </summary>
    public int UndatedLookbackDays { get; init; } = 7;

    /// <summary>Tolerances above this are clamped, so that <see cref="IncidentResolver.WindowFor"/> stays bounded.</summary>
    public int MaxDateToleranceDays { get; init; } = 3;

    /// <summary>
    /// An extractor emits one mention per incident per article, so two mentions of one article are two incidents.
    /// </summary>
    public bool SameArticleNeverMerges { get; init; } = true;

    /// <summary>Attackers that name no group: compatible with any militia-side attacker.</summary>
    public IReadOnlySet<string> GenericAttackers { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "militia" };

    /// <summary>Actor ids on the militia side; an explicit state attacker (us_forces) conflicts with them.</summary>
    public IReadOnlySet<string> MilitiaSide { get; init; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "militia", "kataib_hezbollah", "islamic_resistance_in_iraq", "pmf", "kataib_sayyid_al_shuhada", "harakat_al_nujaba",
    };

    /// <summary>
    /// Umbrella names compatible with their members: the Islamic Resistance in Iraq claims attacks that
    /// its factions carry out, so one outlet's "IRI" and another's "Kataib Hezbollah" can be the same attack.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Umbrellas { get; init; } =
        new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
        {
            ["islamic_resistance_in_iraq"] = new HashSet<string>(StringComparer.Ordinal)
                { "kataib_hezbollah", "harakat_al_nujaba", "kataib_sayyid_al_shuhada" },
        };

    public static ResolverOptions Default { get; } = new();
}
