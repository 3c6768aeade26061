using System.Text;
using FsCheck;
using FsCheck.Fluent;
using NasPipeline.Manifest;
using NasPipeline.Stages;

namespace NasPipeline.Tests.Manifest;

/// <summary>
/// Hand-edited manifests: the shipped ones (experiments/*.toml), mutated one to three times each — lines dropped or
/// duplicated, keys renamed, values retyped or pushed to extremes, table headers flipped, bytes inserted, the text
/// cut short. Whatever comes out, <c>nas validate</c>'s checks end in a manifest or in a located
/// <see cref="ManifestException"/>; any other exception fails the property with the mutated text.
/// </summary>
[Category("Slow")]
public sealed class ManifestFuzzTests
{
    /// <summary>How a mutation changes the text; <c>A</c> and <c>B</c> pick lines, offsets or replacements.</summary>
    public enum Kind
    {
        DropLine, DuplicateLine, RenameKey, RetypeValue, PerturbValue, FlipTableHeader, InsertByte, Truncate,
    }

    public sealed record Mutation(Kind Kind, int A, int B);

    public sealed record Mutated(string Manifest, IReadOnlyList<Mutation> Mutations)
    {
        public override string ToString() => $"{Manifest} with {string.Join(", ", Mutations)}";
    }

    static readonly string Folder = Path.Combine(RepoPaths.Root, "experiments");
    static readonly string[] Manifests =
        Directory.GetFiles(Folder, "*.toml").Select(Path.GetFileName).Order().ToArray()!;

    /// <summary>Values of other types, for <see cref="Kind.RetypeValue"/>.</summary>
    static readonly string[] OtherTypes =
        ["\"text\"", "3", "2.5", "true", "[1, 2]", "[\"a\", 1]", "{ x = 1 }", "1979-05-27", "[]", "[[1]]", "\"\""];

    /// <summary>Edge values for <see cref="Kind.PerturbValue"/>: overflow, sign, zero, nan/inf, path escapes.</summary>
    static readonly string[] Extremes =
    [
        "0", "-1", "2147483647", "2147483648", "-2147483649", "5000000000", "99999999999", "9223372036854775807",
        "99999999999999999999", "inf", "-inf", "nan", "1e999", "-0.0", "1e-320", "0.5", "\"..\"", "\"../x\"",
        "\"a/b\"", "\"\"", "\" \"", "\"a\\nb\"", "\"\\u0000\"", "[5000000000]", "[-1]", "[0, 0]", "[\"x\"]",
        "\"" + new string('x', 5000) + "\"",
    ];

    static readonly byte[] Bytes = [0x00, 0xFF, 0xE9, 0xC3, 0x0A, 0x22, 0x5B, 0x3D, 0x23, 0x5C];

    static Gen<Mutated> Generator() =>
        from manifest in Gen.Elements(Manifests)
        from count in Gen.Choose(1, 3)
        from mutations in Gen.ListOf(
            from kind in Gen.Elements(Enum.GetValues<Kind>())
            from a in Gen.Choose(0, 100_000)
            from b in Gen.Choose(0, 100_000)
            select new Mutation(kind, a, b), count)
        select new Mutated(manifest, mutations.ToList());

    [FsCheck.NUnit.Property(MaxTest = 1200, QuietOnSuccess = true)]
    public Property MutatedShippedManifest_IsValidOrALocatedError() =>
        Prop.ForAll(Arb.From(Generator()), m => Outcome(m) is { } why ? throw new AssertionException(why) : true);

