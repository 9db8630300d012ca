using System.Diagnostics;
using System.Text.Json;

namespace Ingestion.Feeds.Benchmarks;

internal sealed record PeerFields(string? Title, string? Link, string? ItemTitle, string? ItemLink, string? ItemPublished, string? ItemUpdated, int Entries);

internal sealed record PeerTiming(double Seconds, double CpuSeconds, List<PeerFields> Fields);

/// <summary>Runs the Python peers (feedparser_bench.py, readability_bench.py) over the same inputs; python times only its own work.</summary>
internal static class PythonRunner
{
    public static PeerTiming? Run(IReadOnlyList<string> files, int rounds)
    {
        using var json = RunScript("feedparser_bench.py", rounds, string.Join('\n', files) + "\n");
        if (json is null) return null;
        var fields = json.RootElement.GetProperty("fields").EnumerateArray().Select(e => new PeerFields(
            Str(e, "title"), Str(e, "link"), Str(e, "item_title"), Str(e, "item_link"),
            Str(e, "item_published"), Str(e, "item_updated"), e.GetProperty("entries").GetInt32())).ToList();
        return new PeerTiming(json.RootElement.GetProperty("seconds").GetDouble(), json.RootElement.GetProperty("cpu_seconds").GetDouble(), fields);
    }

    /// <summary>Runs a script beside this assembly with <paramref name="input"/> on stdin; its stdout as JSON, or null when it failed (stderr printed).</summary>
    public static JsonDocument? RunScript(string script, int rounds, string input)
    {
        // Debian's python (where python3-feedparser and python3-readability are installed), not whatever python3 a version manager puts first.
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var start = new ProcessStartInfo(python, [Path.Combine(AppContext.BaseDirectory, script), rounds.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        using var process = Process.Start(start);
        if (process is null) return null;
        try
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // python exited early (its module missing): its stderr says why.
        }
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode == 0) return JsonDocument.Parse(stdout);
        Console.Error.WriteLine(stderr);
        return null;
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
