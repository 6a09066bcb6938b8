namespace Vape.Tests.Support;

public static class Ports
{
    /// <summary>A loopback port free right now, for a host a test starts in a process of its own.</summary>
    public static int Free()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
