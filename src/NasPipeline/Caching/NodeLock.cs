namespace NasPipeline.Caching;

/// <summary>
/// An exclusive lock on one cache node, so two processes (or Slurm jobs on hosts sharing the cache) never build the
/// same node at once. It is an advisory <c>flock</c> on <c>&lt;root&gt;/locks/&lt;stage&gt;/&lt;key&gt;.lock</c>
/// (.NET takes one for <see cref="FileShare.None"/> on Unix): the kernel drops it when the holder dies, so a killed
/// process never leaves a node locked. Lock files stay (deleting one while another process waits on it would let
/// two holders in).
/// </summary>
public sealed class NodeLock : IDisposable
{
    static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
    readonly FileStream _file;

    NodeLock(FileStream file) => _file = file;

    /// <summary>
    /// Takes the lock, waiting as long as another process holds it; <paramref name="waiting"/> is called once if so.
    /// </summary>
    public static NodeLock Acquire(string path, Action waiting)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var told = false;
        while (true)
        {
            if (TryAcquire(path) is { } held) return held;
            if (!told) waiting();
            told = true;
            Thread.Sleep(Poll);
        }
    }

    /// <summary>The lock, or null when another process holds it.</summary>
    public static NodeLock? TryAcquire(string path)
    {
        try
        {
            return new NodeLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}
