namespace NasPipeline.Caching;

/// <summary>How closely a cached node's files are compared with the sizes and hashes its record lists.</summary>
public enum FileCheck
{
    /// <summary>
    /// Every file's size always; its SHA-256 only when its size or modification time differs from the record's.
    /// Editing, truncating, replacing or deleting a file is caught without reading a byte of the unchanged ones;
    /// a change that keeps both size and mtime (bit rot, a restore that sets mtimes) needs <see cref="Full"/>.
    /// </summary>
    Quick,

    /// <summary>Every file hashed (<c>nas verify</c>).</summary>
    Full,

    /// <summary>
    /// The record only, files unread: to learn a node's artifact and so its downstream keys (clean, gc), never to
    /// reuse it.
    /// </summary>
    RecordOnly,
}
