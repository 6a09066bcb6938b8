using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Files;
using Vape.Coordination.Channels;

namespace Vape.Coordination.Messages;

/// <summary>
/// A message's files are served to the members of its channel only, from the module's own endpoint (ranges
/// supported). To anyone else, and once the message is deleted, the file does not exist.
/// </summary>
internal static class Attachments
{
    public const string Route = "/coordination/messages/{messageId:guid}/files/{fileId:guid}";

    public static string UrlOf(Guid messageId, Guid fileId) => $"/coordination/messages/{messageId}/files/{fileId}";

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Route, DownloadAsync).RequireAuthorization(VapePolicies.Person);

    private static async Task<IResult> DownloadAsync(Guid messageId, Guid fileId, HttpContext http, MessageStore messages, ChannelStore channels,
        IFileStore files, CancellationToken ct)
    {
        var me = http.User.PersonId() ?? throw VapeException.NotAuthenticated();
        var message = await messages.FindAsync(messageId, ct);
        if (message is null || message.Deleted || message.Attachments.All(a => a.FileId != fileId)
            || await channels.ChannelOfAsync(message.ChannelId, me, ct) is null)
            throw VapeException.NotFound("Không tìm thấy tệp.");
        return await FileResults.ServeAsync(files, fileId, download: http.Request.Query.ContainsKey("download"), ct);
    }
}
