using Marten;
using Vape.Records.Record;

namespace Vape.Records.Privacy;

/// <summary>The learner says what officials may see: the entries, or only totals. The next look follows it.</summary>
public sealed record SetRecordConsent(Guid ActorId, ConsentLevel Level, int? ExpectedVersion)
{
    /// <summary>The level the learner chose (the same level again is recorded again: the learner's own say, with its time), or a refusal of an unknown level.</summary>
    internal IReadOnlyList<IRecordEvent> Decide(DateTimeOffset at)
    {
        if (!Enum.IsDefined(Level)) throw Vape.BuildingBlocks.Errors.VapeException.InvalidInput("Mức đồng ý không hợp lệ.");
        return [new ConsentChanged(Level, at)];
    }
}

public sealed record ConsentChange(Guid PersonId, int Version, ConsentLevel Consent);

public static class SetRecordConsentHandler
{
    public static async Task<ConsentChange> Handle(SetRecordConsent command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var changed = command.Decide(clock.GetUtcNow()).Single();
        var sql = new RecordSql(session);
        var record = await RecordStream.OpenAsync(sql, command.ActorId, ct);
        var version = await RecordStream.AppendAsync(sql, record, command.ExpectedVersion, changed, null, ct);
        return new ConsentChange(command.ActorId, version, command.Level);
    }
}
