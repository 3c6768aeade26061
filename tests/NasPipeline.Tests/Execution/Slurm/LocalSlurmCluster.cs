using System.Diagnostics;
using NasPipeline.Execution.Slurm;

namespace NasPipeline.Tests.Execution.Slurm;

/// <summary>
/// The cluster live tests run against: the config in SLURM_CONF, else the one <c>build/slurm/cluster.sh</c> writes
/// (<c>$NAS_SLURM_DIR/etc/slurm.conf</c>, default /tmp/nas-slurm). When no controller answers, live tests are ignored
/// with a reason that says how to start one; <c>./build.sh --target=Test</c> starts it.
/// </summary>
public static class LocalSlurmCluster
{
    static readonly Lazy<(SlurmClient? Client, string Reason)> Found = new(Find);

    /// <summary>A client for the running cluster, or the test is ignored.</summary>
    public static SlurmClient ClientOrIgnore()
    {
        var (client, reason) = Found.Value;
        if (client is null) Assert.Ignore(reason);
        return client!;
    }

    /// <summary>
    /// Makes the cluster the one <c>nas</c> (in this process and the ones it starts) talks to, as a user's
    /// SLURM_CONF would; the test is ignored when none runs.
    /// </summary>
    public static void UseForNas()
    {
        var client = ClientOrIgnore();
        if (client.ConfigPath is { } config) Environment.SetEnvironmentVariable("SLURM_CONF", config);
    }

    /// <summary>Polls until every job has ended or is gone; fails the test after <paramref name="seconds"/>.</summary>
    public static IReadOnlyDictionary<string, SlurmJobStatus> WaitForEnd(
        SlurmClient client, IReadOnlyCollection<string> ids, int seconds = 30)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var statuses = client.Query(ids);
            if (statuses.Values.All(s => !s.IsActive)) return statuses;
            if (watch.Elapsed > TimeSpan.FromSeconds(seconds))
            {
                client.Cancel(ids);
                Assert.Fail($"jobs still active after {seconds} s: {string.Join(", ", statuses.Values)}");
            }
            Thread.Sleep(200);
        }
    }

    static (SlurmClient?, string) Find()
    {
        var config = Environment.GetEnvironmentVariable("SLURM_CONF");
        if (string.IsNullOrEmpty(config))
        {
            var folder = Environment.GetEnvironmentVariable("NAS_SLURM_DIR") ?? "/tmp/nas-slurm";
            var local = Path.Combine(folder, "etc", "slurm.conf");
            config = File.Exists(local) ? local : null;
        }
        var client = new SlurmClient(config);
        return client.IsAvailable(out var reason)
            ? (client, "")
            : (null, $"no Slurm cluster answers ({reason}). Start the local one with `build/slurm/cluster.sh start` "
                + "(as root; it installs slurm-wlm and munge), or point SLURM_CONF at a cluster's slurm.conf.");
    }
}
