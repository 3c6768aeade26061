// Typed build context and the helpers that hand stage targets to the `nas` tool (which owns keys and cache).

public sealed record BuildContext(string Manifest, string Configuration, string Root)
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

void Nas(BuildContext c, string command)
{
    var arguments = new ProcessArgumentBuilder().AppendQuoted(c.ToolAssembly).Append(command);
    if (command != "validate") arguments.Append("--manifest").AppendQuoted(c.Manifest);
    var exit = StartProcess("dotnet", new ProcessSettings { Arguments = arguments, WorkingDirectory = c.Root });
    // Cake's script runner reports every failed task as exit 1; a bad manifest must stay exit 2 for callers.
    if (exit == 2)
    {
        Error($"nas {command}: the manifest {c.Manifest} is invalid (see the error above)");
        System.Environment.Exit(2);
    }
    if (exit != 0) throw new CakeException(exit, $"nas {command} failed (exit code {exit})");
}
