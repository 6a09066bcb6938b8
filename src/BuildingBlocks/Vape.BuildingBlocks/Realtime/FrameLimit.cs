using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Errors;

namespace Vape.BuildingBlocks.Realtime;

/// <summary>
/// A frame over `Vape:Hubs:MaxMessageBytes` closes the connection with a reason a client can read:
/// "MESSAGE_TOO_LARGE: ..." in the close message (SignalR passes a <see cref="HubException"/>'s message on; its own
/// size check would say only "Connection closed with an error."). SignalR hands the protocol at most the limit's bytes,
/// so a frame that does not parse from a window that full is over the limit.
/// </summary>
internal sealed class FrameLimit(IHubProtocol inner, long maxBytes) : IHubProtocol
{
    public string Name => inner.Name;
    public int Version => inner.Version;
    public TransferFormat TransferFormat => inner.TransferFormat;

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        if (inner.TryParseMessage(ref input, binder, out message)) return true;
        if (input.Length >= maxBytes)
            throw HubErrors.Create(ErrorCodes.MessageTooLarge, $"Tin gửi lên quá lớn (tối đa {maxBytes / 1024} KB); hãy gửi ít hơn hoặc chia nhỏ.");
        return false;
    }

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(message, output);
    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(message);
    public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);

    /// <summary>Wraps every registered protocol (JSON, MessagePack) in the limit.</summary>
    public static void Apply(IServiceCollection services, long maxBytes)
    {
        var protocols = services.Where(d => d.ServiceType == typeof(IHubProtocol) && d.ImplementationType is not null).ToList();
        foreach (var descriptor in protocols)
        {
            services.Remove(descriptor);
            var type = descriptor.ImplementationType!;
            services.AddSingleton<IHubProtocol>(sp => new FrameLimit((IHubProtocol)ActivatorUtilities.CreateInstance(sp, type), maxBytes));
        }
    }
}
