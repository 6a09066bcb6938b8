using Marten;
using Npgsql;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;
using Vape.BuildingBlocks.Storage;
using Vape.Funds.Ledger;
using Vape.Organization.Contracts;

namespace Vape.Funds;

/// <summary>A fund of a unit: its purpose and rules, and the bank account donors transfer to (VietQR).</summary>
public sealed record Fund(Guid Id, Guid UnitId, string Name, string Purpose, string Rules, string? BankBin, string? BankAccount, string? AccountName,
    DateTimeOffset CreatedAt)
{
    internal const string Columns = "f.id, f.unit_id, f.name, f.purpose, f.rules, f.bank_bin, f.bank_account, f.account_name, f.created_at";

    internal static Fund Read(NpgsqlDataReader r) => new(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetString(4),
        r.Get<string>(5), r.Get<string>(6), r.Get<string>(7), r.GetFieldValue<DateTimeOffset>(8));
}

/// <summary>An official opens a fund of their unit.</summary>
public sealed record CreateFund(Guid ActorId, Guid UnitId, string Name, string Purpose, string? Rules, string? BankBin, string? BankAccount, string? AccountName);

public static class CreateFundHandler
{
    public static async Task<Fund> Handle(CreateFund command, IOrganizationQueries organization, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        // Who may do it at all comes before what was sent (ADR 0070).
        await FundRules.DemandManageAsync(organization, command.ActorId, command.UnitId, ct);
        var name = FundRules.Text(command.Name, "tên quỹ", 200);
        var purpose = FundRules.Text(command.Purpose, "mục đích của quỹ", 2000);
        var rules = FundRules.Text(command.Rules, "quy chế của quỹ", 10000, required: false);
        var bin = FundRules.Optional(command.BankBin, "mã ngân hàng (BIN)", 6);
        var account = FundRules.Optional(command.BankAccount, "số tài khoản", 19);
        var accountName = FundRules.Optional(command.AccountName, "tên tài khoản", 100);
        if (bin is not null && (bin.Length != 6 || !bin.All(char.IsAsciiDigit))) throw VapeException.InvalidInput("Mã ngân hàng (BIN) gồm đúng 6 chữ số.");
        if (account is not null && !account.All(char.IsAsciiLetterOrDigit)) throw VapeException.InvalidInput("Số tài khoản chỉ gồm chữ và số.");
        if ((bin is null) != (account is null)) throw VapeException.InvalidInput("Hãy nhập cả mã ngân hàng và số tài khoản, hoặc bỏ trống cả hai.");
        var (_, path) = await FundRules.ActiveUnitAsync(organization, command.UnitId, ct);
        var fund = new Fund(Guid.CreateVersion7(), command.UnitId, name, purpose, rules, bin, account, accountName, LedgerChain.Micro(clock.GetUtcNow()));
        await InsertAsync(new FundsSql(session), fund, path, command.ActorId, ct);
        return fund;
    }

    internal static Task<int> InsertAsync(FundsSql sql, Fund fund, string path, Guid by, CancellationToken ct) =>
        sql.ExecuteAsync("""
            insert into funds.funds (id, unit_id, unit_path, name, purpose, rules, bank_bin, bank_account, account_name, created_by, created_at)
            values (@id, @unit, @path::ltree, @name, @purpose, @rules, @bin, @account, @account_name, @by, @at)
            """, ct, ("id", fund.Id), ("unit", fund.UnitId), ("path", path), ("name", fund.Name), ("purpose", fund.Purpose), ("rules", fund.Rules),
            ("bin", fund.BankBin), ("account", fund.BankAccount), ("account_name", fund.AccountName), ("by", by), ("at", fund.CreatedAt));
}

/// <summary>Reads of funds, outside any transaction.</summary>
internal sealed class FundStore(NpgsqlDataSource database)
{
    public async Task<Fund?> FindAsync(Guid id, CancellationToken ct) =>
        (await database.ListAsync($"select {Fund.Columns} from funds.funds f where f.id = @id", Fund.Read, ct, ("id", id))).SingleOrDefault();

    public Task<List<Fund>> OfUnitAsync(Guid unitId, Page page, CancellationToken ct) =>
        database.ListAsync($"""
            select {Fund.Columns} from funds.funds f
             where f.unit_id = @u and (@after is null or (f.created_at, f.id) > (select created_at, id from funds.funds where id = @after))
             order by f.created_at, f.id limit @n
            """, Fund.Read, ct, ("u", unitId), ("after", FundsPaging.After(page)), FundsPaging.Limit(page));

    /// <summary>Debits minus credits of each account of the fund.</summary>
    public async Task<Dictionary<string, long>> BalancesAsync(Guid fundId, CancellationToken ct) =>
        (await database.ListAsync("select account, debits - credits from funds.balances where fund_id = @f", r => (r.GetString(0), r.GetInt64(1)), ct, ("f", fundId)))
        .ToDictionary(x => x.Item1, x => x.Item2);

    public static async Task<Fund> LoadAsync(FundsSql sql, Guid fundId, CancellationToken ct) =>
        (await sql.ListAsync($"select {Fund.Columns} from funds.funds f where f.id = @id", Fund.Read, ct, ("id", fundId))).SingleOrDefault()
        ?? throw VapeException.NotFound("Không tìm thấy quỹ.");
}
