namespace NasPipeline.Reporting;

/// <summary>
/// A grid cell (trainer × selector × seed) with no result because a node it reads failed (with
/// <c>[experiment] on_failure = "continue"</c> the report still runs): the stage and node that failed and the
/// one-line reason. A failed proxy node of the proxy study is listed the same way with empty trainer and selector.
/// Every table and CSV keeps the cell visible as failed rather than dropping it from the grid.
/// </summary>
public sealed record FailedCell(string Trainer, string Selector, int Seed, string Stage, string Node, string Reason);
