using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Vape.Records.Membership;
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

/// <summary>
/// Evaluates the year's rules over a subtree's members and its clans, communities and units, in one statement on
/// Records' own copy of the tree and memberships (docs/adr/0167): no member id of the subtree comes through the application,
/// only the proposals.
/// </summary>
public sealed class TitleEvaluator(NpgsqlDataSource database)
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public async Task<IReadOnlyList<TitleProposal>> ProposalsAsync(Guid unitId, int year, CancellationToken ct)
    {
        var rules = await TitleRulesStore.LoadAsync(database, year, ct);
        var candidates = await CandidatesAsync(unitId, year, rules, ct);

        var proposals = new List<TitleProposal>();
        foreach (var citizen in candidates.Where(c => c.Kind == 'c').OrderBy(c => c.Subject))
        {
            var hours = RecordStore.Hours(citizen.Minutes);
            proposals.Add(Proposal(TitleKind.LearningCitizen, year, citizen.Subject,
                $"{Number(hours)} giờ học ở {citizen.Domains} lĩnh vực trong năm {year} (tiêu chí: ít nhất {Number(rules.MinHours)} giờ, {rules.MinDomains} lĩnh vực).",
                1, 1, hours, citizen.Domains, [citizen.Subject]));
        }
        foreach (var household in candidates.Where(c => c.Kind == 'f').OrderBy(c => c.Subject))
            if (Share(household.Qualified, household.Members.Length) >= rules.FamilyShare)
                proposals.Add(Proposal(TitleKind.LearningFamily, year, household.Subject,
                    GroupReason(household.Qualified, household.Members.Length, year, rules.FamilyShare, TitleRules.MinFamilyMembers),
                    household.Members.Length, household.Qualified, null, null, household.Members.Order().ToList()));
        foreach (var group in candidates.Where(c => c.Kind == 'g').OrderBy(c => c.Depth).ThenBy(c => c.Subject))
            if (Share(group.Qualified, group.Members.Length) >= rules.GroupShare && GroupKind(group.UnitKind!) is { } kind)
                proposals.Add(Proposal(kind, year, group.Subject, GroupReason(group.Qualified, group.Members.Length, year, rules.GroupShare, rules.MinGroupMembers),
                    group.Members.Length, group.Qualified, null, null, group.Members.Order().ToList()));

        var decisions = await DecisionsAsync(proposals.Select(p => p.Id).ToArray(), ct);
        return proposals.Select(p => decisions.TryGetValue(p.Id, out var d) ? p with { Status = d.Status, DecisionReason = d.Reason } : p).ToList();
    }

    /// <summary>A row of <see cref="CandidatesAsync"/>: a Learning Citizen (`c`), or a household (`f`) or group unit (`g`) big enough with at least one.</summary>
    private sealed record Candidate(char Kind, Guid Subject, long Minutes, int Domains, int Qualified, Guid[] Members, string? UnitKind, int Depth);

    /// <summary>
    /// The year's Learning Citizens of the subtree (hours as <see cref="RecordStore.Hours"/> rounds them), and the households
    /// and clans, communities and member chapters with enough members and at least one citizen; the shares are checked by the caller.
    /// </summary>
    private async Task<List<Candidate>> CandidatesAsync(Guid unitId, int year, TitleRules rules, CancellationToken ct)
    {
        await using var cmd = database.CreateCommand($"""
            with {MembershipSql.Subtree},
            learning as (
              select e.person_id, sum(e.minutes)::bigint as minutes, count(distinct e.domain)::int as domains from records.entries e
               where e.person_id in (select person_id from members) and e.year = @y and e.kind = 'Activity' and e.status = 'Accepted'
               group by e.person_id),
            citizens as (select person_id, minutes, domains from learning where round(minutes / 60.0, 2) >= @min_hours and domains >= @min_domains)
            select 'c', person_id, minutes, domains, 1, array[person_id], null::text, 0 from citizens
            union all
            select 'f', m.household_id, 0, 0, count(distinct c.person_id)::int, array_agg(distinct m.person_id), null, 0
              from members m left join citizens c on c.person_id = m.person_id
             where m.household_id is not null group by m.household_id
            having count(distinct m.person_id) >= @min_family and count(distinct c.person_id) > 0
            union all
            select 'g', u.id, 0, 0, count(distinct c.person_id)::int, array_agg(distinct m.person_id), min(u.kind), min(nlevel(u.path))
              from subtree u join members m on m.unit_id = u.id left join citizens c on c.person_id = m.person_id
             where u.active and u.kind = any(@group_kinds) group by u.id
            having count(distinct m.person_id) >= @min_group and count(distinct c.person_id) > 0
            """);
        cmd.Parameters.AddWithValue("unit", unitId);
        cmd.Parameters.AddWithValue("y", year);
        cmd.Parameters.AddWithValue("min_hours", rules.MinHours);
        cmd.Parameters.AddWithValue("min_domains", rules.MinDomains);
        cmd.Parameters.AddWithValue("min_family", TitleRules.MinFamilyMembers);
        cmd.Parameters.AddWithValue("min_group", rules.MinGroupMembers);
        cmd.Parameters.AddWithValue("group_kinds", GroupKinds);
        var candidates = new List<Candidate>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            candidates.Add(new Candidate(reader.GetString(0)[0], reader.GetGuid(1), reader.GetInt64(2), reader.GetInt32(3), reader.GetInt32(4),
                reader.GetFieldValue<Guid[]>(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetInt32(7)));
        return candidates;
    }

    private static readonly string[] GroupKinds = ["LearningClan", "Village", "MemberChapter"];

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
