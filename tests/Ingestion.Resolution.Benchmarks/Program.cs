using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Ingestion.Resolution.Benchmarks;

// dotnet run -c Release --project tests/Ingestion.Resolution.Benchmarks -- memory     index memory only, in seconds
// dotnet run -c Release --project tests/Ingestion.Resolution.Benchmarks -- --filter '*' BenchmarkDotNet short runs
if (args is ["memory"])
{
    foreach (int n in new[] { 100_000, 1_000_000 })
    {
        var (index, _) = NearDuplicateBenchmarks.BuildIndex(n, out long bytes);
        Console.WriteLine($"NearDuplicateIndex {n,9:N0} articles: {bytes,13:N0} bytes = {bytes / (double)n:F0} bytes/article ({index.Count:N0} stored)");
    }
    var incidents = OpenIncidentBenchmarks.Build(100_000, out long incidentBytes);
    Console.WriteLine($"OpenIncidentIndex {incidents.IncidentCount:N0} incidents: {incidentBytes:N0} bytes = {incidentBytes / 100_000.0:F0} bytes/incident");
    return;
}

// Short jobs in-process: each class takes a minute or two instead of a rebuild per benchmark.
// Reports go under the build output, not the repository root; results/ holds the last figures quoted.
var config = DefaultConfig.Instance
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
    .WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
BenchmarkSwitcher.FromAssembly(typeof(NearDuplicateBenchmarks).Assembly).Run(args, config);
