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
        var evaluators = s.ChoiceList("evaluators", ["retrain"], Names, "evaluator");
        if (evaluators.Contains("nb201") && benchmark.Table is null)
            throw new ManifestException(s.Find("evaluators")!.ValueLocation, "evaluator \"nb201\" needs the benchmark table: add [benchmark] table = \"../shared/data/nb201/nb201.csv\"");
        s.RejectUnknownKeys();
        return new EvaluationSection(evaluators);
    }
}