    /// <summary>
    /// The single mutations, exhaustively: every line of every shipped manifest dropped and duplicated, every table
    /// header flipped, and every value replaced by each other-typed and each extreme value.
    /// </summary>
    [Test]
    public void EverySingleLineMutation_IsValidOrALocatedError()
    {
        var failures = new List<string>();
        foreach (var manifest in Manifests)
        {
            var lines = File.ReadAllText(Path.Combine(Folder, manifest)).Split('\n');
            var keys = Enumerable.Range(0, lines.Length).Count(i => lines[i].Contains(" = "));
            var headers = lines.Count(l => l.StartsWith('['));
            var single =
                from n in Enumerable.Range(0, lines.Length)
                from kind in new[] { Kind.DropLine, Kind.DuplicateLine }
                select new Mutation(kind, n, 0);
            single = single
                .Concat(Enumerable.Range(0, headers).Select(n => new Mutation(Kind.FlipTableHeader, n, 0)))
                .Concat(from n in Enumerable.Range(0, keys)
                        from b in Enumerable.Range(0, Extremes.Length)
                        from kind in new[] { Kind.RenameKey, Kind.RetypeValue, Kind.PerturbValue }
                        where kind == Kind.PerturbValue || kind == Kind.RetypeValue && b < OtherTypes.Length || b == 0
                        select new Mutation(kind, n, b));
            failures.AddRange(single.Select(m => Outcome(new Mutated(manifest, [m]))).OfType<string>());
        }
        Assert.That(failures, Is.Empty);
    }

    /// <summary>Null when the manifest loads or fails with a located error; otherwise why not.</summary>
    static string? Outcome(Mutated m)
    {
        var bytes = Apply(File.ReadAllBytes(Path.Combine(Folder, m.Manifest)), m.Mutations);
        var path = Path.Combine(Path.GetTempPath(), $"nas-fuzz-{Environment.CurrentManagedThreadId}-{m.Manifest}");
        File.WriteAllBytes(path, bytes);
        try
        {
            var manifest = StudyManifest.Load(path);
            if (manifest.HasGrid) StudyGraphBuilder.NotApplicable(manifest);
            return null;
        }
        catch (ManifestException e)
        {
            var lines = Encoding.UTF8.GetString(bytes).Split('\n').Length;
            var at = e.Location;
            var located = at.File == path && e.Message.StartsWith($"{at}: error: ", StringComparison.Ordinal)
                && (at is { Line: 0, Column: 0 } || at.Line >= 1 && at.Line <= lines && at.Column >= 1);
            return located ? null : $"unlocated error {e.Message} ({m})";
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {e.Message} ({m}){Environment.NewLine}{Encoding.UTF8.GetString(bytes)}";
        }
        finally
        {
            File.Delete(path);
        }
    }

    static byte[] Apply(byte[] original, IEnumerable<Mutation> mutations)
    {
        var bytes = original;
        foreach (var mutation in mutations) bytes = Apply(bytes, mutation);
        return bytes;
    }

    static byte[] Apply(byte[] bytes, Mutation m)
    {
        if (m.Kind == Kind.InsertByte)
        {
            var at = bytes.Length == 0 ? 0 : m.A % (bytes.Length + 1);
            return [.. bytes[..at], Bytes[m.B % Bytes.Length], .. bytes[at..]];
        }
        if (m.Kind == Kind.Truncate) return bytes[..(bytes.Length == 0 ? 0 : m.A % bytes.Length)];

        var lines = Encoding.UTF8.GetString(bytes).Split('\n').ToList();
        var keyLines = Enumerable.Range(0, lines.Count).Where(i => lines[i].Contains(" = ")).ToList();
        var headers = Enumerable.Range(0, lines.Count).Where(i => lines[i].StartsWith('[')).ToList();
        var i = m.A % lines.Count;
        int? key = keyLines.Count == 0 ? null : keyLines[m.A % keyLines.Count];
        switch (m.Kind)
        {
            case Kind.DropLine: lines.RemoveAt(i); break;
            case Kind.DuplicateLine: lines.Insert(i, lines[i]); break;
            case Kind.RenameKey when key is { } k: lines[k] = lines[k][..1] + "x" + lines[k][1..]; break;
            case Kind.RetypeValue when key is { } k:
                lines[k] = WithValue(lines[k], OtherTypes[m.B % OtherTypes.Length]);
                break;
            case Kind.PerturbValue when key is { } k:
                lines[k] = WithValue(lines[k], Extremes[m.B % Extremes.Length]);
                break;
            case Kind.FlipTableHeader when headers.Count > 0:
                var h = headers[m.A % headers.Count];
                lines[h] = lines[h].StartsWith("[[") ? lines[h][1..^1] : $"[{lines[h]}]";
                break;
        }
        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    static string WithValue(string line, string value) =>
        line[..(line.IndexOf(" = ", StringComparison.Ordinal) + 3)] + value;
}
