using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;
using Vape.Records.Jobs;

namespace Vape.Records.Xapi;

/// <summary>
/// An official of the centre tells the LRS what records held before Vape emitted its own statements (docs/adr/0220,
/// 0239): every accepted class attendance, entry an official verified (or Funds award) and title of a record not
/// erased, as a job (<see cref="BackfillJob"/>). The statement ids are the events' (version-5 UUIDs): what is there already is left, so a second run adds nothing.
/// </summary>
public sealed record BackfillOwnStatements(Guid ActorId, bool Confirm);

internal sealed record BackfillOwnStatementsInput(bool Confirm);

public static class BackfillOwnStatementsHandler
{
    /// <summary>Starts the back-fill as a job and answers it at once (docs/adr/0279).</summary>
    public static async Task<RecordsJob> Handle(BackfillOwnStatements command, IOrganizationQueries org, RecordsJobs jobs, CancellationToken ct)
    {
        // Who may do it at all comes before what was sent (ADR 0070): those who manage the root of the tree.
        await CentreAdmin.DemandAsync(org, command.ActorId, "Chỉ lãnh đạo Trung ương Hội mới được ghi bù các câu xAPI của Vape cho hồ sơ học tập.", ct);
        if (!command.Confirm) throw VapeException.InvalidInput("Hãy xác nhận (`confirm: true`) để ghi bù các câu xAPI của Vape.");
        return await jobs.StartAsync(RecordsJobKind.BackfillOwnStatements, command.ActorId, ct);
    }
}
