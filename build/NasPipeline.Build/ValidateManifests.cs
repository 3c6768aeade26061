using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace NasPipeline.Build;

/// <summary>
/// Checks experiment manifests with the built <c>nas validate --format msbuild</c>, so the one manifest loader
/// is the judge and its located errors surface as MSBuild's <c>file(line,col): error</c> diagnostics.
/// </summary>
public sealed class ValidateManifests : ToolTask
{
    /// <summary>The built nas tool assembly (nas.dll).</summary>
    [Required]
    public string ToolAssembly { get; set; } = "";

    /// <summary>The manifests to check.</summary>
    [Required]
    public ITaskItem[] Manifests { get; set; } = [];

    protected override string ToolName => "dotnet";

    protected override string GenerateFullPathToTool() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    protected override string GenerateCommandLineCommands()
    {
        var builder = new CommandLineBuilder();
        builder.AppendFileNameIfNotNull(ToolAssembly);
        builder.AppendSwitch("validate");
        builder.AppendSwitch("--format");
        builder.AppendSwitch("msbuild");
        foreach (var manifest in Manifests) builder.AppendFileNameIfNotNull(manifest.ItemSpec);
        return builder.ToString();
    }

    // The tool prints canonical "file(line,col): error ..." lines; let MSBuild turn them into errors.
    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance) =>
        Log.LogMessageFromText(singleLine, MessageImportance.Normal);

    public override bool Execute()
    {
        if (Manifests.Length == 0) return true;
        return base.Execute() && !Log.HasLoggedErrors;
    }
}
