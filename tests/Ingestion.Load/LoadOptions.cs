namespace Ingestion.Load;

/// <summary>Command line: --articles N --workers 1|2|4 [--rate R] [--items-per-feed K] [--seed S] [--separate] [--dry-run].</summary>
public sealed record LoadOptions(int Articles, int Workers, double? Rate, int ItemsPerFeed, int Seed, bool SeparateIncidents, bool DryRun)
{
    public static LoadOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        bool Flag(string name) => args.Contains(name);
        return new LoadOptions(
            int.Parse(Value("--articles") ?? "2000"),
            int.Parse(Value("--workers") ?? "1"),
            Value("--rate") is { } rate ? double.Parse(rate, System.Globalization.CultureInfo.InvariantCulture) : null,
            int.Parse(Value("--items-per-feed") ?? "200"),
            int.Parse(Value("--seed") ?? "8"),
            Flag("--separate"),
            Flag("--dry-run"));
    }
}
