namespace NasPipeline.Manifest;

/// <summary>
/// [evaluation]: how each selected architecture is judged. <c>retrain</c> trains it from scratch ([retrain]);
/// <c>nb201</c> looks it up in the NAS-Bench-201 table ([benchmark]). Both may be listed; the report shows both.
/// </summary>
public sealed record EvaluationSection(IReadOnlyList<string> Evaluators)
{
    public static readonly string[] Names = ["retrain", "nb201"];

    public bool Retrain => Evaluators.Contains("retrain");
    public bool Nb201 => Evaluators.Contains("nb201");

    public static EvaluationSection Read(TomlSection s, BenchmarkSection benchmark)
    {
        var entry = s.Find("evaluators");
        var evaluators = s.StringList("evaluators", ["retrain"]);
        var at = entry?.ValueLocation ?? s.Location;
        if (evaluators.Count == 0)
            throw new ManifestException(at, $"[evaluation] evaluators needs at least one of: {string.Join(", ", Names)}");
        foreach (var name in evaluators)
            if (!Names.Contains(name))
                throw new ManifestException(at, $"unknown evaluator \"{name}\"; evaluators: {string.Join(", ", Names)}");
        if (evaluators.Distinct().Count() != evaluators.Count)
            throw new ManifestException(at, "[evaluation] evaluators lists an evaluator twice");
        if (evaluators.Contains("nb201") && benchmark.Table is null)
            throw new ManifestException(at, "evaluator \"nb201\" needs the benchmark table: add [benchmark] table = \"../shared/data/nb201/nb201.csv\"");
        s.RejectUnknownKeys();
        return new EvaluationSection(evaluators);
    }
}
