using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vape.BuildingBlocks.Errors;
using Vape.Records.Record;
using Vape.Tests.Support;

namespace Vape.Tests.Records;

/// <summary>
/// Records' one refusal map (RecordSql.Refusal), in a session and on the record writer's own connection: text
/// PostgreSQL cannot hold is INVALID_INPUT, never INTERNAL. The GraphQL edge refuses a NUL first (InputText), so
/// no GraphQL request reaches this; the map is called as the module's SQL calls it.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class RecordSqlRefusalTests(VapeApp app)
{
    [Theory]
    [InlineData("select convert_from('\\x610062'::bytea, 'UTF8')")] // a NUL in text: 22021
    [InlineData("select '\"a\\u0000b\"'::jsonb")] // a NUL in JSON: 22P05
    public async Task Text_PostgreSQL_cannot_hold_is_invalid_input(string sql)
    {
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        var inSession = await Should.ThrowAsync<VapeException>(() => new RecordSql(session).ExecuteAsync(sql, CancellationToken.None));
        inSession.Code.ShouldBe(ErrorCodes.InvalidInput);

        await using var connection = await app.Host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var failed = await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        RecordSql.Refusal(failed)!.Code.ShouldBe(ErrorCodes.InvalidInput);
        inSession.Message.ShouldBe(RecordSql.Refusal(failed)!.Message);
    }

    [Fact]
    public async Task A_unique_key_is_a_version_conflict()
    {
        await using var connection = await app.Host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        // In a transaction that rolls back: the modules' pool does not reset its connections (ADR 0172).
        await using var tx = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("create temp table twice (id int primary key); insert into twice values (1), (1)", connection, tx);
        var failed = await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        RecordSql.Refusal(failed)!.Code.ShouldBe(ErrorCodes.VersionConflict);
    }
}
