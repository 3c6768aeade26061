using System.Text.RegularExpressions;
using NasPipeline.Graph;
using NasPipeline.Tests.Stages;

namespace NasPipeline.Tests.Execution;

/// <summary>
/// <c>[experiment] on_failure</c> on a tiny study in which one trainer diverges (lr = 1e38): "stop" starts no node
/// after the failure and publishes no report; "continue" runs every cell that does not read the failed supernet
/// and a report that lists the failed cells in its tables and CSVs.
/// </summary>
[Category("Integration")]
public sealed class OnFailureTests
{
    const string Diverging = """
        [[trainers]]
        id = "bad"
        method = "darts"
        epochs = 2
        batch_size = 16
        lr = 1e38
        grad_clip = 0
        """;

    static string Manifest(TinyStudy study, string? onFailure) =>
        study.Manifest(extra: Diverging)
            .Replace("threads = 1", onFailure is null ? "threads = 1" : $"threads = 1\non_failure = \"{onFailure}\"");

    static readonly Regex Reason = new(@"^train bad seed=0: (architecture \(α\) )?loss is (NaN|\+inf|-inf) " +
        @"at epoch \d/2 step \d/3 \(lr 1E\+38\)$");

    [Test]
    public void Default_Stop_RunsNothingAfterTheFailure_AndPublishesNoReport()
    {
        using var study = new TinyStudy();
        var (log, outcome) = study.Run(Manifest(study, onFailure: null));
        var outcomes = outcome.Execution.Outcomes;
        var failedAt = outcomes.ToList().FindIndex(o => o.State == NodeState.Failed);
        Assert.That(outcomes[failedAt].Node.Id, Is.EqualTo("train/bad/seed=0"), string.Join("; ", log.Failures));
        Assert.That(log.Failures.Single().Error, Does.Match(Reason));
        Assert.That(outcomes.Skip(failedAt + 1).Select(o => o.State), Is.All.EqualTo(NodeState.Skipped),
            "not even the cells of the healthy trainer go on");
        Assert.That(outcome.ReportDirectory, Is.Null);
        Assert.That(Directory.GetDirectories(Path.Combine(study.Artifacts, "train")), Has.Length.EqualTo(1),
            "only the healthy supernet is committed");
    }

    [Test]
    public void Continue_RunsTheOtherCells_AndTheReportListsTheFailedOnes()
    {
        using var study = new TinyStudy();
        var (log, outcome) = study.Run(Manifest(study, "continue"));
        var execution = outcome.Execution;
        Assert.That(execution.Failed, Is.True, "the command still exits 1");
        Assert.That(execution.Outcomes.Where(o => o.State == NodeState.Failed).Select(o => o.Node.Id),
            Is.EqualTo(new[] { "train/bad/seed=0" }));
        var skipped = execution.Outcomes.Where(o => o.State == NodeState.Skipped).Select(o => o.Node.Id).ToList();
        Assert.That(skipped, Has.All.Contain("/bad/"));
        Assert.That(skipped, Has.Count.EqualTo(6), "select, retrain and evaluate of bad × 2 selectors");
        Assert.That(outcome.Evaluations.Select(e => e.Trainer), Is.EqualTo(new[] { "darts", "darts" }));
        Assert.That(outcome.ReportDirectory, Is.Not.Null);

        var md = File.ReadAllText(Path.Combine(outcome.ReportDirectory!, "report.md"));
        Assert.That(md, Does.Contain("## Failed cells").And.Contain("2 cells failed and have no result"));
        Assert.That(md, Does.Contain("| bad | mag | 0 | train | `train/bad/seed=0` | train bad seed=0: "));
        var html = File.ReadAllText(Path.Combine(outcome.ReportDirectory!, "report.html"));
        Assert.That(html, Does.Contain("<h2 id=\"failed-cells\">Failed cells</h2>"));

        var results = File.ReadAllLines(Path.Combine(outcome.ReportDirectory!, "results.csv"));
        Assert.That(results[0], Does.EndWith(",NotApplicable,Failed"));
        var bad = results.Where(l => l.Contains(",bad,")).ToList();
        Assert.That(bad, Has.Count.EqualTo(2));
        Assert.That(bad, Has.All.Contain(",train: train bad seed=0: "));
        var summary = File.ReadAllLines(Path.Combine(outcome.ReportDirectory!, "summary.csv"));
        Assert.That(summary[0], Does.EndWith(",NotApplicable,FailedRuns"));
        Assert.That(summary.Where(l => l.StartsWith("bad,")).Select(l => l.Split(',')[^1]),
            Is.EqualTo(new[] { "1", "1" }), "each bad pair: its one seed failed");
        Assert.That(summary.Where(l => l.StartsWith("darts,")).Select(l => l.Split(',')[^1]), Is.All.EqualTo("0"));
        Assert.That(log.Ran, Does.Contain("report tiny"));
    }

    [Test]
    public void Continue_ReportKey_IsTheCompleteStudysWhenNothingFailed()
    {
        using var study = new TinyStudy();
        var stop = study.Plan(study.Manifest()).Plan;
        var (_, outcome) = study.Run(study.Manifest().Replace("threads = 1", "threads = 1\non_failure = \"continue\""));
        Assert.That(outcome.Execution.Failed, Is.False);
        var report = outcome.Execution.Results.Get(outcome.Execution.Outcomes.Single(o => o.Node.Id == "report").Node);
        var again = study.Plan(study.Manifest()).Plan;
        Assert.That(again.Single(r => r.Id == "report").Cached, Is.True,
            "on_failure is in no key, and a complete study's report key has no failure list");
        Assert.That(stop.Single(r => r.Stage == "train").Status, Is.EqualTo(PlanRow.WillRun));
        Assert.That(report, Is.Not.Null);
    }
}
