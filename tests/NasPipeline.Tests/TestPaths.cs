namespace NasPipeline.Tests;

/// <summary>Scratch folders per test, removed afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(),
        "nas-tests-" + Guid.NewGuid().ToString("N")[..12]);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}

/// <summary>Where the repository's own files are, seen from the test output folder.</summary>
public static class RepoPaths
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "build.cake"))) dir = dir.Parent;
            return dir?.FullName ?? throw new DirectoryNotFoundException(
                "repository root (build.cake) not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Templates => Path.Combine(AppContext.BaseDirectory, "templates");
}
