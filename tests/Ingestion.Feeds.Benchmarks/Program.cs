using Ingestion.Feeds.Benchmarks;

// Parses the same corpus with our parser and with Debian's python3-feedparser in one run, prints the
// timings, the speed ratio, memory per MB of feed and where the two disagree on titles, links and dates.
// --articles compares our article reader with python3-readability instead (ArticleComparison).
if (args.Contains("--articles")) return ArticleComparison.Report();
var stages = args.Contains("--stages");
args = args.Where(a => a != "--stages").ToArray();
var corpus = args.Length > 0 ? args[0] : CorpusFiles.DefaultCorpus();
var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20;
var files = CorpusFiles.List(corpus);
var blobs = files.Select(File.ReadAllBytes).ToArray();
var megabytes = blobs.Sum(b => (long)b.Length) / (1024.0 * 1024.0);
Console.WriteLine($"corpus: {files.Count} files, {megabytes:0.00} MB, from {corpus}");

if (stages) { Stages.Report(blobs); return 0; }
var ours = OursRunner.Run(blobs, rounds);
Console.WriteLine($"ours (.NET):        {ours.Seconds * 1000:0.0} ms wall, {ours.CpuSeconds * 1000:0.0} ms CPU per pass (best of {rounds}), {megabytes / ours.Seconds:0.0} MB/s; warm-up {ours.WarmUp.TotalSeconds:0.0} s, {ours.WarmUpPasses} passes");
Console.WriteLine($"memory (corpus):    {ours.AllocatedBytes / megabytes / (1024 * 1024):0.0} MB allocated per MB of feed ({ours.AllocatedBytes / 1024.0 / files.Count:0.0} KB per document: fixed per-document cost dominates tiny files)");
LargeFeed.Report();

var peer = PythonRunner.Run(files, rounds: 3);
if (peer is null)
{
    Console.WriteLine("python3-feedparser not available (apt-get install -y python3-feedparser); no ratio.");
    return 1;
}
Console.WriteLine($"python3-feedparser: {peer.Seconds * 1000:0.0} ms wall, {peer.CpuSeconds * 1000:0.0} ms CPU per pass (best of 3), {megabytes / peer.Seconds:0.00} MB/s");
Console.WriteLine($"ratio:              ours is {peer.Seconds / ours.Seconds:0.0}x faster (wall), {peer.CpuSeconds / ours.CpuSeconds:0.0}x (CPU time)");

Agreement.Report(files, ours.Feeds, peer.Fields);
return 0;
