using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Vape.BuildingBlocks.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StackExchange.Redis;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.ScaleOut;

namespace Vape.BuildingBlocks.GraphQL;

/// <summary>What a request's document cost, and what is left of its client's minute (returned in `extensions.cost`).</summary>
internal sealed record RequestCost(int Requested, long Spent, long Limit, int ResetInSeconds);

/// <summary>
/// Limits count the work a document asks for, not requests (issue #28, ADR 0109). A document's cost is known before
/// it runs (GraphQL.NET's complexity analysis: one per field, lists times their `first`, and
/// <see cref="SearchCost"/> for a search); each client (a person, else a signed-in subject, else an address) may
/// spend a budget a minute, anonymous and signed-in alike. The count is shared by every host: in Redis when it is
/// configured, else in PostgreSQL (`vape.graphql_cost`); nothing is counted in one host's memory.
/// </summary>
internal sealed class CostBudget(IOptions<GraphQLLimitsOptions> limits, NpgsqlDataSource database, IServiceProvider services, TimeProvider clock)
{
    /// <summary>What one search field costs (a trigram search over the tree or the library), whatever it returns.</summary>
    public const int SearchCost = 100;

    internal const string ItemKey = "vape.cost";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly long _anonymous = limits.Value.AnonymousCostPerMinute;
    private readonly long _signedIn = limits.Value.SignedInCostPerMinute;
    private readonly SharedRedis? _redis = services.GetService<SharedRedis>();
    private readonly string _databaseKey = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database ?? "vape";

    /// <summary>
    /// The clients this host has seen spend their minute, with that minute and what they had spent: their next requests
    /// in it are refused before they are read (a flood then costs a dictionary lookup, not a parse and a charge). Only a
    /// hint: the count every host shares stays the truth, and a host without the hint charges and refuses as before.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long Window, long Spent, long Limit)> _overBudget = new();

    /// <summary>The refusal for a client whose minute this host saw spent, before anything of its request is read; else null.</summary>
    public RequestCost? SpentAlready(HttpContext http)
    {
        if (_overBudget.IsEmpty) return null;
        var (window, reset) = CurrentWindow();
        if (!_overBudget.TryGetValue(ClientOf(http), out var seen) || seen.Window != window) return null;
        return new RequestCost(0, seen.Spent, seen.Limit, reset);
    }

    /// <summary>The minute now (its number since the epoch) and the seconds until it ends.</summary>
    private (long Window, int ResetInSeconds) CurrentWindow()
    {
        var seconds = clock.GetUtcNow().ToUnixTimeSeconds();
        var length = (long)Window.TotalSeconds;
        var window = seconds / length;
        return (window, (int)((window + 1) * length - seconds));
    }

    /// <summary>The message of a refusal (Vietnamese, saying what to do).</summary>
    public static string Refusal(RequestCost cost) => cost.Requested > 0
        ? $"Truy vấn này tốn {cost.Requested:N0} điểm; mỗi phút được {cost.Limit:N0} điểm và đã dùng hết. Hãy thử lại sau {cost.ResetInSeconds} giây, hoặc xin ít dữ liệu hơn."
        : $"Mỗi phút được {cost.Limit:N0} điểm và đã dùng hết. Hãy thử lại sau {cost.ResetInSeconds} giây.";

    /// <summary>
    /// The field costs: what a field declares (<see cref="FieldCosts.Cost"/>, ADR 0162), else a search is
    /// <see cref="SearchCost"/>, else as GraphQL.NET counts; what it lists is multiplied as GraphQL.NET counts.
    /// </summary>
    public static FieldComplexityResult Impact(FieldImpactContext context, Func<FieldImpactContext, FieldComplexityResult> standard)
    {
        if (context.FieldDefinition.Name is "__schema" or "__type") return new FieldComplexityResult(1, 0);
        var result = standard(context);
        if (context.FieldDefinition.DeclaredCost() is int declared) return new FieldComplexityResult(declared, result.ChildImpactMultiplier);
        return context.FieldDefinition.Name.StartsWith("search", StringComparison.Ordinal)
            ? new FieldComplexityResult(SearchCost, result.ChildImpactMultiplier)
            : result;
    }

