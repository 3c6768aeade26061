namespace NasPipeline.Tool;

/// <summary>Process exit codes: 0 done, 1 failed while running, 2 bad input (manifest).</summary>
public static class ExitCodes
{
    public const int Failed = 1;
    public const int BadManifest = 2;
}
