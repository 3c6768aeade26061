namespace NasPipeline.Data;

/// <summary>
/// CIFAR-10 / CIFAR-100 in their standard binary distributions: records of label byte(s) then 3072 pixel bytes
/// (1024 red, 1024 green, 1024 blue). CIFAR-100 records carry a coarse and a fine label; the fine one is used.
/// </summary>
public static class Cifar
{
    const int Pixels = 3 * 32 * 32;

    public static (ImageSet Train, ImageSet Test) Load(string directory, int classes)
    {
        if (classes is not (10 or 100)) throw new ArgumentOutOfRangeException(nameof(classes));
        var (trainFiles, testFiles, folder) = classes == 10
            ? (Enumerable.Range(1, 5).Select(i => $"data_batch_{i}.bin").ToArray(), new[] { "test_batch.bin" }, "cifar-10-batches-bin")
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
            if (bytes.Length % record != 0)
                throw new DataException($"{path}: {bytes.Length} bytes is not a whole number of {record}-byte CIFAR-{classes} records");
            for (var offset = 0; offset < bytes.Length; offset += record)
            {
                int label = bytes[offset + labelBytes - 1];
                if (label >= classes) throw new DataException($"{path}: label {label} at byte {offset} is not below {classes}");
                labels.Add(label);
                pixels.Add(bytes.AsSpan(offset + labelBytes, Pixels).ToArray());
            }
        }
        return new ImageSet(pixels.SelectMany(p => p).ToArray(), labels.ToArray(), 3, 32, 32, classes);
    }
}
