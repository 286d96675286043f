namespace CrmGovernance.Core.Data;

/// <summary>
/// Creates the portal's folders and files readable by its own user only (0700 folders, 0600 files) on Unix: the database,
/// exports and logs hold customer data, secrets' ciphertext and key material. Windows folders inherit their ACLs instead.
/// What already exists keeps its mode: an operator may have granted a backup group access on purpose.
/// </summary>
public static class OwnerOnly
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder and any missing parent owner-only; existing folders are left as they are.</summary>
    public static DirectoryInfo CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return Directory.CreateDirectory(path);
        }
        // Directory.CreateDirectory(path, mode) gives the mode to the last folder only; its new parents would be 0755.
        var full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is { } parent && !Directory.Exists(parent))
        {
            CreateFolder(parent);
        }
        return Directory.CreateDirectory(full, FolderMode);
    }

    /// <summary>Creates an empty file owner-only when it does not exist yet (SQLite takes an empty file as a new database).</summary>
    public static void CreateEmptyFile(string path)
    {
        if (File.Exists(path))
        {
            return;
        }
        try
        {
            using var _ = new FileStream(path, NewFile(System.IO.FileMode.CreateNew));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first.
        }
    }

    /// <summary>Options for a new file (FileMode.Create or CreateNew) that only its owner can read on Unix.</summary>
    public static FileStreamOptions NewFile(System.IO.FileMode mode, int bufferSize = 4096)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None, BufferSize = bufferSize };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }
        return options;
    }
}
