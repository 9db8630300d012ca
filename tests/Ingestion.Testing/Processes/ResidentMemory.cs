namespace Ingestion.Testing.Processes;

/// <summary>A process's resident memory by kind, in bytes (see <see cref="ProcStatus.ResidentByKind"/>).</summary>
public sealed record ResidentMemory(long Anonymous, long Files, long Shared, long Proportional)
{
    public override string ToString() =>
        $"{Mb(Anonymous + Files + Shared)} MB resident (anonymous {Mb(Anonymous)}, files {Mb(Files)}, shared {Mb(Shared)}), {Mb(Proportional)} MB proportional";

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("0", System.Globalization.CultureInfo.InvariantCulture);
}
