namespace NasPipeline.Manifest;

/// <summary>A whole experiment: the grid trainer × selector × seed and how each stage is configured.</summary>
public sealed record ExperimentManifest(
    string Path,
    ExperimentSection Experiment,
    DatasetSection Dataset,
    SearchSpaceSection SearchSpace,
    IReadOnlyList<PluginSpec> Trainers,
    IReadOnlyList<PluginSpec> Selectors,
    RetrainSection Retrain,
    ReportSection Report,
    BenchmarkSection Benchmark,
    EvaluationSection Evaluation,
    ProxyStudySection? ProxyStudy,
    ExecutorSection Executor)
{
    /// <summary>True when the manifest declares a trainer × selector grid (a proxy study alone needs none).</summary>
    public bool HasGrid => Trainers.Count > 0;

    /// <summary>
    /// Loads and checks a manifest that may name <paramref name="plugins"/>; every problem is a
    /// <see cref="ManifestException"/> with its place.
    /// </summary>
    public static ExperimentManifest Load(string path, ManifestPlugins plugins) =>
        FromDocument(TomlDocument.Load(path), path, plugins);

    public static ExperimentManifest Parse(string text, string path, ManifestPlugins plugins) =>
        FromDocument(TomlDocument.Parse(text, path), path, plugins);

    static ExperimentManifest FromDocument(TomlDocument doc, string path, ManifestPlugins plugins)
    {
        if (!doc.HasTable("experiment"))
            throw new ManifestException(doc.Root.Location, "missing required section [experiment] (name, seeds)");
        var experiment = ExperimentSection.Read(doc.Table("experiment"));
        var dataset = DatasetSection.Read(doc.Table("dataset"));
        var space = SearchSpaceSection.Read(doc.Table("search_space"));
        var benchmark = BenchmarkSection.Read(doc.Table("benchmark"));
        var proxyStudy = doc.HasTable("proxy_study")
            ? ProxyStudySection.Read(doc.Table("proxy_study"), benchmark, space, plugins.Proxies)
            : null;
        // A manifest may be a proxy study alone; otherwise it is a grid and needs both plugin lists.
        var gridOptional = proxyStudy is not null && doc.TableArray("trainers").Count == 0
            && doc.TableArray("selectors").Count == 0;
        var trainers = ReadPlugins(doc, "trainers", plugins.Trainers, gridOptional);
        var selectors = ReadPlugins(doc, "selectors", plugins.Selectors, gridOptional);
        var retrain = RetrainSection.Read(doc.Table("retrain"), space);
        var evaluation = EvaluationSection.Read(doc.Table("evaluation"), benchmark, space);
        var report = ReportSection.Read(doc.Table("report"), experiment.Name, selectors);
        var executor = ExecutorSection.Read(doc);
        doc.RejectUnknownSections();
        return new ExperimentManifest(
            path, experiment, dataset, space, trainers, selectors, retrain, report, benchmark, evaluation, proxyStudy,
            executor);
    }

    static List<PluginSpec> ReadPlugins(TomlDocument doc, string name, IPluginOptionsReader catalog, bool optional)
    {
        var sections = doc.TableArray(name);
        if (sections.Count == 0 && !optional)
            throw new ManifestException(doc.Root.Location,
                $"the manifest needs at least one [[{name}]] entry (id, method), or only a [proxy_study]; " +
                $"methods: {string.Join(", ", catalog.Names)}");
        var specs = new List<PluginSpec>();
        foreach (var section in sections)
        {
            var spec = PluginSpec.Read(section, catalog);
            if (specs.Any(s => s.Id == spec.Id))
                throw new ManifestException(section.Find("id")!.ValueLocation,
                    $"[[{name}]] id \"{spec.Id}\" is used twice");
            specs.Add(spec);
        }
        return specs;
    }
}
