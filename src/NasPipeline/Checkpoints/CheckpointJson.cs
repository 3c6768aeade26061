using System.Text.Json;
using System.Text.Json.Serialization;

namespace NasPipeline.Checkpoints;

/// <summary>
/// JSON settings of checkpoint files. Doubles are written in their shortest round-trip form, so a metric read back
/// is the same double; NaN (a diverged loss) must survive too.
/// </summary>
static class CheckpointJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = true,
    };
}
