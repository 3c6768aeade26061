namespace NasPipeline.Tool;

/// <summary>
/// How to start this very <c>nas</c> again in another process: the apphost, or <c>dotnet nas.dll</c>.
/// </summary>
public static class NasProcess
{
    public static IReadOnlyList<string> Command()
    {
        var assembly = typeof(NasProcess).Assembly.Location;
        var apphost = Path.Combine(Path.GetDirectoryName(assembly)!, OperatingSystem.IsWindows() ? "nas.exe" : "nas");
        var host = Environment.ProcessPath;
        // Under `dotnet nas.dll` (or a test host) the process is dotnet itself; the same runtime runs nas.dll.
        if (host is not null && Path.GetFileNameWithoutExtension(host) == "dotnet") return [host, assembly];
        return File.Exists(apphost) ? [apphost] : ["dotnet", assembly];
    }
}
