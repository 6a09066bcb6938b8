using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vape.Organization.Contracts;
using Vape.Tests.Support;

namespace Vape.Tests.Records;

/// <summary>
/// An Organization event whose handling in Records' copy fails is not given up (docs/adr/0247): later events apply
/// meanwhile, and once the fault is gone the failed one applies too and the copy ends as Organization has the tree.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class CopyFaultTests(VapeApp app) : IAsyncLifetime
{
    private readonly RecordsApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public async Task DisposeAsync() => await Sql(Heal);

    private const string Heal = "drop trigger if exists copy_fault on records.unit_paths; drop function if exists records.copy_fault(); drop sequence if exists records.copy_fault_tries; " +
        "drop trigger if exists content_fault on content.directive_targets; drop function if exists content.content_fault(); drop sequence if exists content.content_fault_tries";

    /// <summary>Every write of a unit into Records' copy is refused (and counted, outside the rolled-back transaction) until healed.</summary>
    private const string RecordsFault = """
        create sequence records.copy_fault_tries;
        create function records.copy_fault() returns trigger language plpgsql as $$
        begin perform nextval('records.copy_fault_tries'); raise exception 'copy refused by the test'; end $$;
        create trigger copy_fault before insert or update on records.unit_paths for each row execute function records.copy_fault();
        """;

    private const string RecordsTries = "select case when is_called then last_value else 0 end from records.copy_fault_tries";

    [Fact]
    public async Task A_tree_event_that_failed_applies_once_the_fault_is_gone_and_the_copy_ends_right()
    {
        // A real fault in Records' database: every write of a unit into the copy is refused (and counted, outside the
        // rolled-back transaction) until the trigger is dropped.
        await Sql(RecordsFault);
        var created = await _api.Org.Mutate("createUnit",
            new { parentId = await _api.Org.UnitId("T01-X001"), code = "T01-X001-07", name = "Tổ dân phố số 7 Ba Đình", kind = "VILLAGE" }, "commune", "id");
        created.HasErrors.ShouldBeFalse(created.Body);
        var village = Guid.Parse(created.Data["createUnit"]!["id"]!.GetValue<string>());
        // Past the quick tries: where a dead letter used to end it, it is tried again later.
        await Until(async () => await Scalar<long>(RecordsTries) >= 5);
        (await Scalar<long>("select count(*) from records.unit_paths where id = @u", village)).ShouldBe(0);

        // A later event applies meanwhile: a member of the village reaches the copy's memberships.
        var added = await _api.Org.Mutate("addMember", new { homeUnitId = village.ToString(), fullName = "Trần Thị Mai", birthYear = 1990 }, "commune", "id");
        added.HasErrors.ShouldBeFalse(added.Body);
        var member = Guid.Parse(added.Data["addMember"]!["id"]!.GetValue<string>());
        await Until(async () => await Scalar<long>("select count(*) from records.memberships where person_id = @u and unit_id = @v", member, village) == 1);

        await Sql(Heal);
        var place = await Place(village);
        await Until(async () => await Scalar<long>("select count(*) from records.unit_paths where id = @u", village) == 1);
        var copied = await Scalar<string>("select concat_ws('|', parent_id, kind, active::text, path) from records.unit_paths where id = @u", village);
        copied.ShouldBe($"{place.ParentId}|{place.Kind}|true|{place.Path}");
        var letters = await app.GraphQL("{ deadLetters(first: 100) { nodes { messageType receivedAt } } }", token: await _api.Org.Token("central"));
        letters.HasErrors.ShouldBeFalse(letters.Body);
        letters.Body.ShouldNotContain("UnitCreated");
    }

    [Fact]
    public async Task Records_retries_reach_only_its_own_handler_another_modules_handler_of_the_same_event_is_dead_lettered_after_one_try()
    {
        // UnitMoved has handlers in Records (the copy), Content (directives' paths), Funds and Coordination; each is a
        // chain of its own (Separated). Records' and Content's writes both fail, Content's counted per statement.
        await Sql(RecordsFault);
        await Sql("""
            create sequence content.content_fault_tries;
            create function content.content_fault() returns trigger language plpgsql as $$
            begin perform nextval('content.content_fault_tries'); raise exception 'content refused by the test'; end $$;
            create trigger content_fault before update on content.directive_targets for each statement execute function content.content_fault();
            """);
        var clan = await _api.Org.Unit("T01-X001-04");
        var moved = await _api.Org.Mutate("moveUnit", new
        {
            unitId = clan["id"]!.GetValue<string>(), newParentId = await _api.Org.UnitId("T01-X002"),
            expectedVersion = clan["version"]!.GetValue<int>()
        }, "province");
        moved.HasErrors.ShouldBeFalse(moved.Body);

        // Content's handler was tried once and went to the dead letters (Wolverine's default) ...
        const string ContentTries = "select case when is_called then last_value else 0 end from content.content_fault_tries";
        await Until(async () => await Scalar<long>(ContentTries) >= 1);
        await Until(async () => (await DeadLetters()).Contains("UnitMoved"));
        // ... while Records' handler of the same event is still being tried, past its quick tries; Content's is not tried again.
        await Until(async () => await Scalar<long>(RecordsTries) >= 5);
        (await Scalar<long>(ContentTries)).ShouldBe(1);

        await Sql(Heal);
        var clanId = Guid.Parse(clan["id"]!.GetValue<string>());
        var place = await Place(clanId);
        await Until(async () => await Scalar<string>("select path::text from records.unit_paths where id = @u", clanId) == place.Path);
    }

    private async Task<string> DeadLetters()
    {
        var letters = await app.GraphQL("{ deadLetters(first: 100) { nodes { messageType } } }", token: await _api.Org.Token("central"));
        letters.HasErrors.ShouldBeFalse(letters.Body);
        return letters.Body;
    }

    private async Task<UnitPlace> Place(Guid unit)
    {
        await foreach (var place in app.Host.Services.GetRequiredService<IOrganizationQueries>().PlacesAsync(unit, CancellationToken.None))
            if (place.Id == unit) return place;
        throw new InvalidOperationException("Organization has no such unit");
    }

    private async Task Sql(string sql)
    {
        await using var cmd = app.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }

    private async Task<T> Scalar<T>(string sql, Guid? u = null, Guid? v = null)
    {
        await using var cmd = app.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        if (u is Guid first) cmd.Parameters.AddWithValue("u", first);
        if (v is Guid second) cmd.Parameters.AddWithValue("v", second);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>Asks again until it holds (the copy is written in the background, retries wait); fails after three minutes.</summary>
    private static async Task Until(Func<Task<bool>> holds)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (!await holds())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the copy never got there");
            await Task.Delay(200);
        }
    }
}