    /// <summary>Charges the document to its client (after the per-document limits passed); over the budget: RATE_LIMITED, nothing runs.</summary>
    public async Task ChargeAsync(ComplexityValidationContext context)
    {
        var http = context.ValidationContext.RequestServices?.GetService<IHttpContextAccessor>()?.HttpContext;
        if (http is null) return;
        var cost = (int)Math.Ceiling(context.TotalImpact);
        var user = context.ValidationContext.User;
        var limit = user.IsSignedIn() ? _signedIn : _anonymous;
        var (window, reset) = CurrentWindow();
        var client = ClientOf(http);
        var spent = await SpendAsync(client, window, cost, http.RequestAborted);
        var charged = new RequestCost(cost, spent, limit, reset);
        http.Items[ItemKey] = charged;
        if (spent <= limit) return;
        if (_overBudget.Count > 10_000)
            foreach (var (key, seen) in _overBudget)
                if (seen.Window < window) _overBudget.TryRemove(key, out _);
        _overBudget[client] = (window, spent, limit);
        var message = Refusal(charged);
        context.Error = new ValidationError(context.ValidationContext.Document.Source, "COST", message,
            new VapeException(ErrorCodes.RateLimited, message), context.ValidationContext.Operation);
    }

    /// <summary>Who pays: the person, else the signed-in subject, else the address.</summary>
    internal static string ClientOf(HttpContext http) =>
        http.User.PersonId() is Guid person ? "person:" + person
        : http.User.IsSignedIn() && (http.User.FindFirst("sub") ?? http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)) is { } sub
            ? "subject:" + sub.Issuer + "|" + sub.Value
            : "address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "local");

    /// <summary>Adds the cost to the client's window and returns the window's total, on every host's shared count.</summary>
    private async Task<long> SpendAsync(string client, long window, int cost, CancellationToken ct)
    {
        if (_redis is not null)
        {
            try
            {
                var redis = (await _redis.ConnectAsync()).GetDatabase();
                var key = $"vape:cost:{_databaseKey}:{client}:{window}";
                // The increment and the key's expiry in one MULTI/EXEC (one round trip): a key is never left without
                // an expiry by a call that failed between the two.
                var both = redis.CreateTransaction();
                var spent = both.StringIncrementAsync(key, cost);
                var expiry = both.KeyExpireAsync(key, Window + TimeSpan.FromSeconds(5));
                if (!await both.ExecuteAsync()) throw new RedisException("the cost count's transaction did not run");
                await expiry;
                return await spent;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                // Redis away for a moment: PostgreSQL counts meanwhile, so the limit still holds across hosts.
            }
        }
        try
        {
            await using var cmd = database.CreateCommand("""
                insert into vape.graphql_cost (client, window_start, spent) values (@c, @w, @n)
                on conflict (client, window_start) do update set spent = vape.graphql_cost.spent + excluded.spent
                returning spent
                """);
            cmd.Parameters.AddWithValue("c", client);
            cmd.Parameters.AddWithValue("w", window);
            cmd.Parameters.AddWithValue("n", (long)cost);
            var spent = (long)(await cmd.ExecuteScalarAsync(ct))!;
            if (Random.Shared.Next(1000) == 0)
            {
                // Now and then, whichever host charges drops the minutes that are over.
                await using var prune = database.CreateCommand("delete from vape.graphql_cost where window_start < @w");
                prune.Parameters.AddWithValue("w", window - 1);
                await prune.ExecuteNonQueryAsync(ct);
            }
            return spent;
        }
        catch (Exception e) when (VapeException.IsTransient(e))
        {
            // The database away: the request meets the same outage and answers UNAVAILABLE in its own shape.
            return 0;
        }
    }
}
