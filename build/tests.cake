// Runs the NUnit suite and prints one "N passed, N failed" line from the TRX results for CI logs. On Linux the local
// Slurm cluster (build/slurm/cluster.sh) runs for the suite's Slurm tests; when it cannot start they show as ignored.

void RunTests(BuildContext c)
{
    var results = $"{c.Root}/TestResults";
    if (DirectoryExists(results)) DeleteDirectory(results, new DeleteDirectorySettings { Recursive = true, Force = true });
    var slurm = StartLocalSlurm(c);
    Exception failure = null;
    try
    {
        var settings = new DotNetTestSettings
        {
            Configuration = c.Configuration,
            Loggers = { "trx;LogFileName=tests.trx", "console;verbosity=normal" },
            ResultsDirectory = results,
            NoLogo = true,
        };
        // The live tests find the cluster through SLURM_CONF (tests/…/Execution/Slurm/LocalSlurmCluster.cs).
        if (slurm.Config != null) settings.EnvironmentVariables["SLURM_CONF"] = slurm.Config;
        DotNetTest($"{c.Root}/NasPipeline.sln", settings);
    }
    catch (Exception e) { failure = e; }
    finally
    {
        if (slurm.StartedHere) StopLocalSlurm(c);
    }

    var trx = $"{results}/tests.trx";
    if (FileExists(trx))
    {
        var counters = System.Xml.Linq.XDocument.Load(trx).Descendants().First(e => e.Name.LocalName == "Counters");
        string Count(string name) => counters.Attribute(name)?.Value ?? "0";
        var skipped = int.Parse(Count("total")) - int.Parse(Count("executed"));
        // Plain Console: Cake's logger colours numbers, and CI reads this line as text.
        Console.WriteLine($"{Count("passed")} passed, {Count("failed")} failed, {skipped} skipped");
    }
    if (failure != null) throw failure;
}

/// <summary>The local cluster's config, when one runs, and whether this build started it (and so stops it).</summary>
public sealed record LocalSlurm(string Config, bool StartedHere);

LocalSlurm StartLocalSlurm(BuildContext c)
{
    if (!IsRunningOnLinux()) return new LocalSlurm(null, false);
    var script = $"{c.Root}/build/slurm/cluster.sh";
    var quiet = new ProcessSettings { Arguments = "status", RedirectStandardOutput = true };
    var running = StartProcess(script, quiet, out IEnumerable<string> _) == 0;
    var watch = System.Diagnostics.Stopwatch.StartNew();
    // The script says why it cannot start (not root and Slurm missing, a daemon's log tail); the suite goes on.
    if (!running && StartProcess(script, "start") != 0)
    {
        Warning("slurm: the local cluster did not start (see above); the Slurm tests will show as ignored");
        return new LocalSlurm(null, false);
    }
    StartProcess(script, new ProcessSettings { Arguments = "conf", RedirectStandardOutput = true }, out var lines);
    Information(running ? "slurm: the local cluster was already running; it stays up"
        : $"slurm: local cluster up in {watch.Elapsed.TotalSeconds:0.0} s");
    return new LocalSlurm(lines.First(), !running);
}

void StopLocalSlurm(BuildContext c)
{
    var watch = System.Diagnostics.Stopwatch.StartNew();
    var exit = StartProcess($"{c.Root}/build/slurm/cluster.sh", "stop");
    if (exit != 0) Warning($"slurm: stopping the local cluster failed (exit {exit})");
    else Information($"slurm: local cluster stopped in {watch.Elapsed.TotalSeconds:0.0} s");
}
