using Vape.BuildingBlocks.Hosting;

namespace Vape.Tests.Platform;

/// <summary>The one place that makes the installation's key files (the token issuer's, citizen ids', badge keys').</summary>
public sealed class KeyFilesTests : IDisposable
{
    private readonly string _keys = Path.Combine(Path.GetTempPath(), "vape-keyfiles-" + Guid.NewGuid().ToString("N"), "keys");

    [Fact]
    public async Task Callers_racing_for_a_missing_key_all_get_the_same_bytes_and_one_owner_only_file_remains()
    {
        // Twenty races of eight callers: the move-into-place this replaced lost one now and then (CI, 2026-12-07).
        const int callers = 8;
        for (var race = 0; race < 20; race++)
        {
            var name = $"race-{race}.key";
            using var start = new Barrier(callers);
            var keys = await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(() =>
            {
                start.SignalAndWait();
                return KeyFiles.ReadOrCreate(_keys, name, 32);
            })));

            keys[0].Length.ShouldBe(32);
            foreach (var key in keys) key.ShouldBe(keys[0]);
            KeyFiles.ReadOrCreate(_keys, name, 32).ShouldBe(keys[0]);
            if (!OperatingSystem.IsWindows())
                File.GetUnixFileMode(Path.Combine(_keys, name)).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        Directory.GetFiles(_keys).Length.ShouldBe(20); // one file per key, no temporary file left behind
    }

    [Fact]
    public void An_existing_key_file_is_read_and_never_replaced()
    {
        Directory.CreateDirectory(_keys);
        var file = Path.Combine(_keys, "local-issuer.key");
        var existing = Enumerable.Range(1, 64).Select(i => (byte)i).ToArray();
        File.WriteAllText(file, Convert.ToBase64String(existing) + "\n");
        var written = File.GetLastWriteTimeUtc(file);

        KeyFiles.ReadOrCreate(_keys, "local-issuer.key", 64).ShouldBe(existing);
        KeyFiles.ReadOrCreate(_keys, "local-issuer.key", 64).ShouldBe(existing);

        File.ReadAllText(file).ShouldBe(Convert.ToBase64String(existing) + "\n");
        File.GetLastWriteTimeUtc(file).ShouldBe(written);
    }

    [Fact]
    public void A_new_key_has_the_asked_size_and_each_name_its_own_key()
    {
        var issuer = KeyFiles.ReadOrCreate(_keys, "local-issuer.key", 64);
        var citizen = KeyFiles.ReadOrCreate(_keys, "citizen-id.key", 32);

        issuer.Length.ShouldBe(64);
        citizen.Length.ShouldBe(32);
        citizen.ShouldNotBe(issuer.Take(32).ToArray());
        KeyFiles.ReadOrCreate(_keys, "citizen-id.key", 32).ShouldBe(citizen);
    }

    public void Dispose()
    {
        if (Directory.Exists(Path.GetDirectoryName(_keys))) Directory.Delete(Path.GetDirectoryName(_keys)!, recursive: true);
    }
}
