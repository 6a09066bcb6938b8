using Vape.BuildingBlocks.Files;
using Vape.Records.Contracts;

namespace Vape.Records.Record;

/// <summary>A learner declares a learning activity of their own; it stays pending until an official verifies or rejects it.</summary>
public sealed record DeclareActivity(Guid ActorId, string Title, LearningDomain Domain, DateOnly Date, decimal Hours, string? Provider,
    string? EvidenceUrl, Guid? EvidenceFileId, int? ExpectedVersion)
{
    /// <summary>What was sent, checked (before anything is read): a title, a provider if any, an http(s) link if any, a domain, a date not in the future, 1 minute to 24 hours.</summary>
    internal ActivityDetails Check(DateOnly today)
    {
        var title = RecordRules.Text(Title, "tên hoạt động", RecordRules.MaxTitle);
        var provider = RecordRules.Optional(Provider, "đơn vị tổ chức", RecordRules.MaxProvider);
        var url = RecordRules.Url(EvidenceUrl);
        var domain = RecordRules.Domain(Domain);
        var date = RecordRules.NotInFuture(Date, today);
        var minutes = RecordRules.Minutes(Hours);
        return new ActivityDetails(title, domain, date, minutes, provider, url, EvidenceFileId, null);
    }

    /// <summary>The activity, self-declared (pending), or a refusal: the day it is on may not hold more than 24 hours.</summary>
    internal IReadOnlyList<IRecordEvent> Decide(ActivityDetails details, RecordState state, Guid entryId, DateTimeOffset at, Sealer seal)
    {
        RecordDecider.RoomInDay(state, details.Date, details.Minutes);
        return [new ActivityRecorded(entryId, Provenance.SelfDeclared, null, seal(details), at)];
    }
}

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
        var details = command.Check(RecordRules.Today(clock));
        var evidence = await Evidence.OwnFileAsync(files, command.ActorId, command.EvidenceFileId, ct);
        var now = clock.GetUtcNow();
        var entryId = Guid.CreateVersion7();
        var version = await writer.AppendActivityAsync(command.ActorId, command.ExpectedVersion, details,
            record => (ActivityRecorded)command.Decide(details, new RecordState { DayMinutes = record.DayMinutes }, entryId, now,
                RecordDecider.SealWith(record.Key!)).Single(), ct);
        return new EntryChange(command.ActorId, version, new RecordEntry(entryId, EntryKind.Activity, details.Title, details.Domain, details.Date,
            RecordStore.Hours(details.Minutes), details.Provider, null, details.EvidenceUrl, evidence, Provenance.SelfDeclared, EntryStatus.Pending, null, null, null, now));
    }
}
