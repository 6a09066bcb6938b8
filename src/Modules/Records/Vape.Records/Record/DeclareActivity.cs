using Vape.BuildingBlocks.Files;
using Vape.Records.Contracts;

namespace Vape.Records.Record;

/// <summary>A learner declares a learning activity of their own; it stays pending until an official verifies or rejects it.</summary>
public sealed record DeclareActivity(Guid ActorId, string Title, LearningDomain Domain, DateOnly Date, decimal Hours, string? Provider,
    string? EvidenceUrl, Guid? EvidenceFileId, int? ExpectedVersion);

/// <summary>What a change of an entry returns: the entry as it is now and the record's new version.</summary>
public sealed record EntryChange(Guid PersonId, int Version, RecordEntry Entry);

/// <summary>
/// A declaration sent through Wolverine: the same decision and write as `declareActivity`, which calls
/// <see cref="RecordWriter.DeclareAsync"/> directly (docs/adr/0160). It sends no message, so it needs neither Wolverine's
/// outbox nor a Marten session.
/// </summary>
public static class DeclareActivityHandler
{
    public static Task<EntryChange> Handle(DeclareActivity command, RecordWriter writer, CancellationToken ct) => writer.DeclareAsync(command, ct);

    /// <summary>The one place a declaration is decided: the rules, the evidence, the day's room, then the write.</summary>
    internal static async Task<EntryChange> DeclareAsync(DeclareActivity command, RecordWriter writer, IFileStore files, TimeProvider clock, CancellationToken ct)
    {
        var title = RecordRules.Text(command.Title, "tên hoạt động", RecordRules.MaxTitle);
        var provider = RecordRules.Optional(command.Provider, "đơn vị tổ chức", RecordRules.MaxProvider);
        var url = RecordRules.Url(command.EvidenceUrl);
        var domain = RecordRules.Domain(command.Domain);
        var date = RecordRules.NotInFuture(command.Date, clock);
        var minutes = RecordRules.Minutes(command.Hours);

        var evidence = await Evidence.OwnFileAsync(files, command.ActorId, command.EvidenceFileId, ct);
        var details = new ActivityDetails(title, domain, date, minutes, provider, url, evidence, null);
        var now = clock.GetUtcNow();
        var entryId = Guid.CreateVersion7();
        var version = await writer.AppendActivityAsync(command.ActorId, command.ExpectedVersion, details,
            key => new ActivityRecorded(entryId, Provenance.SelfDeclared, null, PersonKeys.Seal(key, details), now), ct);
        return new EntryChange(command.ActorId, version, new RecordEntry(entryId, EntryKind.Activity, title, domain, date,
            RecordStore.Hours(minutes), provider, null, url, evidence, Provenance.SelfDeclared, EntryStatus.Pending, null, null, null, now));
    }
}
