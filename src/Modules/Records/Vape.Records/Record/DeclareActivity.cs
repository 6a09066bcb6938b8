using Marten;
using Vape.BuildingBlocks.Files;
using Vape.BuildingBlocks.Errors;
using Vape.Records.Contracts;

namespace Vape.Records.Record;

/// <summary>A learner declares a learning activity of their own; it stays pending until an official verifies or rejects it.</summary>
public sealed record DeclareActivity(Guid ActorId, string Title, LearningDomain Domain, DateOnly Date, decimal Hours, string? Provider,
    string? EvidenceUrl, Guid? EvidenceFileId, int? ExpectedVersion);

/// <summary>What a change of an entry returns: the entry as it is now and the record's new version.</summary>
public sealed record EntryChange(Guid PersonId, int Version, RecordEntry Entry);

public static class DeclareActivityHandler
{
    public static async Task<EntryChange> Handle(DeclareActivity command, IDocumentSession session, IFileStore files, TimeProvider clock, CancellationToken ct)
    {
        var title = RecordRules.Text(command.Title, "tên hoạt động", RecordRules.MaxTitle);
        var provider = RecordRules.Optional(command.Provider, "đơn vị tổ chức", RecordRules.MaxProvider);
        var url = RecordRules.Url(command.EvidenceUrl);
        var domain = RecordRules.Domain(command.Domain);
        var date = RecordRules.NotInFuture(command.Date, clock);
        var minutes = RecordRules.Minutes(command.Hours);

        var evidence = await Evidence.OwnFileAsync(files, command.ActorId, command.EvidenceFileId, ct);
        var sql = new RecordSql(session);
        var record = await RecordStream.OpenAsync(sql, command.ActorId, ct, withKey: true, day: date);
        RecordStream.DemandRoomInDay(record, date, minutes);
        var key = record.Key!;
        var details = new ActivityDetails(title, domain, date, minutes, provider, url, evidence, null);
        var now = clock.GetUtcNow();
        var recorded = new ActivityRecorded(Guid.CreateVersion7(), Provenance.SelfDeclared, null, PersonKeys.Seal(key, details), now);
        var version = await RecordStream.AppendAsync(sql, record, command.ExpectedVersion, recorded, key, ct);
        return new EntryChange(command.ActorId, version, new RecordEntry(recorded.EntryId, EntryKind.Activity, title, domain, date,
            RecordStore.Hours(minutes), provider, null, url, evidence, Provenance.SelfDeclared, EntryStatus.Pending, null, null, null, now));
    }
}
