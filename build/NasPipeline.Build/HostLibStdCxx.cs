namespace NasPipeline.Build;

/// <summary>Finds out whether the host's libstdc++ provides a symbol version.</summary>
public static class HostLibStdCxx
{
    static readonly string[] Folders =
    [
        "/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib", "/lib",
    ];

    /// <summary>The first libstdc++.so.6 in the usual library folders, or null.</summary>
    public static string? Locate() =>
        Folders.Select(f => Path.Combine(f, "libstdc++.so.6")).FirstOrDefault(File.Exists);

    /// <summary>
    /// True when <paramref name="library"/> defines <paramref name="version"/>. Version names sit in .dynstr as
    /// NUL-terminated strings; a byte search is enough and needs no ELF walk.
    /// </summary>
    public static bool Provides(string library, string version)
    {
        var needle = System.Text.Encoding.ASCII.GetBytes(version + "\0");
        return File.ReadAllBytes(library).AsSpan().IndexOf(needle) >= 0;
    }
}
