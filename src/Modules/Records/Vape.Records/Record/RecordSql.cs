using Marten;
using Npgsql;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Storage;

namespace Vape.Records.Record;

/// <summary>The module's SQL in the Marten session's transaction; a unique key means a concurrent change of the same record.</summary>
internal sealed class RecordSql(IDocumentSession session) : SessionSql(session)
{
    protected override Exception Translate(PostgresException e) => e.SqlState switch
    {
        PostgresErrorCodes.UniqueViolation => VapeException.VersionConflict("Bản ghi vừa được thay đổi cùng lúc; hãy thử lại."),
        _ => e,
    };
}
