namespace Ingestion.Contracts;

/// <summary>Where an attack landed. Precision is one of site, city, province, country.</summary>
public sealed record ReportedPlace
{
    public string? Id { get; init; }
    public required string Name { get; init; }
    public string? NameArabic { get; init; }
    public required string Country { get; init; }
    public required double Lat { get; init; }
    public required double Lon { get; init; }
    public required string Precision { get; init; }
}
