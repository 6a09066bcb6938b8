using Marten;
using Vape.Records.Contracts;
using Wolverine;
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

    /// <summary>
    /// The award as a credential (its id the award's) verified at once by the official who decided it, or nothing when
    /// the record has it already: its name and issuer fitted (a default when empty, cut to the longest allowed).
    /// </summary>
    internal static IReadOnlyList<IRecordEvent> Decide(RecordFundsAward message, RecordState state, DateTimeOffset at, Sealer seal)
    {
        if (state.Entries.ContainsKey(message.AwardId)) return [];
        var name = RecordDecider.Fit(message.Name, "Học bổng", RecordRules.MaxTitle);
        var issuer = RecordDecider.Fit(message.Issuer, "Hội Khuyến học", RecordRules.MaxProvider);
        return [new CredentialRecorded(message.AwardId, seal(new CredentialDetails(name, issuer, message.Date, null, null, null, Award: true)), at),
            new EntryVerified(message.AwardId, message.DecidedBy, at)];
    }

    /// <summary>The award, and its statement for the LRS through the outbox (docs/adr/0220) when it is new.</summary>
    public static async Task<OutgoingMessages> Handle(RecordFundsAward message, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var outgoing = new OutgoingMessages();
        var sql = new RecordSql(session);
        var record = await RecordStream.OpenAsync(sql, message.PersonId, ct, withKey: true);
        var state = RecordState.Empty with { Entries = await RecordReads.EntryAsync(sql, message.AwardId, ct) };
        var key = record.Key!;
        foreach (var e in Decide(message, state, clock.GetUtcNow(), RecordDecider.SealWith(key)))
        {
            await RecordStream.AppendAsync(sql, record, null, e, key, ct);
            if (e is EntryVerified) outgoing.Add(new Xapi.EmitOwnStatement(message.PersonId, Xapi.OwnStatementKind.Verified, message.AwardId));
        }
        return outgoing;
    }
}
