using System.Reflection;
using Marten;
using Marten.Schema;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vape.BuildingBlocks.Modules;

namespace Vape.BuildingBlocks.Storage;

/// <summary>
/// Tables a module keeps beside Marten's documents (for what SQL does best: ltree paths, trigram search,
/// COPY). Each module embeds ordered scripts named `Sql/NNNN-what.sql`; they run once each, in order, at
/// start-up, under an advisory lock so that several hosts starting together apply them once. Scripts are
/// written to be safe to re-run. See docs/adr/0008.
/// </summary>
internal sealed class ModuleMigrations(IEnumerable<VapeModule> modules, NpgsqlDataSource database) : IInitialData
{
    private const long LockKey = 0x5641_5045_4D49_47; // "VAPEMIG"

    public async Task Populate(IDocumentStore store, CancellationToken ct)
    {
        await using var conn = await database.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await Execute(conn, $"select pg_advisory_xact_lock({LockKey})", ct);
        await Execute(conn, Platform, ct);
        var applied = new HashSet<string>();
        await using (var read = new NpgsqlCommand("select module || '/' || name from vape.migrations", conn))
        await using (var reader = await read.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) applied.Add(reader.GetString(0));

        // The platform's own scripts (which move data of every module, such as the streams) before the modules'.
        var owners = modules.OrderBy(m => m.Name, StringComparer.Ordinal).Select(m => (m.Name, m.Assembly))
            .Prepend(("vape", typeof(ModuleMigrations).Assembly));
        foreach (var (owner, assembly) in owners)
        {
            foreach (var (name, sql) in Scripts(assembly))
            {
                if (applied.Contains($"{owner}/{name}")) continue;
                await Execute(conn, $"create schema if not exists {owner};\n" + sql, ct);
                await using var mark = new NpgsqlCommand("insert into vape.migrations (module, name) values (@m, @n)", conn);
                mark.Parameters.AddWithValue("m", owner);
                mark.Parameters.AddWithValue("n", name);
                await mark.ExecuteNonQueryAsync(ct);
            }
        }
        await tx.CommitAsync(ct);
        // Types of extensions created just now (ltree) must be known to the pool that the modules use.
        await database.ReloadTypesAsync(ct);
    }

    /// <summary>
    /// What every module may use: ltree, trigram search, and `vape.fold(text)`, the one way Vietnamese text is
    /// folded for search (NFC, diacritics and đ/Đ removed, lower case).
    /// </summary>
    private const string Platform = """
        create schema if not exists vape;
        create table if not exists vape.migrations (module text not null, name text not null, applied_at timestamptz not null default now(), primary key (module, name));
        create extension if not exists ltree with schema public;
        create extension if not exists unaccent with schema public;
        create extension if not exists pg_trgm with schema public;
        create or replace function vape.fold(text) returns text
            language sql immutable strict parallel safe
            as $$ select lower(public.unaccent('public.unaccent'::regdictionary, normalize($1, NFC))) $$;
        """;

    internal static IEnumerable<(string Name, string Sql)> Scripts(Assembly assembly) =>
        assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("sql/", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (n["sql/".Length..], reader.ReadToEnd());
            });

    private static async Task Execute(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}

internal static class ModuleData
{
    /// <summary>
    /// Empties every module table (Marten's and the modules' own) and loads start-up data again. For tests and
    /// for resetting a development database; never called by the running application.
    /// </summary>
    public static async Task ResetAllDataAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var modules = services.GetRequiredService<IEnumerable<VapeModule>>().Select(m => m.Name).ToArray();
        await using (var conn = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(ct))
        {
            var tables = new List<string>();
            await using (var list = new NpgsqlCommand(
                "select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables " +
                "where table_schema = any(@schemas) and table_type = 'BASE TABLE' and table_name not like 'mt\\_%'", conn))
            {
                list.Parameters.AddWithValue("schemas", modules);
                await using var reader = await list.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) tables.Add(reader.GetString(0));
            }
            // Work of the running host (a handler, a presence refresh) may hold row locks the truncate waits on while
            // it waits on the truncate's: PostgreSQL breaks that deadlock by failing one side, and the reset tries again.
            // The wait can also run through the host's code, which PostgreSQL cannot see (a transaction that asks
            // another module on another connection, blocked by the truncate's locks): the truncate then gives up
            // after a few seconds (lock_timeout), releasing its locks, and tries again.
            for (var attempt = 1; tables.Count > 0; attempt++)
            {
                try
                {
                    await using var tx = await conn.BeginTransactionAsync(ct);
                    await using (var truncate = new NpgsqlCommand($"set local lock_timeout = '3s'; truncate {string.Join(", ", tables)}", conn, tx))
                        await truncate.ExecuteNonQueryAsync(ct);
                    await tx.CommitAsync(ct);
                    break;
                }
                catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.LockNotAvailable && attempt < 10)
                {
                    await Task.Delay(50 * attempt, ct);
                }
            }
        }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await services.ResetAllMartenDataAsync();
                return;
            }
            catch (Exception e) when (e.GetBaseException() is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected } && attempt < 10)
            {
                await Task.Delay(50 * attempt, ct);
            }
        }
    }
}
