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
        // The tree functions' own cycle guard (0001) refuses what two concurrent moves or merges would make together,
        // each passing the decider alone: the loser hears the decider's sentence, not the guard's English.
        "VP400" when RaisedIn(e, "organization.move_unit(") => VapeException.InvalidInput(MoveUnit.UnderItself),
        "VP400" when RaisedIn(e, "organization.merge_unit(") => VapeException.InvalidInput(MergeUnit.IntoDescendant),
        "VP400" => VapeException.InvalidInput(e.MessageText),
        "VP404" => VapeException.NotFound(e.MessageText),
        // Two officials adding one citizen id at once: the one who loses hears what the check before the insert says.
        PostgresErrorCodes.UniqueViolation when e.ConstraintName == "people_citizen_id_hash_key" =>
            VapeException.InvalidInput(Vape.Organization.People.CitizenIds.AlreadyKnown),
        _ => base.Translate(e),
    };

    /// <summary>Whether PL/pgSQL raised it in that function (the error's context line names it).</summary>
    private static bool RaisedIn(PostgresException e, string function) => e.Where?.Contains(function, StringComparison.Ordinal) == true;
}
