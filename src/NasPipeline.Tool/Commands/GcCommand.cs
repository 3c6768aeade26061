using System.CommandLine;
using System.Globalization;
using NasPipeline.Caching;
using NasPipeline.Graph;
using NasPipeline.Manifest;
using NasPipeline.Stages;
using NasPipeline.Training;

namespace NasPipeline.Tool.Commands;

/// <summary>
/// <c>nas gc</c>: frees the cache of what no manifest in the experiments folder needs: nodes none of them reaches,
/// checkpoints of such nodes and of finished ones, and temporary folders of builds that died (see
/// <see cref="CacheCollector"/>, which never touches a node whose lock a running build holds). Every manifest is
/// read and walked before anything is removed, so a manifest that does not load stops gc with nothing removed.
/// </summary>
public static class GcCommand
{
    static readonly Option<string> Experiments = new("--experiments")
    {
        Description = "Folder of the manifests whose nodes are kept (default: experiments)",
        DefaultValueFactory = _ => "experiments",
    };

    static readonly Option<bool> DryRun = new("--dry-run")
    {
        Description = "Print what would be removed and freed; remove nothing",
    };

    public static Command Create()
    {
        var command = new Command("gc",
            "Remove cached nodes no manifest in the experiments folder reaches, and stale temporary and work folders")
        {
            Experiments, CommonOptions.Artifacts, CommonOptions.Templates, DryRun,
        };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(Experiments)!;
            var manifests = Directory.Exists(folder)
                ? Directory.GetFiles(folder, "*.toml").Order(StringComparer.Ordinal).Select(StudyManifest.Load)
                    .ToList()
                : [];
            if (manifests.Count == 0)
            {
                Console.Error.WriteLine(
                    $"nas gc: no manifests (*.toml) in {folder}, so no node would be kept; nothing removed");
                return ExitCodes.Failed;
            }
            var templates = CommonOptions.ResolveTemplates(parse.GetValue(CommonOptions.Templates));
            var caches = (parse.GetValue(CommonOptions.Artifacts) is { } given
                    ? [given] : manifests.Select(m => m.Experiment.Artifacts))
                .Select(c => new NodeStore(c)).DistinctBy(s => s.Root).ToList();
            var reachable = caches.Select(store => Reachable(store, manifests, templates)).ToList();
            var dryRun = parse.GetValue(DryRun);
            for (var i = 0; i < caches.Count; i++)
                Print(caches[i], new CacheCollector(caches[i]).Collect(reachable[i], dryRun), dryRun);
            return 0;
        });
        return command;
    }

    /// <summary>Every node key any of the manifests reaches in this cache.</summary>
    static HashSet<(string Stage, string Key)> Reachable(
        NodeStore store, IEnumerable<ExperimentManifest> manifests, string templates)
    {
        var runner = new StageRunner(store.With(FileCheck.RecordOnly), new MemoryLog(), NullProgress.Instance);
        return manifests.SelectMany(m => new ExperimentPipeline(m, runner, templates).CachedKeys()).ToHashSet();
    }

    static void Print(NodeStore store, Collection collection, bool dryRun)
    {
        foreach (var item in collection.Removed)
            Console.WriteLine($"{(dryRun ? "would remove" : "removed")} {Path.GetRelativePath(store.Root, item.Path)}" +
                $" ({Size(item.Bytes)}): {item.Reason}");
        foreach (var path in collection.InUse)
            Console.WriteLine(
                $"kept {Path.GetRelativePath(store.Root, path)}: in use (a running build holds its lock)");
        Console.WriteLine(dryRun
            ? $"gc (dry run): {collection.Removed.Count} folders would be removed from {store.Root}, " +
              $"{Size(collection.Bytes)} would be freed"
            : $"gc: {collection.Removed.Count} folders removed from {store.Root}, {Size(collection.Bytes)} freed");
    }

    static string Size(long bytes) => bytes < 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:F1} KiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F1} MiB");
}
