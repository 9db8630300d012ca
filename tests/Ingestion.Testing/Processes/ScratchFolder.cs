namespace Ingestion.Testing.Processes;

/// <summary>A temp folder the servers' system users can traverse (0755), deleted with everything in it.</summary>
public sealed class ScratchFolder : IDisposable
{
    public ScratchFolder(string prefix)
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path, (UnixFileMode)0b111_101_101);
    }

    public string Path { get; }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* a server still closing a file: the OS cleans /tmp */ }
    }
}
