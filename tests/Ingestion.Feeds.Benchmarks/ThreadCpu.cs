using System.Runtime.InteropServices;

namespace Ingestion.Feeds.Benchmarks;

/// <summary>
/// CPU time of the calling thread only (Linux CLOCK_THREAD_CPUTIME_ID), the counterpart of python's
/// time.process_time() for a single-threaded parser: neither the neighbours on a shared machine nor the
/// runtime's background JIT threads are counted.
/// </summary>
internal static class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);

    public static double Seconds()
    {
        if (!OperatingSystem.IsLinux()) return System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        ClockGetTime(ClockThreadCpuTimeId, out var t);
        return t.Seconds + t.Nanoseconds / 1e9;
    }
}
