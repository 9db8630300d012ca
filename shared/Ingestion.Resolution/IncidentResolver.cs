namespace Ingestion.Resolution;

/// <summary>Decides which mentions describe the same real incident, pairwise and in batches.</summary>
public sealed class IncidentResolver
{
    // 1° of latitude on the 6371 km sphere the distance rule uses, shrunk 1% so boxes err on the wide side.
    private const double KmPerDegree = 111.19 * 0.99;

    public IncidentResolver(ResolverOptions? options = null) => Options = options ?? ResolverOptions.Default;

    public ResolverOptions Options { get; }

    /// <summary>The day a mention is filed under: its credible date, else its publication day.</summary>
    public static DateOnly AnchorDate(IncidentMention m) => DateRules.EffectiveDate(m) ?? m.Published;

    /// <summary>Pairwise rule (symmetric): no hard conflict, places agree and dates agree.</summary>
    public bool SameIncident(IncidentMention a, IncidentMention b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.MentionId == b.MentionId) return true;
        // Cheapest test first: date arithmetic rejects most candidates of a window before any trigonometry.
        return DateRules.Agree(a, b, Options) && PlaceRules.Agree(a.Place, b.Place, Options) && !Conflicts(a, b);
    }

    /// <summary>
    /// Contradictions that no amount of bridging can reconcile: two mentions of one article, two different
    /// identified sites (a strike on two places is two incidents), two days too far apart, incompatible kinds,
    /// conflicting attackers or targets. Clusters never merge across a conflict.
    /// </summary>
    public bool Conflicts(IncidentMention a, IncidentMention b)
    {
        if (a.MentionId == b.MentionId) return false;
        if (Options.SameArticleNeverMerges && a.ArticleId == b.ArticleId) return true;
        return PlaceRules.DifferentSites(a.Place, b.Place)
               || DateRules.Conflict(a, b, Options)
               || !KindRules.Compatible(a.Kind, b.Kind)
               || ActorRules.AttackersConflict(a.Attacker, b.Attacker, Options)
               || ActorRules.TargetsConflict(a.Target, b.Target, Options);
    }

    /// <summary>True when no mention of one group conflicts with a mention of the other.</summary>
    public bool CanMerge(IEnumerable<IncidentMention> a, IEnumerable<IncidentMention> b)
    {
        var right = b as IReadOnlyCollection<IncidentMention> ?? b.ToList();
        return a.All(x => right.All(y => !Conflicts(x, y)));
    }

    /// <summary>
    /// Anchor-date range and box holding every mention that could match <paramref name="m"/>; see
    /// <see cref="CandidateWindow"/> for the query semantics. With T the maximum tolerance and K the undated
    /// lookback: a dated mention (day d) can match anchors in [d−T, d+K+T], an undated one (published p) in [p−K−T, p+K].
    /// The box ignores the antimeridian (the theatre is far from it) and matches by equal gazetteer id at
    /// distant coordinates are not covered.
    /// </summary>
    public CandidateWindow WindowFor(IncidentMention m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var (datedFrom, datedTo) = AnchorRange(m, candidateDated: true);
        var (undatedFrom, undatedTo) = AnchorRange(m, candidateDated: false);
        DateOnly from = DateOnly.FromDayNumber(Math.Min(datedFrom, undatedFrom)), to = DateOnly.FromDayNumber(Math.Max(datedTo, undatedTo));
        if (m.Place is not { } p) return new CandidateWindow(from, to, GeoBox.Empty) { SiteBox = GeoBox.Empty, CityBox = GeoBox.Empty }; // matches nothing
        var precision = PlaceRules.ParsePrecision(p.Precision);
        if (precision == PlacePrecision.Country)
        {
            var globe = new GeoBox(-90, 90, -180, 180);
            return new CandidateWindow(from, to, globe) { SiteBox = globe, CityBox = globe, OnlyCountry = p.Country, CountryLevelCountry = p.Country };
        }
        // A pair is judged at the radius of its coarser precision.
        GeoBox BoxFor(PlacePrecision candidate) => Around(p, PlaceRules.RadiusKm((PlacePrecision)Math.Max((int)precision, (int)candidate), Options));
        var widest = Around(p, Math.Max(Options.ProvinceRadiusKm, Math.Max(Options.CityRadiusKm, Options.SiteRadiusKm)));
        return new CandidateWindow(from, to, widest) { SiteBox = BoxFor(PlacePrecision.Site), CityBox = BoxFor(PlacePrecision.City), CountryLevelCountry = p.Country };
    }

    /// <summary>A box holding every point within <paramref name="radiusKm"/> of the place.</summary>
    private static GeoBox Around(MentionPlace p, double radiusKm)
    {
        double dLat = radiusKm / KmPerDegree;
        double widestLat = Math.Min(89.0, Math.Abs(p.Lat) + dLat);
        double dLon = Math.Min(180.0, radiusKm / (KmPerDegree * Math.Cos(widestLat * Math.PI / 180.0)));
        return new GeoBox(Math.Max(-90, p.Lat - dLat), Math.Min(90, p.Lat + dLat), Math.Max(-180, p.Lon - dLon), Math.Min(180, p.Lon + dLon));
    }

    /// <summary>Day numbers between which the anchor of a dated (or undated) candidate must lie to match <paramref name="m"/>.</summary>
    internal (int From, int To) AnchorRange(IncidentMention m, bool candidateDated)
    {
        int t = Options.MaxDateToleranceDays, k = Options.UndatedLookbackDays;
        if (DateRules.EffectiveDate(m) is { } date)
        {
            int d = date.DayNumber;
            return candidateDated ? (d - t, d + t) : (d - t, d + k + t);
        }
        int p = m.Published.DayNumber;
        return candidateDated ? (p - k - t, p + t) : (p - k, p + k);
    }

    /// <summary>
    /// Batch clustering. Matching pairs are merged strongest first (closest dates, then closest places, then
    /// MentionIds), and a merge is refused when it would put conflicting mentions together; a mention matching
    /// two incidents bridges them. Every ordering decision derives from mention content and ids, so the result
    /// does not depend on input order. Keys are the smallest MentionId; clusters come sorted by key.
    /// </summary>
    public IReadOnlyList<IncidentCluster> Cluster(IEnumerable<IncidentMention> mentions)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        return new ClusterBuilder(this).Build(mentions);
    }
}
