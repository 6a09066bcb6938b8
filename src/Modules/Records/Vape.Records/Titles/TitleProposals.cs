using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Vape.Organization.Contracts;
using Vape.Records.Record;

namespace Vape.Records.Titles;

public enum TitleStatus
{
    Proposed,
    Confirmed,
    Rejected,
}

/// <summary>
/// A title the system proposes for a unit's subtree and year, with the reason in words and numbers. Subject:
/// the person (Learning Citizen), the household (Learning Family) or the unit (clan, community, unit).
/// `Members` are the people the title is awarded to when confirmed.
/// </summary>
public sealed record TitleProposal(Guid Id, TitleKind Kind, int Year, Guid SubjectId, string Reason, int MemberCount, int QualifiedCount,
    decimal? Hours, int? Domains, TitleStatus Status, string? DecisionReason, IReadOnlyList<Guid> Members);

/// <summary>Evaluates the year's rules over a subtree's members (their projections) and its clans, communities and units.</summary>
public sealed class TitleEvaluator(NpgsqlDataSource database, IOrganizationQueries org)
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public async Task<IReadOnlyList<TitleProposal>> ProposalsAsync(Guid unitId, int year, CancellationToken ct)
    {
        var rules = await TitleRulesStore.LoadAsync(database, year, ct);
        var memberships = await org.MembersAsync(unitId, subtree: true, ct);
        var learning = await LearningAsync(memberships.Select(m => m.PersonId), year, ct);
        var citizens = learning.Where(l => l.Value.Hours >= rules.MinHours && l.Value.Domains >= rules.MinDomains).Select(l => l.Key).ToHashSet();

        var proposals = new List<TitleProposal>();
        foreach (var person in citizens.Order())
        {
            var (hours, domains) = learning[person];
            proposals.Add(Proposal(TitleKind.LearningCitizen, year, person,
                $"{Number(hours)} giờ học ở {domains} lĩnh vực trong năm {year} (tiêu chí: ít nhất {Number(rules.MinHours)} giờ, {rules.MinDomains} lĩnh vực).",
                1, 1, hours, domains, [person]));
        }

        foreach (var household in memberships.Where(m => m.HouseholdId is not null).GroupBy(m => m.HouseholdId!.Value))
        {
            var members = household.Select(m => m.PersonId).Distinct().Order().ToList();
            var qualified = members.Count(citizens.Contains);
            if (members.Count >= TitleRules.MinFamilyMembers && Share(qualified, members.Count) >= rules.FamilyShare)
                proposals.Add(Proposal(TitleKind.LearningFamily, year, household.Key, GroupReason(qualified, members.Count, year, rules.FamilyShare, TitleRules.MinFamilyMembers),
                    members.Count, qualified, null, null, members));
        }

        var groups = (await org.SubtreeAsync(unitId, null, ct)).Select(u => (Unit: u, Kind: GroupKind(u.Kind))).Where(g => g.Kind is not null);
        var byUnit = memberships.ToLookup(m => m.UnitId, m => m.PersonId);
        foreach (var (unit, kind) in groups)
        {
            var members = byUnit[unit.Id].Distinct().Order().ToList();
            var qualified = members.Count(citizens.Contains);
            if (members.Count >= rules.MinGroupMembers && Share(qualified, members.Count) >= rules.GroupShare)
                proposals.Add(Proposal(kind!.Value, year, unit.Id, GroupReason(qualified, members.Count, year, rules.GroupShare, rules.MinGroupMembers),
                    members.Count, qualified, null, null, members));
        }

        var decisions = await DecisionsAsync(proposals.Select(p => p.Id).ToArray(), ct);
        return proposals.Select(p => decisions.TryGetValue(p.Id, out var d) ? p with { Status = d.Status, DecisionReason = d.Reason } : p).ToList();
    }

    public static Guid ProposalId(TitleKind kind, int year, Guid subject) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}:{year}:{subject}")).AsSpan(0, 16));

    /// <summary>Clans → Learning Clan; villages and residential groups → Learning Community; member chapters (agencies, schools, enterprises) → Learning Unit.</summary>
    private static TitleKind? GroupKind(string unitKind) => unitKind switch
    {
        "LearningClan" => TitleKind.LearningClan,
        "Village" => TitleKind.LearningCommunity,
        "MemberChapter" => TitleKind.LearningUnit,
        _ => null,
    };

    private static decimal Share(int qualified, int members) => members == 0 ? 0 : (decimal)qualified / members;

    private static string GroupReason(int qualified, int members, int year, decimal share, int minMembers) =>
        $"{qualified}/{members} thành viên ({Number(Math.Round(Share(qualified, members) * 100, 1))}%) đạt tiêu chí Công dân học tập năm {year} " +
        $"(tiêu chí: ít nhất {Number(share * 100)}%, tối thiểu {minMembers} thành viên).";

    private static string Number(decimal value) => value.ToString("0.##", Vi);

    private static TitleProposal Proposal(TitleKind kind, int year, Guid subject, string reason, int members, int qualified, decimal? hours, int? domains,
        IReadOnlyList<Guid> people) =>
        new(ProposalId(kind, year, subject), kind, year, subject, reason, members, qualified, hours, domains, TitleStatus.Proposed, null, people);

    /// <summary>Hours and domains of the year per person, for the people streamed into a temporary table (<see cref="PeopleTable"/>).</summary>
    private async Task<Dictionary<Guid, (decimal Hours, int Domains)>> LearningAsync(IEnumerable<Guid> people, int year, CancellationToken ct)
    {
        await using var conn = await database.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await PeopleTable.WriteAsync(conn, people, ct);
        await using var cmd = new NpgsqlCommand($"""
            select person_id, sum(minutes), count(distinct domain)::int from records.entries
             where person_id in (select id from {PeopleTable.Name}) and year = @y and kind = 'Activity' and status = 'Accepted'
             group by person_id
            """, conn, tx);
        cmd.Parameters.AddWithValue("y", year);
        var result = new Dictionary<Guid, (decimal, int)>();
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) result[reader.GetGuid(0)] = (RecordStore.Hours(reader.GetInt64(1)), reader.GetInt32(2));
        await tx.CommitAsync(ct);
        return result;
    }

    private async Task<Dictionary<Guid, (TitleStatus Status, string? Reason)>> DecisionsAsync(Guid[] ids, CancellationToken ct)
    {
        await using var cmd = database.CreateCommand("select id, status, reason from records.title_decisions where id = any(@ids)");
        cmd.Parameters.AddWithValue("ids", ids);
        var result = new Dictionary<Guid, (TitleStatus, string?)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) result[reader.GetGuid(0)] = (Enum.Parse<TitleStatus>(reader.GetString(1)), reader.IsDBNull(2) ? null : reader.GetString(2));
        return result;
    }
}
