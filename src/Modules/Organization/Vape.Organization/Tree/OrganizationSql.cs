using Marten;
using Npgsql;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Storage;

namespace Vape.Organization.Tree;

/// <summary>The module's SQL in the Marten session's transaction; the tree's SQL functions raise VP400/VP404.</summary>
internal sealed class OrganizationSql(IDocumentSession session) : SessionSql(session)
{
    protected override Exception Translate(PostgresException e) => e.SqlState switch
    {
        "VP400" => VapeException.InvalidInput(e.MessageText),
        "VP404" => VapeException.NotFound(e.MessageText),
        // Two officials adding one citizen id at once: the one who loses hears what the check before the insert says.
        PostgresErrorCodes.UniqueViolation when e.ConstraintName == "people_citizen_id_hash_key" =>
            VapeException.InvalidInput(Vape.Organization.People.CitizenIds.AlreadyKnown),
        _ => base.Translate(e),
    };
}
