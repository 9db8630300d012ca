using BenchmarkDotNet.Running;
using Ingestion.Extraction.Benchmarks;

// `predict OUT.json` writes the seed predictions for the scorer; `trace FILE yyyy-MM-dd` shows how an article is read;
// anything else runs BenchmarkDotNet.
if (args.Length == 2 && args[0] == "predict")
{
    PredictionWriter.Write(args[1]);
    return;
}
if (args.Length == 1 && args[0] == "profile") { Profile.Run(); return; }
if (args.Length == 3 && args[0] == "trace")
{
    TraceWriter.Write(args[1], DateOnly.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(ExtractionBenchmarks).Assembly).Run(args);
