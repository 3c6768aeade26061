// Typed build context and the helpers that hand stage targets to the `nas` tool (which owns keys and cache).

public sealed record BuildContext(
    string Manifest, string Configuration, string Root, string Executor, string Jobs, bool Detach)
{
    public string ToolProject => $"{Root}/src/NasPipeline.Tool/NasPipeline.Tool.csproj";
    public string ToolAssembly => $"{Root}/src/NasPipeline.Tool/bin/{Configuration}/net10.0/nas.dll";
}

void BuildTool(BuildContext c) =>
    DotNetBuild(c.ToolProject, new DotNetBuildSettings
    {
        Configuration = c.Configuration,
        Verbosity = DotNetVerbosity.Quiet,
        NoLogo = true,
        // The stage command checks its manifest itself and exits with 2 on a bad one; the build's own check of
        // every experiments/*.toml (MSBuild errors, exit 1) stays on for plain `dotnet build`.
        MSBuildSettings = new DotNetMSBuildSettings().WithProperty("SkipManifestValidation", "true"),
    });

// Stage targets pass the executor choice through (`--executor=slurm --jobs=2 --detach`); nas checks it.
void Nas(BuildContext c, string command, bool stage = false)
{
    var arguments = new ProcessArgumentBuilder().AppendQuoted(c.ToolAssembly).Append(command);
    if (command != "validate") arguments.Append("--manifest").AppendQuoted(c.Manifest);
    if (stage && c.Executor != "") arguments.Append("--executor").AppendQuoted(c.Executor);
    if (stage && c.Jobs != "") arguments.Append("--jobs").AppendQuoted(c.Jobs);
    if (stage && c.Detach) arguments.Append("--detach");
    var exit = StartProcess("dotnet", new ProcessSettings { Arguments = arguments, WorkingDirectory = c.Root });
    // Cake's script runner reports every failed task as exit 1; a bad manifest must stay exit 2 for callers, and
    // a run stopped to be resumed (SIGTERM, exit 75) must stay 75 so a job script can requeue it.
    if (exit == 2)
    {
        Error($"nas {command}: the manifest {c.Manifest} is invalid (see the error above)");
        System.Environment.Exit(2);
    }
    if (exit == 75)
    {
        Error($"nas {command}: stopped after saving checkpoints; run the same target again to resume");
        System.Environment.Exit(75);
    }
    if (exit != 0) throw new CakeException(exit, $"nas {command} failed (exit code {exit})");
}
