using System.CommandLine;

namespace NasPipeline.Tool.Commands;

/// <summary>Options every stage command takes.</summary>
public static class CommonOptions
{
    public static readonly Option<string> Manifest = new("--manifest", "-m")
    {
        Description = "Experiment manifest (TOML)",
        DefaultValueFactory = _ => "experiments/default.toml",
    };

    public static readonly Option<string?> Artifacts = new("--artifacts")
    {
        Description = "Artifact cache folder (default: [experiment] artifacts, else .nas)",
    };

    public static readonly Option<string?> Templates = new("--templates")
    {
        Description = "Report templates folder (default: reports/templates, else the copy beside the tool)",
    };

    public static readonly Option<string?> Executor = new("--executor")
    {
        Description = "local or slurm (default: [executor] kind)",
    };

    public static readonly Option<int?> Jobs = new("--jobs", "-j")
    {
        Description = "local executor: nodes run at once, each its own process (default: [executor] jobs)",
    };

    public static readonly Option<bool> Detach = new("--detach")
    {
        Description = "slurm executor: submit the jobs and return at once (see `nas status`)",
    };

    public static string ResolveTemplates(string? option)
    {
        if (option is not null) return option;
        const string repo = "reports/templates";
        return Directory.Exists(repo) ? repo : Path.Combine(AppContext.BaseDirectory, "templates");
    }
}
