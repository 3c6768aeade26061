namespace NasPipeline.Manifest;

/// <summary>[experiment]: what the study is called, which seeds it runs and where artifacts live.</summary>
public sealed record ExperimentSection(string Name, IReadOnlyList<int> Seeds, int Threads, string Artifacts)
{
    public static ExperimentSection Read(TomlSection s)
    {
        var name = s.RequireString("name");
        if (name.Length == 0 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            throw new ManifestException(s.Find("name")!.ValueLocation, $"'name' = \"{name}\" must be letters, digits, '-', '_' or '.' (it names a folder)");
        var seedsEntry = s.Find("seeds");
        var seeds = s.IntegerList("seeds", [0], minCount: 1).Select(v => checked((int)v)).ToList();
        if (seeds.Distinct().Count() != seeds.Count)
            throw new ManifestException(seedsEntry!.ValueLocation, "'seeds' lists a seed twice");
        var section = new ExperimentSection(name, seeds, s.Int("threads", 2, min: 1, max: 256), s.String("artifacts", ".nas"));
        s.RejectUnknownKeys();
        return section;
    }
}
