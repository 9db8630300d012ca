using System.Diagnostics;
using System.Text.Json;

namespace Ingestion.Feeds.Benchmarks;

internal sealed record PeerFields(string? Title, string? Link, string? ItemTitle, string? ItemLink, string? ItemPublished, string? ItemUpdated, int Entries);

internal sealed record PeerTiming(double Seconds, double CpuSeconds, List<PeerFields> Fields);

/// <summary>Runs feedparser_bench.py over the same file list; python times only its own parse loop.</summary>
internal static class PythonRunner
{
    public static PeerTiming? Run(IReadOnlyList<string> files, int rounds)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "feedparser_bench.py");
        // Debian's python (where python3-feedparser is installed), not whatever python3 a version manager puts first.
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var start = new ProcessStartInfo(python, [script, rounds.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start);
        if (process is null) return null;
        try
        {
            foreach (var f in files) process.StandardInput.WriteLine(f);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // python exited early (feedparser missing): its stderr says why.
        }
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine(stderr);
            return null;
        }
        using var json = JsonDocument.Parse(stdout);
        var fields = json.RootElement.GetProperty("fields").EnumerateArray().Select(e => new PeerFields(
            Str(e, "title"), Str(e, "link"), Str(e, "item_title"), Str(e, "item_link"),
            Str(e, "item_published"), Str(e, "item_updated"), e.GetProperty("entries").GetInt32())).ToList();
        return new PeerTiming(json.RootElement.GetProperty("seconds").GetDouble(), json.RootElement.GetProperty("cpu_seconds").GetDouble(), fields);
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
