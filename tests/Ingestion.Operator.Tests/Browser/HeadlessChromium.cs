using System.Diagnostics;

namespace Ingestion.Operator.Tests.Browser;

/// <summary>
/// Debian's Chromium in headless mode through its command line: the DOM after scripts ran, or a screenshot.
/// Each call is one short-lived browser with a throwaway profile, killed with its children if it hangs.
/// </summary>
public static class HeadlessChromium
{
    public static string Executable => Environment.GetEnvironmentVariable("INGESTION_TEST_CHROMIUM") ?? "/usr/bin/chromium";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    // Two browsers at once at most: CI machines have two cores.
    private static readonly SemaphoreSlim Slots = new(2);

    public static async Task<string> DumpDomAsync(Uri page) => await RunAsync(page, "--dump-dom", 900);

    public static async Task ScreenshotAsync(Uri page, string file, int windowHeight = 900)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.Delete(file);
        await RunAsync(page, $"--screenshot={file}", windowHeight);
        if (!File.Exists(file)) throw new InvalidOperationException($"Chromium wrote no screenshot of {page}");
    }

    /// <summary>Screenshots land in the test output (bin/.../screenshots), one PNG per page.</summary>
    public static string ScreenshotPath(string name) => Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png");

    private static async Task<string> RunAsync(Uri page, string action, int windowHeight)
    {
        var profile = Directory.CreateTempSubdirectory("ingestion-chromium").FullName;
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", $"--user-data-dir={profile}", $"--window-size=1280,{windowHeight}",
            // Virtual time runs the page's scripts to completion; it does not advance while requests are pending.
            "--virtual-time-budget=10000", "--lang=en-US", action, page.ToString(),
        }) start.ArgumentList.Add(arg);

        await Slots.WaitAsync();
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(Timeout);
            try { await process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { throw new TimeoutException($"Chromium did not finish {action} of {page} within {Timeout.TotalSeconds:0} s: {await Tail(stderr)}"); }
            if (process.ExitCode != 0) throw new InvalidOperationException($"Chromium exited with {process.ExitCode} on {page}: {await Tail(stderr)}");
            return await stdout;
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            Slots.Release();
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { /* a helper process may still hold a file; it is in /tmp */ }
        }
    }

    private static async Task<string> Tail(Task<string> stderr)
    {
        var text = stderr.IsCompleted ? await stderr : "";
        return text.Length > 2000 ? text[^2000..] : text;
    }
}
