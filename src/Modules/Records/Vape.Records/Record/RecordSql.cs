using Marten;
using Npgsql;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Storage;

namespace Vape.Records.Record;

/// <summary>The module's SQL in the Marten session's transaction; a unique key means a concurrent change of the same record.</summary>
internal sealed class RecordSql(IDocumentSession session) : SessionSql(session)
{
    protected override Exception Translate(PostgresException e) => (Exception?)Refusal(e) ?? e;

    /// <summary>
    /// What a caller can cause, as a code, never the database's text: the one map of the module's SQL, in a session
    /// (above) or on its own connection (<see cref="RecordWriter"/>). A unique key or Marten's version check (MT003)
    /// is a concurrent change of the same record.
    /// </summary>
    public static VapeException? Refusal(Exception e) => e switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or "MT003" } =>
            VapeException.VersionConflict("Bản ghi vừa được thay đổi cùng lúc; hãy thử lại."),
        _ => UnholdableText(e),
    };
}
