using System.Diagnostics;
using System.Globalization;
using Ingestion.Contracts;
using Ingestion.Load;
using Ingestion.Resolution;
using Ingestion.ServiceDefaults.Outbox;
using Ingestion.ServiceDefaults.Telemetry;
using Ingestion.Store.Data;
using Ingestion.Testing;
using Ingestion.Testing.Processes;
using Microsoft.EntityFrameworkCore;

// dotnet run -c Release --project tests/Ingestion.Store.Benchmarks -- [--articles N] [--every M] [--batch B] [--seed S] [--per-day D]
//
// Does the Store keep its pace as its database fills? The synthetic corpus of the load command (publication days
// spread over 2,400 days, as in the soak) is resolved by the Store's own EfIncidentStore in batches of B, on a
// fresh PostgreSQL database, and every M mentions the rate of that stretch is printed with its ratio to the
// first stretch: a Store whose cost per mention grows with what it holds shows a falling ratio. With --per-day D,
// publication days advance D articles a day, as a live stream's do, so what grows is the table, not the
// neighbourhood of each new mention.
string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
int Int(string name, int fallback) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
int articles = Int("--articles", 30_000), every = Int("--every", 5_000), batchSize = Int("--batch", 200), seed = Int("--seed", 8);
int? perDay = Value("--per-day") is null ? null : Int("--per-day", 0);

var clock = Stopwatch.StartNew();
var corpus = SyntheticCorpus.Generate(articles, seed, separateIncidents: false, articlesPerDay: perDay);
var mentions = corpus.Articles.SelectMany(StoreLoad.Mentions).ToList();
Console.WriteLine($"{articles} articles, {mentions.Count} mentions generated in {clock.Elapsed.TotalSeconds:0.0} s");

await using var database = new PostgresTestDatabase("store_bench");
var commands = new CommandCounter();
var options = new DbContextOptionsBuilder<StoreDbContext>().UseNpgsql(database.ConnectionString).AddInterceptors(commands).Options;
await using (var setup = new StoreDbContext(options)) await setup.Database.EnsureCreatedAsync();

var resolver = new IncidentResolver();
var outbox = new OutboxSignal<StoreDbContext>();
var kept = KeptBetweenBatches.Pool(resolver);
double? firstRate = null;
var stretch = Stopwatch.StartNew();
var cpuAtStretch = Process.GetCurrentProcess().TotalProcessorTime;
long allocatedAtStretch = GC.GetTotalAllocatedBytes(), commandsAtStretch = 0;
int stretchStart = 0;
// CPU and wall time swing by a third between runs on this machine; bytes allocated and commands sent per mention do not.
Console.WriteLine("stored mentions | mentions/s | ratio to first | Store CPU ms/mention | wall ms/mention | KB allocated/mention | commands/mention");
for (int done = 0; done < mentions.Count;)
{
    var batch = mentions.Skip(done).Take(batchSize).Select(m => new Traced<IncidentReported>(m, default)).ToList();
    await using (var db = new StoreDbContext(options))
        await new EfIncidentStore(db, resolver, kept, outbox, TimeProvider.System).RecordMentionsAsync(batch, CancellationToken.None);
    done += batch.Count;
    if (done - stretchStart < every && done < mentions.Count) continue;

    var count = done - stretchStart;
    var rate = count / stretch.Elapsed.TotalSeconds;
    var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuAtStretch).TotalMilliseconds / count;
    firstRate ??= rate;
    var allocated = (GC.GetTotalAllocatedBytes() - allocatedAtStretch) / 1024.0 / count;
    var sent = (double)(commands.Count - commandsAtStretch) / count;
    Console.WriteLine($"{done,15:N0} | {rate,10:0} | {rate / firstRate,14:0.00} | {cpu,19:0.00} | {stretch.Elapsed.TotalMilliseconds / count,15:0.00} | {allocated,20:0} | {sent,16:0.00}");
    (stretchStart, cpuAtStretch, allocatedAtStretch, commandsAtStretch) = (done, Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(), commands.Count);
    stretch.Restart();
}
await using (var read = new StoreDbContext(options))
    Console.WriteLine($"{await read.Incidents.CountAsync(i => i.MergedInto == null)} incidents stored; the batch resolver makes {corpus.ExpectedIncidents}");
// The Store's own peak: this process is the Store's resolution and nothing else.
Console.WriteLine($"peak memory (VmHWM) {ProcStatus.PeakResidentBytes(Environment.ProcessId) / 1048576.0:0} MB");
