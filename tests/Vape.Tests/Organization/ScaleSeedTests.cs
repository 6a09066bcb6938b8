using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vape.Organization.Scale;
using Vape.Organization.Tree;
using Vape.Tests.Support;

namespace Vape.Tests.Organization;

/// <summary>A host on a database of its own: the scale seed writes thousands of rows that no other test expects.</summary>
public sealed class ScaleSeedApp() : VapeApp("vape_tests_scale", "Development", []);

public sealed class ScaleSeedTests(ScaleSeedApp app) : IClassFixture<ScaleSeedApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<ScaleSeedResult> Seed(bool force = false) =>
        new ScaleSeed(Database, TimeProvider.System, TextWriter.Null).RunAsync(ScaleShape.Small, force, CancellationToken.None);

    private NpgsqlDataSource Database => app.Host.Services.GetRequiredService<NpgsqlDataSource>();

    private async Task<long> Count(string sql)
    {
        await using var cmd = Database.CreateCommand(sql);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task The_small_seed_builds_a_tree_the_charter_allows_and_its_members_count_in_the_statistics()
    {
        var result = await Seed();

        result.Communes.ShouldBe(20);
        result.LowerUnits.ShouldBe(200);
        result.Members.ShouldBe(5_000);
        await using (var cmd = Database.CreateCommand("""
            select c.kind, p.kind, c.path = p.path || replace(c.id::text, '-', '')::ltree
              from organization.units c join organization.units p on p.id = c.parent_id where c.code like 'N%'
            """))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            var units = 0;
            while (await reader.ReadAsync())
            {
                units++;
                Enum.Parse<UnitKind>(reader.GetString(0)).MayStandUnder(Enum.Parse<UnitKind>(reader.GetString(1))).ShouldBeTrue($"{reader.GetString(0)} under {reader.GetString(1)}");
                reader.GetBoolean(2).ShouldBeTrue("path = parent's path + own label");
            }
            units.ShouldBe(220);
        }
        (await Count("select count(*) from organization.units u where not exists (select 1 from organization.unit_periods p where p.unit_id = u.id)")).ShouldBe(0);
        (await Count("select count(*) from organization.people p where not exists (select 1 from organization.member_periods m where m.person_id = p.id)")).ShouldBe(0);
        (await Count("select count(*) from organization.people where full_name <> normalize(full_name, NFC) or full_name !~ ' '")).ShouldBe(0);
        (await Count("select count(*) from organization.roles r join organization.units u on u.id = r.unit_id where u.code ~ '^N[0-9]{2}-[0-9]{3}$' and r.role = 'Chair'")).ShouldBe(20);

        var inHaNoi = await Count("""
            select count(*) from organization.people p join organization.units u on u.id = p.home_unit_id
             where u.path <@ (select path from organization.units where code = 'T01')
            """);
        inHaNoi.ShouldBeGreaterThan(2_000);
        var statistics = await app.GraphQL("{ unitByCode(code: \"T01\") { statistics { members } } }");
        statistics.Data["unitByCode"]!["statistics"]!["members"]!.GetValue<long>().ShouldBe(inHaNoi);
    }

    [Fact]
    public async Task A_second_seed_is_refused_and_with_force_replaces_the_first()
    {
        await Seed();
        var people = await Count("select count(*) from organization.people");

        var refused = await Should.ThrowAsync<ScaleSeedRefusedException>(() => Seed());
        refused.Message.ShouldContain("--force");

        await Seed(force: true);
        (await Count("select count(*) from organization.people")).ShouldBe(people);
        (await Count("select count(*) from organization.units where code like 'N%'")).ShouldBe(220);
    }
}
