namespace NasPipeline.Manifest;

/// <summary>
/// [evaluation]: how each selected architecture is judged. <c>retrain</c> trains it from scratch ([retrain]);
/// <c>nb201</c> looks it up in the NAS-Bench-201 table ([benchmark]), on the nb201 space only. Both may be listed;
/// the report shows both.
/// </summary>
public sealed record EvaluationSection(IReadOnlyList<string> Evaluators)
{
    public static readonly string[] Names = ["retrain", "nb201"];

    public bool Retrain => Evaluators.Contains("retrain");
    public bool Nb201 => Evaluators.Contains("nb201");

    public static EvaluationSection Read(TomlSection s, BenchmarkSection benchmark, SearchSpaceSection space)
    {
        var evaluators = s.ChoiceList("evaluators", ["retrain"], Names, "evaluator");
        // The table holds NB201 cells only: another space's genotype has no row to look up.
        if (evaluators.Contains("nb201") && space.Name != "nb201")
            throw new ManifestException(s.Find("evaluators")!.ValueLocation,
                "evaluator \"nb201\" looks selections up in the NAS-Bench-201 table, which holds only nb201-space " +
                $"cells; the {space.Name} space has no benchmark table: use evaluators = [\"retrain\"]");
        if (evaluators.Contains("nb201") && benchmark.Table is null)
            throw new ManifestException(s.Find("evaluators")!.ValueLocation,
                "evaluator \"nb201\" needs the benchmark table: " +
                "add [benchmark] table = \"../shared/data/nb201/nb201.csv\"");
        s.RejectUnknownKeys();
        return new EvaluationSection(evaluators);
    }
}
