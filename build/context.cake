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
    });

void Nas(BuildContext c, string command)
{
    var arguments = new ProcessArgumentBuilder().AppendQuoted(c.ToolAssembly).Append(command);
    if (command != "validate") arguments.Append("--manifest").AppendQuoted(c.Manifest);
    var exit = StartProcess("dotnet", new ProcessSettings { Arguments = arguments, WorkingDirectory = c.Root });
    if (exit != 0) throw new CakeException(exit, $"nas {command} failed (exit code {exit})");
}
