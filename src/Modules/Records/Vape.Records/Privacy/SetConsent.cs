using Marten;
using Vape.Records.Record;

namespace Vape.Records.Privacy;

/// <summary>The learner says what officials may see: the entries, or only totals. The next look follows it.</summary>
public sealed record SetRecordConsent(Guid ActorId, ConsentLevel Level, int? ExpectedVersion);

public sealed record ConsentChange(Guid PersonId, int Version, ConsentLevel Consent);

public static class SetRecordConsentHandler
{
    public static async Task<ConsentChange> Handle(SetRecordConsent command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        if (!Enum.IsDefined(command.Level)) throw Vape.BuildingBlocks.Errors.VapeException.InvalidInput("Mức đồng ý không hợp lệ.");
        var sql = new RecordSql(session);
        var record = await RecordStream.OpenAsync(sql, command.ActorId, ct);
        var version = await RecordStream.AppendAsync(sql, record, command.ExpectedVersion, new ConsentChanged(command.Level, clock.GetUtcNow()), null, ct);
        return new ConsentChange(command.ActorId, version, command.Level);
    }
}
