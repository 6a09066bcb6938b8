using Marten;
using Vape.BuildingBlocks.Storage;
using Vape.Content.Contracts;
using Vape.Content.Directives;
using Vape.Organization.Contracts;

namespace Vape.Content.Library;

/// <summary>
/// A recorded class session's file becomes a library resource, as the library's rules say: submitted by the class's
/// host for review by the class's unit, public once an official approves it (docs/adr/0235). Added once per id.
/// </summary>
public static class AddClassRecordingHandler
{
    public static async Task Handle(AddClassRecording command, IOrganizationQueries organization, IDocumentSession session, CancellationToken ct)
    {
        var path = await UnitPaths.OfAsync(organization, command.UnitId, ct);
        var format = command.Kind == "VOICE" ? ResourceFormat.Audio : ResourceFormat.Video;
        await new SessionSql(session).ExecuteAsync("""
            insert into content.resources (id, title, description, domain, audience, language, format, licence, author, source, subjects,
                educational_level, resource_type, external_url, collections, status, review_unit_id, review_path, submitted_by, submitted_at, file_id)
            values (@id, @title, @description, @domain, 'Everyone', 'vi', @format, 'Other', null, @source, '{}',
                null, 'Ghi hình lớp học', null, '{}', 'Submitted', @unit, @path::ltree, @by, @at, @file)
            on conflict (id) do nothing
            """, ct, ("id", command.ResourceId), ("title", command.Title), ("description", command.Description), ("domain", command.Domain),
            ("format", format.ToString()), ("source", $"Lớp học {command.ClassId}, buổi {command.SessionId}"), ("unit", command.UnitId), ("path", path),
            ("by", command.SubmittedBy), ("at", command.RecordedAt), ("file", command.FileId));
    }
}
