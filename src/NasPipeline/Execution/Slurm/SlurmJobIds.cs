using System.Text.RegularExpressions;

namespace NasPipeline.Execution.Slurm;

/// <summary>Job ids as sbatch prints them ("123", array task "123_4"), checked before they reach a command.</summary>
static class SlurmJobIds
{
    static readonly Regex Pattern = new("^[0-9]+(_[0-9]+)?$", RegexOptions.CultureInvariant);

    public static IReadOnlyList<string> Checked(IEnumerable<string> ids)
    {
        var list = ids.ToList();
        var bad = list.FirstOrDefault(id => !Pattern.IsMatch(id));
        return bad is null ? list : throw new ArgumentException($"not a Slurm job id: '{bad}'");
    }
}
