using Marten;
using Marten.Schema;

namespace Vape.Records.Membership;

/// <summary>
/// At start-up, after Organization's start-up data: an empty copy (a new database, one from before the copy, or one
/// just reset) is filled from Organization (docs/adr/0167).
/// </summary>
internal sealed class FillCopyOnStart(MembershipCopy copy) : IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken ct) => await copy.RebuildAsync(onlyWhenEmpty: true, ct);
}
