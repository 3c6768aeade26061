using NasPipeline.Stages;
using System.CommandLine;
using NasPipeline.Caching;
using NasPipeline.Manifest;

namespace NasPipeline.Tool.Commands;

/// <summary>
/// <c>nas verify</c>: hashes every file of every committed node in the cache and lists the nodes whose files are
/// missing, truncated or altered, or whose record lists no files; exit 1 when there is any (a run rebuilds them).
/// </summary>
public static class VerifyCommand
{
    public static Command Create()
    {
        var command = new Command("verify",
            "Check every cached node's files against the sizes and SHA-256 its record lists; exit 1 if any is bad")
        {
            CommonOptions.Manifest, CommonOptions.Artifacts,
        };
        command.SetAction(parse =>
        {
            var store = new NodeStore(CacheOf(parse));
            var (nodes, bad) = CacheVerifier.Verify(store);
            foreach (var node in bad) Console.WriteLine(node);
            Console.WriteLine($"verify: {nodes} nodes in {store.Root}, {bad.Count} bad" +
                (bad.Count > 0 ? " (a run rebuilds them)" : ""));
            return bad.Count == 0 ? 0 : ExitCodes.Failed;
        });
        return command;
    }

    /// <summary>
    /// The cache folder: <c>--artifacts</c>, else the manifest's <c>[experiment] artifacts</c> (the whole cache is
    /// checked, not only that manifest's nodes), else <c>.nas</c> when there is no manifest.
    /// </summary>
    static string CacheOf(ParseResult parse)
    {
        if (parse.GetValue(CommonOptions.Artifacts) is { } artifacts) return artifacts;
        var manifest = parse.GetValue(CommonOptions.Manifest)!;
        return File.Exists(manifest) ? StudyManifest.Load(manifest).Experiment.Artifacts : ".nas";
    }
}
