using NasPipeline.Manifest;
using NasPipeline.Proxies;
using NasPipeline.Selectors;
using NasPipeline.Trainers;

namespace NasPipeline.Stages;

/// <summary>Manifests as a study reads them: the loader given this build's trainers, selectors and proxies.</summary>
public static class StudyManifest
{
    public static ManifestPlugins Plugins { get; } =
        new(TrainerCatalog.Default, SelectorCatalog.Default, ProxyCatalog.Default.Names.ToList());

    public static ExperimentManifest Load(string path) => ExperimentManifest.Load(path, Plugins);

    public static ExperimentManifest Parse(string text, string path) => ExperimentManifest.Parse(text, path, Plugins);
}
