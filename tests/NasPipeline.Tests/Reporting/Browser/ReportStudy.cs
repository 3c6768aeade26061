using NasPipeline.Tests.Stages;

namespace NasPipeline.Tests.Reporting.Browser;

/// <summary>
/// The smallest study whose report has every section: two trainers (so an interaction), three selectors on two
/// seeds (so paired tests, ranks and a CD diagram), a retrain, on tiny synthetic images. Built once per fixture.
/// </summary>
public sealed class ReportStudy : IDisposable
{
    readonly TinyStudy _study = new();

    public string ReportDirectory { get; }

    public ReportStudy()
    {
        var (_, outcome) = _study.Run(Manifest);
        ReportDirectory = outcome.ReportDirectory
            ?? throw new InvalidOperationException("the tiny study published no report");
    }

    string Manifest => $"""
        [experiment]
        name = "page"
        seeds = [0, 1]
        threads = 1
        artifacts = "{_study.Artifacts}"

        [dataset]
        name = "synthetic"
        image_size = 8
        channels = 1
        classes = 3
        train_count = 64
        test_count = 32

        [search_space]
        channels = 4
        cells_per_stage = 1

        [[trainers]]
        id = "darts"
        method = "darts"
        epochs = 2
        batch_size = 16
        valid_size = 16

        [[trainers]]
        id = "gdas"
        method = "gdas"
        epochs = 2
        batch_size = 16
        valid_size = 16

        [[selectors]]
        id = "magnitude"
        method = "magnitude"

        [[selectors]]
        id = "magnitude-no-none"
        method = "magnitude"
        exclude_none = true

        [[selectors]]
        id = "random"
        method = "random"

        [retrain]
        epochs = 1
        batch_size = 16

        [report]
        output = "{_study.Reports}"
        title = "Report page test"
        """;

    public string File(string name) => Path.Combine(ReportDirectory, name);

    public void Dispose() => _study.Dispose();
}
