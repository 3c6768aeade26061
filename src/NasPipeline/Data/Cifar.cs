namespace NasPipeline.Data;

/// <summary>
/// CIFAR-10 / CIFAR-100 in their standard binary distributions: records of label byte(s) then 3072 pixel bytes
/// (1024 red, 1024 green, 1024 blue). CIFAR-100 records carry a coarse and a fine label; the fine one is used.
/// The format has no header, so what can be checked is: a whole number of records, at least one, and every label
/// (CIFAR-100's coarse one too, which catches files of the wrong data set) within the classes.
/// </summary>
public static class Cifar
{
    const int Pixels = 3 * 32 * 32, CoarseClasses = 20;

    public static (ImageSet Train, ImageSet Test) Load(string directory, int classes)
    {
        if (classes is not (10 or 100)) throw new ArgumentOutOfRangeException(nameof(classes));
        var (trainFiles, testFiles, folder) = classes == 10
            ? (Enumerable.Range(1, 5).Select(i => $"data_batch_{i}.bin").ToArray(), new[] { "test_batch.bin" },
                "cifar-10-batches-bin")
            : (new[] { "train.bin" }, new[] { "test.bin" }, "cifar-100-binary");
        var root = Directory.Exists(Path.Combine(directory, folder)) ? Path.Combine(directory, folder) : directory;
        var missing = trainFiles.Concat(testFiles).Where(f => !File.Exists(Path.Combine(root, f))).ToList();
        if (missing.Count > 0)
            throw new DataException(
                $"CIFAR-{classes} binary files missing in {root}: {string.Join(", ", missing)}. " +
                $"Download the binary version (\"{folder}\") and set [dataset] path to its folder.");
        return (Read(root, trainFiles, classes), Read(root, testFiles, classes));
    }

    static ImageSet Read(string root, string[] files, int classes)
    {
        var labelBytes = classes == 10 ? 1 : 2;
        var record = labelBytes + Pixels;
        var pixels = new List<byte[]>();
        var labels = new List<int>();
        foreach (var file in files)
        {
            var path = Path.Combine(root, file);
            var bytes = File.ReadAllBytes(path);
            if (bytes.Length == 0) throw new DataException($"{path}: empty file, no records");
            if (bytes.Length % record != 0)
                throw new DataException(
                    $"{path}: {bytes.Length} bytes is not a whole number of {record}-byte CIFAR-{classes} records: " +
                    $"record {bytes.Length / record + 1} is cut after {bytes.Length % record} of its {record} bytes " +
                    $"(a truncated file, or not the binary version of CIFAR-{classes})");
            for (var offset = 0; offset < bytes.Length; offset += record)
            {
                int label = bytes[offset + labelBytes - 1];
                if (classes == 100 && bytes[offset] >= CoarseClasses)
                    throw new DataException($"{path}: coarse label {bytes[offset]} of record {offset / record + 1} " +
                        $"is out of range (CIFAR-100 has {CoarseClasses} superclasses)");
                if (label >= classes)
                    throw new DataException($"{path}: label {label} of record {offset / record + 1} (byte {offset}) " +
                        $"is out of range (CIFAR-{classes} has {classes} classes, labels 0..{classes - 1})");
                labels.Add(label);
                pixels.Add(bytes.AsSpan(offset + labelBytes, Pixels).ToArray());
            }
        }
        return new ImageSet(pixels.SelectMany(p => p).ToArray(), labels.ToArray(), 3, 32, 32, classes);
    }
}
