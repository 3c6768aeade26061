using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace NasPipeline.Caching;

/// <summary>
/// A stage node's identity: SHA-256 over its stage name, its schema version and the canonical JSON of exactly
/// the inputs it reads (manifest sections, seeds, upstream keys). Code is not hashed implicitly: a stage bumps
/// its version when its output would change.
/// </summary>
public static class StageKey
{
    static readonly JsonSerializerOptions Canonical = new() { WriteIndented = false };

    public static string Compute(string stage, int version, object inputs)
    {
        var json = CanonicalJson(new { stage, version, inputs });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }

    /// <summary>JSON with properties in declaration order and doubles in shortest round-trip form.</summary>
    public static string CanonicalJson(object value) => JsonSerializer.Serialize(value, value.GetType(), Canonical);

    public static string HashFile(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
