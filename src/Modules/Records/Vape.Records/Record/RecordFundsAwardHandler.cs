using Marten;
using Vape.Records.Contracts;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Vape.Records.Record;

/// <summary>
/// A scholarship or award decided by the Funds module becomes a credential of the recipient's record, verified by
/// the official who decided it. Exactly once: the entry's id is the award's id, checked under the record's row
/// lock and written in the same transaction (a second delivery finds it and adds nothing).
/// </summary>
public static class RecordFundsAwardHandler
{
    public static void Configure(HandlerChain chain) => RecordClassAttendanceHandler.Configure(chain);

    public static async Task Handle(RecordFundsAward message, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var sql = new RecordSql(session);
        var record = await RecordStream.OpenAsync(sql, message.PersonId, ct, withKey: true);
        if (await sql.ScalarAsync<bool>("select exists (select 1 from records.entries where id = @a)", ct, ("a", message.AwardId)))
            return;
        var name = Fit(message.Name, "Học bổng", RecordRules.MaxTitle);
        var issuer = Fit(message.Issuer, "Hội Khuyến học", RecordRules.MaxProvider);
        var key = record.Key!;
        var now = clock.GetUtcNow();
        var recorded = new CredentialRecorded(message.AwardId, PersonKeys.Seal(key, new CredentialDetails(name, issuer, message.Date, null, null, null)), now);
        await RecordStream.AppendAsync(sql, record, null, recorded, key, ct);
        await RecordStream.AppendAsync(sql, record, null, new EntryVerified(message.AwardId, message.DecidedBy, now), key, ct);
    }

    private static string Fit(string? text, string fallback, int max)
    {
        var value = string.IsNullOrWhiteSpace(text) ? fallback : text.Trim();
        return value.Length > max ? value[..max] : value;
    }
}
