using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Ingestion.Testing.Processes;

/// <summary>
/// A real child process (a service, a broker node, a database server) that a fault test may kill with
/// SIGKILL or stop gracefully. Every live child is killed when this process exits, so a failed or aborted
/// run leaves no orphans behind; the last lines it printed explain a failure.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int SigTerm = 15, SigInt = 2;
    private static readonly ConcurrentDictionary<int, Process> Live = new();
    private readonly Process process;
    private readonly ConcurrentQueue<string> recent = new();

    static ChildProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) => { foreach (var p in Live.Values) KillTree(p); };

    private ChildProcess(string name, Process process)
    {
        Name = name;
        this.process = process;
    }

    public string Name { get; }
    public int Id => process.Id;
    public bool HasExited => process.HasExited;

    /// <summary>The process was killed or stopped by the test, not by itself: a restart policy leaves it down.</summary>
    public bool StoppedOnPurpose { get; private set; }

    public int? ExitCode => process.HasExited ? process.ExitCode : null;

    /// <summary>The last lines the process wrote to stdout and stderr.</summary>
    public string RecentOutput => string.Join('\n', recent);

    public static ChildProcess Start(string name, string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment)
        {
            if (value is null) start.Environment.Remove(key);
            else start.Environment[key] = value;
        }
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        var process = new Process { StartInfo = start };
        var child = new ChildProcess(name, process);
        process.OutputDataReceived += (_, e) => child.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => child.Remember(e.Data);
        process.Start();
        Live[process.Id] = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>SIGKILL to the process and everything it started: no shutdown code runs, as in a crash.</summary>
    public async Task KillAsync()
    {
        StoppedOnPurpose = true;
        KillTree(process);
        await process.WaitForExitAsync();
        Live.TryRemove(process.Id, out _);
    }

    /// <summary>Graceful stop: SIGTERM (or SIGINT), then SIGKILL if it has not exited in time.</summary>
    public async Task StopAsync(TimeSpan timeout, bool interrupt = false)
    {
        StoppedOnPurpose = true;
        if (!process.HasExited) _ = Signal(process.Id, interrupt ? SigInt : SigTerm);
        using var wait = new CancellationTokenSource(timeout);
        try { await process.WaitForExitAsync(wait.Token); }
        catch (OperationCanceledException) { await KillAsync(); }
        Live.TryRemove(process.Id, out _);
    }

    /// <summary>Highest resident memory the process reached (VmHWM), in bytes; 0 once it has exited.</summary>
    public long PeakMemoryBytes => ProcStatus.PeakResidentBytes(process.Id);

    /// <summary>Resident memory now, in bytes; 0 once it has exited.</summary>
    public long MemoryBytes => ProcStatus.ResidentBytes(process.Id);

    /// <summary>What its resident memory is made of now (see <see cref="ProcStatus.ResidentByKind"/>).</summary>
    public ResidentMemory MemoryByKind => ProcStatus.ResidentByKind(process.Id);

    /// <summary>CPU time (user and system) the process has used so far; zero once it has exited.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            try { process.Refresh(); return process.HasExited ? TimeSpan.Zero : process.TotalProcessorTime; }
            catch (InvalidOperationException) { return TimeSpan.Zero; }
        }
    }

    public async ValueTask DisposeAsync()
    {
        StoppedOnPurpose = true;
        if (!process.HasExited) await KillAsync();
        process.Dispose();
    }

    private void Remember(string? line)
    {
        if (line is null) return;
        recent.Enqueue($"[{Name}] {line}");
        while (recent.Count > 200) recent.TryDequeue(out _);
        // The console logger writes the level first ("warn: Category[0]") and the message on the next line.
        if (warningHead is { } head)
        {
            lastWarnings.Enqueue($"{head} {line.Trim()}");
            while (lastWarnings.Count > 10) lastWarnings.TryDequeue(out _);
            warningHead = null;
        }
        if (line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref warnings);
            warningHead = $"[{Name}] {line}";
        }
    }

    private int warnings;
    private string? warningHead;
    private readonly ConcurrentQueue<string> lastWarnings = new();

    /// <summary>How many warnings, errors and critical entries the process has logged (a long run outlives <see cref="RecentOutput"/>).</summary>
    public int Warnings => Volatile.Read(ref warnings);

    /// <summary>The last ten of them, each with its message.</summary>
    public IReadOnlyCollection<string> LastWarnings => lastWarnings.ToArray();

    private static void KillTree(Process process)
    {
        try { if (!process.HasExited) process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { /* already gone */ }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Signal(int pid, int signal);
}
