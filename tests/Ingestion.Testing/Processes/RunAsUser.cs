using System.Diagnostics;

namespace Ingestion.Testing.Processes;

/// <summary>
/// Servers that refuse to run as root (initdb, postgres) or must own their files (RabbitMQ) start under
/// their Debian system user. setpriv replaces itself with the program, so the child's pid is the server's.
/// </summary>
public static class RunAsUser
{
    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>The command line that runs <paramref name="program"/> as <paramref name="user"/> (as is when not root).</summary>
    public static (string FileName, List<string> Arguments) Command(string user, string program, params string[] arguments) =>
        IsRoot
            ? ("setpriv", ["--reuid", user, "--regid", user, "--init-groups", program, .. arguments])
            : (program, [.. arguments]);

    /// <summary>Gives a folder to the user (root only), so the server can write its data there.</summary>
    public static void GiveFolder(string folder, string user)
    {
        if (!IsRoot) return;
        using var chown = Process.Start("chown", ["-R", $"{user}:{user}", folder])!;
        chown.WaitForExit();
        if (chown.ExitCode != 0) throw new InvalidOperationException($"chown {user} {folder} failed");
    }

    /// <summary>Runs a program to completion, failing with its output when it does not succeed.</summary>
    public static async Task RunAsync(string user, string program, params string[] arguments)
    {
        var (file, args) = Command(user, program, arguments);
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        args.ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await output}\n{await errors}");
    }
}
