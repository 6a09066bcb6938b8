using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Vape.Tests.Support;

/// <summary>
/// Debian's redis-server in a process of its own on a free 127.0.0.1 port, nothing saved to disk, for a test that
/// needs the Redis hosts share (`ConnectionStrings:Redis`); stopped (and its files removed) when disposed.
/// </summary>
public sealed class RedisProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private RedisProcess(Process process, int port, string directory)
    {
        _process = process;
        Port = port;
        _directory = directory;
    }

    public int Port { get; }

    /// <summary>What `ConnectionStrings:Redis` says to reach it.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisProcess> StartAsync(int? at = null)
    {
        var port = at ?? Ports.Free();
        var directory = Directory.CreateTempSubdirectory("vape-redis-").FullName;
        var psi = new ProcessStartInfo("redis-server") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                     "--dir", directory, "--logfile", Path.Combine(directory, "redis.log") })
            psi.ArgumentList.Add(argument);
        var redis = new RedisProcess(Process.Start(psi)!, port, directory);
        for (var i = 0; i < 100; i++)
        {
            if (await PongAsync(port)) return redis;
            if (redis._process.HasExited) break;
            await Task.Delay(100);
        }
        await redis.DisposeAsync();
        throw new InvalidOperationException($"redis-server did not answer on 127.0.0.1:{port}");
    }

    private static async Task<bool> PongAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
