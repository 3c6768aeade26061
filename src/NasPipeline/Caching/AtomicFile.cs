namespace NasPipeline.Caching;

/// <summary>Writes files through a temporary name and a rename, so readers see the old file or the new one.</summary>
public static class AtomicFile
{
    public static void Write(string path, Action<string> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = $"{path}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";
        try
        {
            write(temp);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public static void WriteText(string path, string text) => Write(path, temp => File.WriteAllText(temp, text));

    public static void Copy(string source, string destination) => Write(destination, temp => File.Copy(source, temp));
}
