using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vape.BuildingBlocks.Storage;
using Vape.Classes;
using Vape.Organization;
using Vape.Records;
using Vape.Tests.Records;
using Vape.Tests.Support;

namespace Vape.Tests.Platform;

public sealed class StreamMigrationApp() : VapeApp("vape_tests_streams", "Development", []);

/// <summary>
/// A database written by the code before docs/adr/0062 (every stream's id the module's own key, so that a person's
/// organisation history and learning record shared one stream) starts under today's code with every history and record
/// intact: mixed streams split by module, versions renumbered per stream, the record writable again.
/// </summary>
public sealed class StreamMigrationTests
{
    [Fact]
    public async Task A_database_with_shared_person_streams_starts_with_each_modules_streams_apart_and_every_record_writable()
    {
        string learner2, baDinh;
        var before = new StreamMigrationApp();
        await before.InitializeAsync();
        try
        {
            await before.ResetAsync();
            var api = new RecordsApi(before);
            learner2 = await api.Org.PersonId("learner2");
            baDinh = await api.Org.UnitId("T01-X001");
            // learner2's record first, then Organization changes of learner2: the order in which the old layout broke.
            await api.DeclareOk("learner2", RecordsApi.Activity(title: "Lớp tiếng Anh giao tiếp", hours: 2));
            (await api.Org.Mutate("assignRole", new { personId = learner2, unitId = baDinh, role = "STAFF" }, "province")).HasErrors.ShouldBeFalse();
            (await api.Org.Mutate("linkAccount", new { personId = learner2, externalId = Guid.NewGuid().ToString() }, "commune")).HasErrors.ShouldBeFalse();
            await ToOldLayout(before);
        }
        finally
        {
            await before.DisposeAsync();
        }

        var after = new StreamMigrationApp();
        await after.InitializeAsync();
        try
        {
            await Check(after, learner2, baDinh);
        }
        finally
        {
            await after.DisposeAsync();
        }
    }

    private static async Task Check(VapeApp after, string learner2, string baDinh)
    {
        var records = new RecordsApi(after);
        var store = after.Host.Services.GetRequiredService<IDocumentStore>();
        await using (var q = store.QuerySession())
        {
            var person = Guid.Parse(learner2);
            (await q.Events.FetchStreamAsync(person)).ShouldBeEmpty();
            (await ModuleStreams<RecordsModule>.FetchAsync(q, person, 0, default)).Select(e => (e.Version, e.Data.GetType().Name))
                .ShouldBe([(1, "ActivityRecorded")]);
            (await ModuleStreams<OrganizationModule>.FetchAsync(q, person, 0, default)).Select(e => (e.Version, e.Data.GetType().Name))
                .ShouldBe([(1, "RoleGranted"), (2, "MemberDetailsChanged")]);
            (await ModuleStreams<OrganizationModule>.FetchAsync(q, Guid.Parse(baDinh), 0, default)).First().Data.GetType().Name.ShouldBe("UnitEstablished");
        }

        // The record as it was, and writable again; the unit's history too.
        (await records.MyRecord("learner2"))["activities"]!["nodes"]!.AsArray().Select(a => a!["title"]!.GetValue<string>()).ShouldBe(["Lớp tiếng Anh giao tiếp"]);
        await records.DeclareOk("learner2", RecordsApi.Activity(title: "Lớp tin học văn phòng", hours: 1));
        var record = await records.MyRecord("learner2");
        record["version"]!.GetValue<int>().ShouldBe(2);
        var unit = await records.Org.Unit("T01-X001");
        var renamed = await records.Org.Mutate("renameUnit", new { unitId = baDinh, name = "Phường Ba Đình mới", expectedVersion = unit["version"]!.GetValue<int>() },
            "province", "name version");
        renamed.HasErrors.ShouldBeFalse(renamed.Body);
    }

    /// <summary>
    /// Rewrites the database as the code before the change left it: each stream at its key's id (a person's streams of
    /// both modules merged in the order they were written), no `stream_id` on Records' learners, the migrations unmarked.
    /// </summary>
    private static async Task ToOldLayout(VapeApp app)
    {
        var database = app.Host.Services.GetRequiredService<NpgsqlDataSource>();
        var keys = new List<(Guid Stream, Guid Key)>();
        foreach (var (sql, streamOf) in new (string, Func<Guid, Guid>)[]
                 {
                     ("select id from organization.units union select id from organization.people", ModuleStreams<OrganizationModule>.Id),
                     ("select person_id from records.learners", ModuleStreams<RecordsModule>.Id),
                     ("select id from classes.sessions", ModuleStreams<ClassesModule>.Id),
                 })
        {
            await using var cmd = database.CreateCommand(sql);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) keys.Add((streamOf(reader.GetGuid(0)), reader.GetGuid(0)));
        }
        await using var conn = await database.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await Execute(conn, "create temp table old_keys (stream uuid primary key, key uuid not null)");
        await using (var insert = new NpgsqlCommand("insert into old_keys select * from unnest(@s, @k)", conn))
        {
            insert.Parameters.AddWithValue("s", keys.Select(k => k.Stream).ToArray());
            insert.Parameters.AddWithValue("k", keys.Select(k => k.Key).ToArray());
            await insert.ExecuteNonQueryAsync();
        }
        await Execute(conn, """
            insert into events.mt_streams (id, version, timestamp, created)
            select distinct k.key, 0, now(), now() from old_keys k join events.mt_streams s on s.id = k.stream
            on conflict (id) do nothing;
            update events.mt_events e set stream_id = k.key, version = -e.seq_id from old_keys k where k.stream = e.stream_id;
            update events.mt_events e set version = n.v
              from (select seq_id, row_number() over (partition by stream_id order by seq_id) v from events.mt_events) n
             where n.seq_id = e.seq_id;
            update events.mt_streams s set version = (select max(version) from events.mt_events e where e.stream_id = s.id);
            delete from events.mt_streams s where not exists (select 1 from events.mt_events e where e.stream_id = s.id);
            drop index records.learners_stream;
            alter table records.learners drop column stream_id;
            delete from vape.migrations where (module, name) in
              (('vape', '0001-streams-by-module.sql'), ('records', '0002-record-streams.sql'), ('classes', '0007-lines-on-the-module-stream.sql'));
            """);
        await tx.CommitAsync();
    }

    private static async Task Execute(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
