using Marten;
using Vape.BuildingBlocks.Files;
using Vape.Records.Contracts;

namespace Vape.Records.Record;

/// <summary>A learner adds a certificate or diploma (issuer, date); pending until an official verifies it.</summary>
public sealed record AddCredential(Guid ActorId, string Name, string Issuer, DateOnly Date, LearningDomain? Domain, string? EvidenceUrl,
    Guid? EvidenceFileId, int? ExpectedVersion)
{
    /// <summary>What was sent, checked (before anything is read): a name, an issuer, an http(s) link if any, a domain if any, a date not in the future.</summary>
    internal CredentialDetails Check(DateOnly today)
    {
        var name = RecordRules.Text(Name, "tên chứng chỉ, văn bằng", RecordRules.MaxTitle);
        var issuer = RecordRules.Text(Issuer, "nơi cấp", RecordRules.MaxProvider);
        var url = RecordRules.Url(EvidenceUrl);
        var domain = Domain is { } d ? RecordRules.Domain(d) : (LearningDomain?)null;
        var date = RecordRules.NotInFuture(Date, today);
        return new CredentialDetails(name, issuer, date, domain, url, EvidenceFileId);
    }

    /// <summary>The credential, self-declared (pending until an official verifies it). A record takes any number of them.</summary>
    internal IReadOnlyList<IRecordEvent> Decide(CredentialDetails details, Guid entryId, DateTimeOffset at, Sealer seal) =>
        [new CredentialRecorded(entryId, seal(details), at)];
}

public static class AddCredentialHandler
{
    public static async Task<EntryChange> Handle(AddCredential command, IDocumentSession session, IFileStore files, TimeProvider clock, CancellationToken ct)
    {
        var details = command.Check(RecordRules.Today(clock));
        var evidence = await Evidence.OwnFileAsync(files, command.ActorId, command.EvidenceFileId, ct);
        var sql = new RecordSql(session);
        var record = await RecordStream.OpenAsync(sql, command.ActorId, ct, withKey: true);
        var key = record.Key!;
        var now = clock.GetUtcNow();
        var recorded = (CredentialRecorded)command.Decide(details, Guid.CreateVersion7(), now, RecordDecider.SealWith(key)).Single();
        var version = await RecordStream.AppendAsync(sql, record, command.ExpectedVersion, recorded, key, ct);
        return new EntryChange(command.ActorId, version, new RecordEntry(recorded.EntryId, EntryKind.Credential, details.Name, details.Domain, details.Date, 0,
            null, details.Issuer, details.EvidenceUrl, evidence, Provenance.SelfDeclared, EntryStatus.Pending, null, null, null, now));
    }
}
