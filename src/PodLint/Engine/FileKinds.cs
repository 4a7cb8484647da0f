using System.Runtime.InteropServices;

namespace PodLint.Engine;

/// <summary>What a path is, beyond files and folders: a FIFO, socket or device must not be opened while scanning a
/// folder (opening a FIFO blocks until a writer comes; a device may never end).</summary>
internal enum FileKind
{
    /// <summary>A regular file, or a kind that cannot be told on this platform.</summary>
    Regular,
    Fifo,
    Socket,
    CharacterDevice,
    BlockDevice,
}

/// <summary>Tells file kinds apart. .NET exposes no file type beyond file and folder, so Linux is asked through
/// <c>statx</c>, whose buffer layout is the same on every architecture; elsewhere every file counts as regular.</summary>
internal static class FileKinds
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int StatxModeOffset = 28;

    public static FileKind Of(string path)
    {
        if (!OperatingSystem.IsLinux()) return FileKind.Regular;
        var name = new byte[System.Text.Encoding.UTF8.GetByteCount(path) + 1];
        System.Text.Encoding.UTF8.GetBytes(path, name);
        var buffer = new byte[256];
        try
        {
            if (Statx(AtFdCwd, name, 0, StatxType, buffer) != 0) return FileKind.Regular;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return FileKind.Regular;
        }

        var mode = BitConverter.ToUInt16(buffer, StatxModeOffset) & 0xF000;
        return mode switch
        {
            0x1000 => FileKind.Fifo,
            0xC000 => FileKind.Socket,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            _ => FileKind.Regular,
        };
    }

    /// <summary>How a finding names the kind: <c>a FIFO</c>.</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.Socket => "a socket",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        _ => "a regular file",
    };

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code for two byte arrays; DllImport pins them as they are.
    [DllImport("libc", EntryPoint = "statx")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(int dirfd, byte[] path, int flags, uint mask, byte[] buffer);
#pragma warning restore SYSLIB1054
}
