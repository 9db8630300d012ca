using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Ingestion.Alerting.Benchmarks;
using Ingestion.Alerting.Benchmarks.Deliveries;

// dotnet run -c Release --project tests/Ingestion.Alerting.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/Ingestion.Alerting.Benchmarks -- deliveries --count 2000 --subscriptions 20
if (args is ["deliveries", ..]) return await DeliveryMeasurement.RunAsync(args[1..]);

var config = DefaultConfig.Instance
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
    .WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
BenchmarkSwitcher.FromAssembly(typeof(MatchBenchmarks).Assembly).Run(args, config);
return 0;
