using System.Globalization;

namespace Ingestion.Load;

/// <summary>
/// Command line: --articles N --workers 1|2|4 [--rate R] [--warmup W] [--feeds F] [--items-per-feed K]
/// [--memory-every SECONDS] [--per-day D] [--seed S] [--separate] [--otlp [--sample RATIO]] [--dry-run].
/// </summary>
/// <param name="Warmup">
/// Articles run through the platform before the measured ones, so the figures are of warm processes (JIT done,
/// pools filled), as a service that has run for a while is; 0 measures from a cold start.
/// </param>
/// <param name="Feeds">How many feeds the articles are dealt to; by default enough that each article stays in its feed's window.</param>
/// <param name="MemoryEvery">Seconds between samples of each service's resident memory during the measured part (a soak).</param>
/// <param name="PerDay">
/// Articles published per day, days advancing through the run as a live stream's do; unset, publication days are
/// spread at random over 2,400 days, so the neighbourhood of each new mention grows as the run goes.
/// </param>
/// <param name="Otlp">The services export traces, metrics and logs over OTLP to a sink in this process, as they do to a collector in Compose.</param>
/// <param name="SampleRatio">With <paramref name="Otlp"/>: the share of traces recorded (a parent-based ratio sampler); unset, every trace.</param>
public sealed record LoadOptions(int Articles, int Workers, double? Rate, int Warmup, int? Feeds, int ItemsPerFeed, int? MemoryEvery,
    int? PerDay, int Seed, bool SeparateIncidents, bool Otlp, double? SampleRatio, bool DryRun)
{
    public static LoadOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int? Int(string name) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;
        double? Double(string name) => Value(name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : null;
        bool Flag(string name) => args.Contains(name);
        return new LoadOptions(
            Int("--articles") ?? 2000,
            Int("--workers") ?? 1,
            Double("--rate"),
            Int("--warmup") ?? 300,
            Int("--feeds"),
            Int("--items-per-feed") ?? 200,
            Int("--memory-every"),
            Int("--per-day"),
            Int("--seed") ?? 8,
            Flag("--separate"),
            Flag("--otlp"),
            Double("--sample"),
            Flag("--dry-run"));
    }
}
