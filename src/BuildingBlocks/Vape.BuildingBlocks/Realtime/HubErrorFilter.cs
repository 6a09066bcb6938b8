using Microsoft.AspNetCore.SignalR;
using Vape.BuildingBlocks.Errors;

namespace Vape.BuildingBlocks.Realtime;

/// <summary>
/// Every hub's errors as "CODE: message": a <see cref="VapeException"/> with its code, and a moment without the
/// database (a restart, a full connection pool, a timeout) as UNAVAILABLE, which tells the client to try again,
/// instead of SignalR's bare "unexpected error".
/// </summary>
internal sealed class HubErrorFilter : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(context);
        }
        catch (VapeException e)
        {
            throw HubErrors.Create(e.Code, e.Message);
        }
        catch (Exception e) when (VapeException.IsTransient(e))
        {
            var unavailable = VapeException.Unavailable();
            throw HubErrors.Create(unavailable.Code, unavailable.Message);
        }
    }
}
