namespace Ingestion.Testing.Processes;

/// <summary>Reads a process's memory figures, and the machine's CPU time, from /proc (Linux).</summary>
public static class ProcStatus
{
    /// <summary>VmHWM: the peak resident set size, in bytes; 0 when the process is gone.</summary>
    public static long PeakResidentBytes(int pid) => StatusKilobytes(pid, "VmHWM:") * 1024;

    /// <summary>VmRSS: the resident set size now, in bytes; 0 when the process is gone.</summary>
    public static long ResidentBytes(int pid) => StatusKilobytes(pid, "VmRSS:") * 1024;

    /// <summary>
    /// What the resident set is made of now, in bytes (zeros when the process is gone): anonymous memory (the GC
    /// heap, native allocations, stacks), pages of mapped files (assemblies and libraries, which the .NET processes
    /// on the machine share), and shared memory, which in a .NET process is the code the JIT compiled (W^X keeps
    /// it in a memory file). The proportional set size (PSS) divides each shared page among the processes mapping it.
    /// </summary>
    public static ResidentMemory ResidentByKind(int pid)
    {
        var resident = Kilobytes($"/proc/{pid}/status", "RssAnon:", "RssFile:", "RssShmem:");
        return new(resident[0] * 1024, resident[1] * 1024, resident[2] * 1024, Kilobytes($"/proc/{pid}/smaps_rollup", "Pss:")[0] * 1024);
    }

    /// <summary>
    /// CPU seconds every process on the machine has used since boot (user, nice, system, irq, softirq), from
    /// /proc/stat: the difference over a run counts the broker and the database too, which are not our children.
    /// </summary>
    public static double MachineBusySeconds()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // cpu user nice system idle iowait irq softirq steal ...; the kernel counts in USER_HZ (100 per second on Linux).
        return new[] { 1, 2, 3, 6, 7 }.Sum(i => long.Parse(fields[i])) / 100.0;
    }

    /// <summary>
    /// CPU seconds (user and system) used so far by every process whose command name is one of
    /// <paramref name="commands"/> (e.g. "beam.smp" for RabbitMQ, "postgres"), summed per name: the live ones, and
    /// the ended children they have reaped. PostgreSQL serves each connection from a process of its own, and pools
    /// replace idle connections every few minutes; counting live processes only, a 30-minute soak lost most of
    /// PostgreSQL's CPU with the backends that ended.
    /// </summary>
    public static Dictionary<string, double> CpuSecondsByCommand(params string[] commands)
    {
        var totals = commands.ToDictionary(c => c, _ => 0.0);
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out _)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                // pid (comm) state ppid ...: comm may hold spaces, so fields are counted after the last ')'.
                var open = stat.IndexOf('(');
                var close = stat.LastIndexOf(')');
                var command = stat[(open + 1)..close];
                if (!totals.ContainsKey(command)) continue;
                var fields = stat[(close + 2)..].Split(' ');
                // utime, stime, then cutime, cstime (children waited for), in USER_HZ. A child counts in its own
                // fields while it lives and in its parent's once reaped, never in both.
                totals[command] += new[] { 11, 12, 13, 14 }.Sum(i => long.Parse(fields[i])) / 100.0;
            }
            catch (IOException) { /* the process ended meanwhile */ }
        }
        return totals;
    }

    private static long StatusKilobytes(int pid, string field) => Kilobytes($"/proc/{pid}/status", field)[0];

    /// <summary>
    /// The values of <paramref name="fields"/> ("Name:  value kB" lines of a /proc file), in kilobytes, in the order
    /// asked, from one read of the file; 0 for a field it lacks, all 0 when the process is gone.
    /// </summary>
    private static long[] Kilobytes(string file, params string[] fields)
    {
        var values = new long[fields.Length];
        try
        {
            foreach (var line in File.ReadLines(file))
            {
                var i = Array.FindIndex(fields, f => line.StartsWith(f, StringComparison.Ordinal));
                if (i >= 0) values[i] = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
            }
        }
        catch (IOException) { Array.Clear(values); }
        return values;
    }
}
