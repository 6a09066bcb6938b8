using System.Security.Cryptography;

namespace Vape.BuildingBlocks.Hosting;

/// <summary>
/// The installation's secret keys in the keys folder (<see cref="VapePaths.Keys"/>): each a file holding random bytes
/// in base64, readable by the owner only. Made once by whichever host asks first; every other host (or a second caller
/// racing the first) reads the same file, so all hosts sharing the folder share the key. An existing file is never
/// replaced.
/// </summary>
public static class KeyFiles
{
    /// <summary>The key in <paramref name="keysPath"/>/<paramref name="name"/>, made with <paramref name="bytes"/> random bytes when absent.</summary>
    public static byte[] ReadOrCreate(string keysPath, string name, int bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytes);
        Directory.CreateDirectory(keysPath);
        var file = Path.Combine(keysPath, name);
        if (!File.Exists(file))
        {
            // Written whole under a name of its own, made owner-only, then moved into place: a reader never sees a
            // half-written or world-readable key. The move refuses to replace a file, so the first host wins the race.
            var temp = file + "." + Guid.NewGuid().ToString("N");
            File.WriteAllText(temp, Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            try { File.Move(temp, file); }
            catch (IOException) { File.Delete(temp); } // another host wrote it first: use theirs
        }
        return Convert.FromBase64String(File.ReadAllText(file).Trim());
    }
}
