using Vape.BuildingBlocks.Storage;
using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;

namespace Vape.Content.Directives;

/// <summary>
/// An intermediate unit (a province, a commune) attaches its own implementation guidance to a directive; the
/// targeted units below it see it with the directive.
/// </summary>
public sealed record AttachGuidance(Guid DirectiveId, Guid UnitId, string Text, Guid ActorId);

public static class AttachGuidanceHandler
{
    public const int MaxLength = 10_000;

    public static async Task<Guidance> Handle(AttachGuidance command, IOrganizationQueries organization, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        // Who may do it at all comes before what was sent (ADR 0070).
        if (!await organization.MayAsync(command.ActorId, Permission.HandleDirectives, command.UnitId, ct))
            throw VapeException.NotAllowed("Chỉ cán bộ của đơn vị (hoặc cấp trên của nó) mới gửi hướng dẫn thay cho đơn vị đó.");
        var text = (command.Text ?? "").Trim();
        if (text.Length == 0) throw VapeException.InvalidInput("Hãy viết nội dung hướng dẫn.");
        if (text.Length > MaxLength) throw VapeException.InvalidInput($"Hướng dẫn dài tối đa {MaxLength} ký tự.");
        var sql = new SessionSql(session);
        // The unit must stand strictly between the issuer and some targeted unit.
        var label = UnitPaths.Label(command.UnitId);
        var issuer = await sql.ScalarAsync<Guid?>("select issuer_unit_id from content.directives where id = @id", ct, ("id", command.DirectiveId))
            ?? throw VapeException.NotFound("Không tìm thấy văn bản chỉ đạo.");
        var intermediate = await sql.ScalarAsync<bool>("""
            select exists (select 1 from content.directive_targets t
                            where t.directive_id = @id and t.active and t.unit_id <> @unit
                              and index(t.path, @label::ltree) > index(t.path, @issuer::ltree) and index(t.path, @issuer::ltree) >= 0)
            """, ct, ("id", command.DirectiveId), ("unit", command.UnitId), ("label", label), ("issuer", UnitPaths.Label(issuer)));
        if (!intermediate)
            throw VapeException.InvalidInput("Chỉ đơn vị trung gian (có đơn vị cấp dưới nhận văn bản này) mới gửi hướng dẫn thực hiện.");
        var guidance = new Guidance(Guid.CreateVersion7(), command.DirectiveId, command.UnitId, text, command.ActorId, clock.GetUtcNow());
        await sql.ExecuteAsync("""
            insert into content.directive_guidance (id, directive_id, unit_id, text, author_id, created_at)
            values (@id, @directive, @unit, @text, @author, @at)
            """, ct, ("id", guidance.Id), ("directive", guidance.DirectiveId), ("unit", guidance.UnitId), ("text", text),
            ("author", guidance.AuthorId), ("at", guidance.CreatedAt));
        return guidance;
    }
}
