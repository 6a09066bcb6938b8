using System.Security.Cryptography;
using System.Text;

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
        if (!File.Exists(file)) TryCreate(file, bytes);
        return Read(file);
    }

    /// <summary>
    /// Created exclusively (`O_CREAT | O_EXCL`), owner-only from the start: of callers racing, exactly one makes the
    /// file and the others read it. (A temporary file moved into place was not enough: where the file system refuses a
    /// hard link, .NET's move checks for the target and then renames over it, and two racers each kept their own key.)
    /// </summary>
    private static void TryCreate(string file, int bytes)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var stream = new FileStream(file, options);
            stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes))));
        }
        catch (IOException) when (File.Exists(file))
        {
            // Another caller made it first: theirs is the key.
        }
    }

    /// <summary>A racer may open the file between its maker's create and its one write: an empty file is read again, for up to a second.</summary>
    private static byte[] Read(string file)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var text = File.ReadAllText(file).Trim();
            if (text.Length > 0) return Convert.FromBase64String(text);
            Thread.Sleep(10);
        }
        throw new InvalidOperationException($"The key file {file} is empty (a host stopped while making it): delete it and start again.");
    }
}
