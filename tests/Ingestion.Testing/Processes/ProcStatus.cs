namespace Ingestion.Testing.Processes;

/// <summary>Reads a process's memory figures from /proc (Linux).</summary>
public static class ProcStatus
{
    /// <summary>VmHWM: the peak resident set size, in bytes; 0 when the process is gone.</summary>
    public static long PeakResidentBytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
        catch (IOException) { return 0; }
    }
}
