using Vape.BuildingBlocks.Storage;
using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;

namespace Vape.Content.Directives;

/// <summary>
/// An intermediate unit (a province, a commune) attaches its own implementation guidance to a directive; the
/// targeted units below it see it with the directive.
/// </summary>
public sealed record AttachGuidance(Guid DirectiveId, Guid UnitId, string Text, Guid ActorId)
{
    public const int MaxLength = 10_000;

    /// <summary>The text as it is kept (trimmed), or INVALID_INPUT.</summary>
    public string CheckedText()
    {
        var text = (Text ?? "").Trim();
        if (text.Length == 0) throw VapeException.InvalidInput("Hãy viết nội dung hướng dẫn.");
        if (text.Length > MaxLength) throw VapeException.InvalidInput($"Hướng dẫn dài tối đa {MaxLength} ký tự.");
        return text;
    }

    /// <summary>
    /// The guidance, or a refusal. `issuer`: the directive's issuing unit (null: no such directive); `intermediate`:
    /// whether the unit stands strictly between the issuer and some active targeted unit other than itself.
    /// </summary>
    public Guidance Decide(Guid? issuer, bool intermediate, Guid id, DateTimeOffset now)
    {
        var text = CheckedText();
        if (issuer is null) throw VapeException.NotFound("Không tìm thấy văn bản chỉ đạo.");
        if (!intermediate)
            throw VapeException.InvalidInput("Chỉ đơn vị trung gian (có đơn vị cấp dưới nhận văn bản này) mới gửi hướng dẫn thực hiện.");
        return new Guidance(id, DirectiveId, UnitId, text, ActorId, now);
    }
}

/// <summary>The adapter: who may first (ADR 0070), then what the decision reads, then the guidance written.</summary>
public static class AttachGuidanceHandler
{
    public static async Task<Guidance> Handle(AttachGuidance command, IOrganizationQueries organization, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        if (!await organization.MayAsync(command.ActorId, Permission.HandleDirectives, command.UnitId, ct))
            throw VapeException.NotAllowed("Chỉ cán bộ của đơn vị (hoặc cấp trên của nó) mới gửi hướng dẫn thay cho đơn vị đó.");
        command.CheckedText();
        var sql = new SessionSql(session);
        var issuer = await sql.ScalarAsync<Guid?>("select issuer_unit_id from content.directives where id = @id", ct, ("id", command.DirectiveId));
        var intermediate = issuer is Guid issuerId && await sql.ScalarAsync<bool>("""
            select exists (select 1 from content.directive_targets t
                            where t.directive_id = @id and t.active and t.unit_id <> @unit
                              and index(t.path, @label::ltree) > index(t.path, @issuer::ltree) and index(t.path, @issuer::ltree) >= 0)
            """, ct, ("id", command.DirectiveId), ("unit", command.UnitId), ("label", UnitPaths.Label(command.UnitId)), ("issuer", UnitPaths.Label(issuerId)));
        var guidance = command.Decide(issuer, intermediate, Guid.CreateVersion7(), clock.GetUtcNow());
        await sql.ExecuteAsync("""
            insert into content.directive_guidance (id, directive_id, unit_id, text, author_id, created_at)
            values (@id, @directive, @unit, @text, @author, @at)
            """, ct, ("id", guidance.Id), ("directive", guidance.DirectiveId), ("unit", guidance.UnitId), ("text", guidance.Text),
            ("author", guidance.AuthorId), ("at", guidance.CreatedAt));
        return guidance;
    }
}
