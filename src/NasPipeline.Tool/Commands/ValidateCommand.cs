using NasPipeline.Stages;
using System.CommandLine;
using NasPipeline.Manifest;

namespace NasPipeline.Tool.Commands;

/// <summary>
/// <c>nas validate [files…]</c>: checks manifests without running anything; exit 2 on the first bad one.
/// </summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("manifests")
        {
            Description = "Manifests to check (default: experiments/*.toml)", Arity = ArgumentArity.ZeroOrMore
        };
        var format = new Option<string>("--format")
        {
            Description = "text, or msbuild for file(line,col): error lines", DefaultValueFactory = _ => "text"
        };
        format.AcceptOnlyFromAmong("text", "msbuild");
        var command = new Command("validate", "Check experiment manifests") { files, format };
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(files) is { Length: > 0 } given ? given
                : Directory.Exists("experiments") ? Directory.GetFiles("experiments", "*.toml").Order().ToArray() : [];
            var failed = 0;
            foreach (var path in paths)
            {
                try
                {
                    var m = StudyManifest.Load(path);
                    var parts = new List<string>();
                    if (m.HasGrid)
                        parts.Add($"{m.Trainers.Count} trainer(s) × {m.Selectors.Count} selector(s) × " +
                            $"{m.Experiment.Seeds.Count} seed(s), evaluated by " +
                            $"{string.Join(" + ", m.Evaluation.Evaluators)}");
                    if (m.HasGrid && NasPipeline.Stages.StudyGraphBuilder.NotApplicable(m) is { Count: > 0 } na)
                        parts.Add("n/a: " + string.Join(", ", na.Select(n => $"{n.Trainer} × {n.Selector}")));
                    if (m.ProxyStudy is { } study)
                        parts.Add($"proxy study: {study.Proxies.Count} proxies × {study.Architectures} architectures");
                    Console.WriteLine($"{path}: ok ({string.Join("; ", parts)})");
                }
                catch (ManifestException e)
                {
                    failed++;
                    // MSBuild reads the tool's standard output for canonical error lines.
                    if (parse.GetValue(format) == "msbuild") Console.WriteLine(e.ToMsBuildFormat());
                    else Console.Error.WriteLine(e.Message);
                }
            }
            return failed == 0 ? 0 : ExitCodes.BadManifest;
        });
        return command;
    }
}
