using Marten;
using Vape.BuildingBlocks.Files;
using Vape.Records.Contracts;

namespace Vape.Records.Record;

/// <summary>A learner adds a certificate or diploma (issuer, date); pending until an official verifies it.</summary>
public sealed record AddCredential(Guid ActorId, string Name, string Issuer, DateOnly Date, LearningDomain? Domain, string? EvidenceUrl,
    Guid? EvidenceFileId, int? ExpectedVersion);

public static class AddCredentialHandler
{
    public static async Task<EntryChange> Handle(AddCredential command, IDocumentSession session, IFileStore files, TimeProvider clock, CancellationToken ct)
    {
        var name = RecordRules.Text(command.Name, "tên chứng chỉ, văn bằng", RecordRules.MaxTitle);
        var issuer = RecordRules.Text(command.Issuer, "nơi cấp", RecordRules.MaxProvider);
        var url = RecordRules.Url(command.EvidenceUrl);
        var domain = command.Domain is { } d ? RecordRules.Domain(d) : (LearningDomain?)null;
        var date = RecordRules.NotInFuture(command.Date, clock);

        var evidence = await Evidence.OwnFileAsync(files, command.ActorId, command.EvidenceFileId, ct);
        var sql = new RecordSql(session);
        var record = await RecordStream.OpenAsync(sql, command.ActorId, ct, withKey: true);
        var key = record.Key!;
        var now = clock.GetUtcNow();
        var recorded = new CredentialRecorded(Guid.CreateVersion7(),
            PersonKeys.Seal(key, new CredentialDetails(name, issuer, date, domain, url, evidence)), now);
        var version = await RecordStream.AppendAsync(sql, record, command.ExpectedVersion, recorded, key, ct);
        return new EntryChange(command.ActorId, version, new RecordEntry(recorded.EntryId, EntryKind.Credential, name, domain, date, 0,
            null, issuer, url, evidence, Provenance.SelfDeclared, EntryStatus.Pending, null, null, null, now));
    }
}
