using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace NasPipeline.Build;

/// <summary>
/// Makes TorchSharp's copied <c>libLibTorchSharp.so</c> load on hosts whose libstdc++ predates GCC 13:
/// its only GLIBCXX_3.4.32 symbol (<c>std::ios_base_library_init</c>) is referenced to force the dependency
/// and never called, so marking that requirement weak is safe. Does nothing where the host has the version.
/// </summary>
public sealed class PatchTorchSharpNative : Microsoft.Build.Utilities.Task
{
    /// <summary>The copied native library in the output folder (never the NuGet cache).</summary>
    [Required]
    public string Library { get; set; } = "";

    /// <summary>The version requirement to weaken.</summary>
    public string Version { get; set; } = "GLIBCXX_3.4.32";

    /// <summary>Override for tests and unusual hosts; found in the usual folders when empty.</summary>
    public string HostLibrary { get; set; } = "";

    public override bool Execute()
    {
        var host = string.IsNullOrEmpty(HostLibrary) ? HostLibStdCxx.Locate() : HostLibrary;
        if (host is not null && HostLibStdCxx.Provides(host, Version))
        {
            Log.LogMessage(MessageImportance.Low, $"{host} provides {Version}; {Library} left as it is.");
            return true;
        }
        try
        {
            var result = ElfVersionPatcher.MakeWeak(Library, Version);
            Log.LogMessage(result == ElfPatchResult.Patched ? MessageImportance.High : MessageImportance.Low,
                $"TorchSharp native fix: {Version} in {Library}: {result}.");
            return true;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Log.LogError($"Could not patch {Library}: {e.Message}");
            return false;
        }
    }
}
