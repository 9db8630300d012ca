using System.Diagnostics;
using Ingestion.Testing.Processes;

namespace Ingestion.Load;

/// <summary>
/// CPU used so far by the machine, by each service process, by the broker and the database, and by this tool
/// (feed server, receiver). Two snapshots give the CPU a run cost per article, the figure that says how far a
/// machine of this size is from a throughput target.
/// </summary>
public sealed record CpuSnapshot(long Timestamp, double MachineSeconds, IReadOnlyDictionary<string, double> Seconds)
{
    private const string Broker = "beam.smp", Database = "postgres";

    public static CpuSnapshot Take(PlatformProcesses platform)
    {
        var seconds = platform.All.ToDictionary(s => s.Process.Name, s => s.Process.CpuTime.TotalSeconds);
        foreach (var (command, used) in ProcStatus.CpuSecondsByCommand(Broker, Database)) seconds[command == Broker ? "rabbitmq" : command] = used;
        seconds["load tool"] = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        return new CpuSnapshot(Stopwatch.GetTimestamp(), ProcStatus.MachineBusySeconds(), seconds);
    }

    /// <summary>CPU milliseconds per article between the two snapshots: the machine's, then each part's.</summary>
    public static string PerArticle(CpuSnapshot start, CpuSnapshot end, int articles)
    {
        var wall = Stopwatch.GetElapsedTime(start.Timestamp, end.Timestamp).TotalSeconds;
        var machine = end.MachineSeconds - start.MachineSeconds;
        var parts = end.Seconds.Select(s => (s.Key, Seconds: s.Value - start.Seconds.GetValueOrDefault(s.Key))).ToList();
        string Ms(double seconds) => $"{seconds * 1000 / Math.Max(articles, 1):0.0} ms";
        return $"{Ms(machine)} per article on the machine ({machine / wall / Environment.ProcessorCount:P0} of {Environment.ProcessorCount} cores busy over {wall:0} s): "
            + string.Join(", ", parts.Select(s => $"{s.Key} {Ms(s.Seconds)}"))
            + $", anything else running {Ms(machine - parts.Sum(s => s.Seconds))}";
    }
}
