using Marten;
using Vape.Records.Record;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Vape.Records.Xapi;

/// <summary>
/// A statement about a member was stored, or one of theirs was voided: their record follows (docs/adr/0133). Published
/// through the outbox in the statements' transaction, so a crash after that commit still reaches the record.
/// </summary>
public sealed record XapiStatementStored(Guid StatementId);

public static class XapiStatementStoredHandler
{
    public const string Queue = "xapi-records";

    /// <summary>Two deliveries for one person meet on the record's row or the entries' key; the loser retries and finds the entry.</summary>
    public static void Configure(HandlerChain chain) =>
        chain.OnException<Npgsql.PostgresException>().Or<Vape.BuildingBlocks.Errors.VapeException>().Or<JasperFx.ConcurrencyException>()
            .RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1));

    public static Task Handle(XapiStatementStored message, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        XapiAttribution.ReconcileAsync(new RecordSql(session), clock, message.StatementId, ct);
}
