using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;
using Vape.BuildingBlocks.Storage;

namespace Vape.Funds;

/// <summary>
/// Pages of the module's lists by keyset: a cursor is the id of the last row shown, and the next page starts after that
/// row's place in the list's order (looked up in the query), so a row added meanwhile neither repeats nor skips one.
/// </summary>
internal static class FundsPaging
{
    /// <summary>The id `after` points past, or null on the first page; a cursor that is no id is `INVALID_INPUT`.</summary>
    public static Npgsql.NpgsqlParameter After(Page page) =>
        Sql.Typed<Guid?>("after", page.AfterKey is not { } key ? null
            : Guid.TryParse(key, out var id) ? id : throw VapeException.InvalidInput("Con trỏ phân trang (`after`) không hợp lệ."),
            NpgsqlTypes.NpgsqlDbType.Uuid);

    /// <summary>`first` + 1 rows, so that the page knows whether another follows.</summary>
    public static (string, object?) Limit(Page page) => ("n", page.First + 1);
}
