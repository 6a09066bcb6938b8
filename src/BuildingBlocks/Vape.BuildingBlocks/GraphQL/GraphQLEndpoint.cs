using System.Reflection;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using Vape.BuildingBlocks.Errors;
using Microsoft.Extensions.Options;
using Vape.BuildingBlocks.Hosting;

namespace Vape.BuildingBlocks.GraphQL;

/// <summary>
/// GraphQL over HTTP (https://graphql.github.io/graphql-over-http/): POST with application/json, GET for
/// queries only, application/graphql-response+json or application/json answers with the status codes the
/// specification gives for each. GraphiQL for browsers. See docs/adr/0002-graphql-net.md.
/// </summary>
internal static class GraphQLEndpoint
{
    public const string Path = "/graphql";
    public const string GraphQLResponse = "application/graphql-response+json";
    private const string Json = "application/json";
    public const string RateLimitPolicy = "graphql";

    public static void MapVapeGraphQL(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(Path, [HttpMethods.Get, HttpMethods.Post], HandleAsync)
            .RequireRateLimiting(RateLimitPolicy).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet(Path + "/ui/{file}", ServeUiAsset).AllowAnonymous().ExcludeFromDescription();
    }

    private sealed record Limits(int MaxDocumentLength, int MaxBodyBytes, TimeSpan Timeout)
    {
        public static Limits From(GraphQLLimitsOptions o) => new(o.MaxDocumentLength, o.MaxBodyBytes, TimeSpan.FromSeconds(o.TimeoutSeconds));
    }

    private static async Task HandleAsync(HttpContext http, IDocumentExecuter<VapeSchema> executer,
        IGraphQLTextSerializer serializer, IOptions<GraphQLLimitsOptions> configured, ILoggerFactory loggers)
    {
        var request = http.Request;
        var media = Negotiate(request);
        var isGet = HttpMethods.IsGet(request.Method);

        if (isGet && media.Html && !request.Query.ContainsKey("query"))
        {
            await ServeUiAsset(http, "index.html");
            return;
        }
        if (media.Type is null)
        {
            await WriteErrorAsync(http, serializer, Json, 406, ErrorCodes.InvalidInput,
                $"Chỉ trả về {GraphQLResponse} hoặc {Json}.");
            return;
        }
        var limits = Limits.From(configured.Value);
        // A client with its cap of requests in flight is refused at once (ADR 0163).
        var gate = http.RequestServices.GetRequiredService<ClientGate>();
        using var place = gate.Enter(http);
        if (place is null)
        {
            http.Response.Headers.RetryAfter = "1";
            await WriteResultAsync(http, serializer, media, new ExecutionResult
            {
                Errors = [new ExecutionError(gate.Refusal) { Code = ErrorCodes.TooManyInFlight }], Executed = false,
            });
            return;
        }
        // A client whose minute this host saw spent is refused before its request is read (ADR 0109), after a moment
        // that costs it time, not the server's CPU (ADR 0163); said as it stands after that moment (when the minute
        // ended meanwhile, the request is read and charged as any other).
        var budget = http.RequestServices.GetService<CostBudget>();
        if (budget?.SpentAlready(http) is { } seen && await gate.HoldAsync(seen, http.RequestAborted) is null) return;
        if (budget?.SpentAlready(http) is { } spent)
        {
            http.Items[CostBudget.ItemKey] = spent;
            // Said whatever the media type (application/json answers 200).
            http.Response.Headers.RetryAfter = spent.ResetInSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await WriteResultAsync(http, serializer, media, new ExecutionResult
            {
                Errors = [new ExecutionError(CostBudget.Refusal(spent)) { Code = ErrorCodes.RateLimited }], Executed = false,
            });
            return;
        }

        GraphQLRequest? gql;
        string? problem;
        if (isGet)
            (gql, problem) = ReadQueryString(request.Query, serializer);
        else if (!IsJson(request.ContentType))
        {
            await WriteErrorAsync(http, serializer, media.Type, 415, ErrorCodes.InvalidInput,
                $"Content-Type phải là {Json}.");
            return;
        }
        else
            (gql, problem) = await ReadBodyAsync(request, serializer, limits.MaxBodyBytes, http.RequestAborted);

        if (gql is null || problem is not null)
        {
            await WriteErrorAsync(http, serializer, media.Type, problem == TooLarge ? 413 : 400, ErrorCodes.InvalidInput, problem ?? "Yêu cầu GraphQL không hợp lệ.");
            return;
        }
        if (gql.Query!.Length > limits.MaxDocumentLength)
        {
            await WriteErrorAsync(http, serializer, media.Type, 400, ErrorCodes.InvalidInput,
                $"Tài liệu GraphQL dài quá {limits.MaxDocumentLength} ký tự.");
            return;
        }

        GraphQLDocument document;
        try
        {
            document = Parser.Parse(gql.Query, new ParserOptions { MaxDepth = 64, Ignore = IgnoreOptions.Comments });
        }
        catch (GraphQLParserException e)
        {
            await WriteErrorAsync(http, serializer, media.Type, media.IsGraphQLResponse ? 400 : 200, ErrorCodes.InvalidInput,
                $"Không đọc được tài liệu GraphQL: {e.Description}");
            return;
        }

        if (isGet && SelectedOperation(document, gql.OperationName) is { Operation: not OperationType.Query })
        {
            http.Response.Headers.Allow = "POST";
            await WriteErrorAsync(http, serializer, media.Type, 405, ErrorCodes.InvalidInput,
                "Chỉ được gửi truy vấn (query) bằng GET; thay đổi (mutation) phải dùng POST.");
            return;
        }

        var logger = loggers.CreateLogger("Vape.GraphQL");
        var correlationId = http.TraceIdentifier;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        timeout.CancelAfter(limits.Timeout);
        ExecutionResult result;
        try
        {
            result = await executer.ExecuteAsync(new ExecutionOptions
            {
                Query = gql.Query,
                Document = document,
                OperationName = gql.OperationName,
                Variables = gql.Variables,
                Extensions = gql.Extensions,
                User = http.User,
                RequestServices = http.RequestServices,
                CancellationToken = timeout.Token,
                UnhandledExceptionDelegate = ctx => VapeErrorInfoProvider.MapUnhandled(ctx, correlationId,
                    e => logger.LogError(e, "GraphQL resolver failed ({CorrelationId})", correlationId)),
            });
        }
        catch (OperationCanceledException) when (!http.RequestAborted.IsCancellationRequested)
        {
            await WriteErrorAsync(http, serializer, media.Type, 504, ErrorCodes.Timeout,
                $"Yêu cầu chạy quá {limits.Timeout.TotalSeconds:0} giây.");
            return;
        }
        // The refusal that found the client's minute spent waits as the next ones will (ADR 0163).
        if (!result.Executed && http.Items[CostBudget.ItemKey] is RequestCost charged && charged.Spent > charged.Limit)
        {
            if (await gate.HoldAsync(charged, http.RequestAborted) is not { } held) return;
            http.Items[CostBudget.ItemKey] = held;
            // Its message says the seconds left after the moment, as Retry-After does.
            var errors = new ExecutionErrors();
            foreach (var error in result.Errors ?? [])
                errors.Add(VapeErrorInfoProvider.CodeOf(error) == ErrorCodes.RateLimited ? new ExecutionError(CostBudget.Refusal(held)) { Code = ErrorCodes.RateLimited } : error);
            result.Errors = errors;
        }

        await WriteResultAsync(http, serializer, media, result);
    }

    /// <summary>
    /// Writes an answer: what the document cost and what is left of the client's minute (ADR 0109), as GitHub's
    /// `rateLimit` tells, the status of the specification, Retry-After on a 429, and the negotiated media type.
    /// </summary>
    private static async Task WriteResultAsync(HttpContext http, IGraphQLTextSerializer serializer, Media media, ExecutionResult result)
    {
        var cost = WithCost(http, result);
        http.Response.StatusCode = StatusFor(result, media.IsGraphQLResponse);
        if (http.Response.StatusCode == 429 && http.Response.Headers.RetryAfter.Count == 0)
            http.Response.Headers.RetryAfter = (cost?.ResetInSeconds ?? 60).ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.ContentType = media.Type + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    /// <summary>Status codes of the specification: 200 for application/json; for graphql-response+json, 4xx when nothing executed.</summary>
    private static int StatusFor(ExecutionResult result, bool graphQLResponse)
    {
        if (!graphQLResponse || result.Executed) return 200;
        var codes = result.Errors?.Select(VapeErrorInfoProvider.CodeOf).Distinct().ToList() ?? [];
        if (codes.Count == 0) return 400;
        if (codes.All(c => c == ErrorCodes.NotAuthenticated)) return 401;
        if (codes.All(c => c is ErrorCodes.RateLimited or ErrorCodes.TooManyInFlight)) return 429;
        if (codes.All(c => c is ErrorCodes.NotAuthenticated or ErrorCodes.NotAllowed)) return 403;
        return 400;
    }

    private static GraphQLOperationDefinition? SelectedOperation(GraphQLDocument document, string? name)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        return name is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.Value == name);
    }

    private const string TooLarge = "Yêu cầu quá lớn.";

    private static async Task<(GraphQLRequest?, string?)> ReadBodyAsync(HttpRequest request, IGraphQLTextSerializer serializer, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes) return (null, TooLarge);
        using var buffer = new MemoryStream();
        var chunk = new byte[16_384];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes) return (null, TooLarge);
            buffer.Write(chunk, 0, read);
        }
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(buffer.ToArray());
        }
        catch (JsonException)
        {
            return (null, "Thân yêu cầu không phải JSON hợp lệ.");
        }
        using (json)
        {
            try
            {
                return ReadRequest(json.RootElement, serializer);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException or JsonException)
            {
                // System.Text.Json refuses to turn invalid UTF-8 or a lone surrogate (\ud800) into a string.
                return (null, BrokenText);
            }
        }
    }

    private const string BrokenText = "Thân yêu cầu chứa văn bản hỏng (UTF-8 không hợp lệ hoặc nửa cặp UTF-16).";

    private static (GraphQLRequest?, string?) ReadRequest(JsonElement root, IGraphQLTextSerializer serializer)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return (null, "Thân yêu cầu phải là một đối tượng JSON (không hỗ trợ gửi theo lô).");
        string? Text(string name, out string? error)
        {
            error = null;
            if (!root.TryGetProperty(name, out var p) || p.ValueKind == JsonValueKind.Null) return null;
            if (p.ValueKind == JsonValueKind.String) return p.GetString();
            error = $"`{name}` phải là chuỗi.";
            return null;
        }
        var query = Text("query", out var queryError);
        var operationName = Text("operationName", out var opError);
        if ((queryError ?? opError) is { } e) return (null, e);
        if (string.IsNullOrWhiteSpace(query)) return (null, "Thiếu `query`.");
        Inputs? variables = null, extensions = null;
        foreach (var name in new[] { "variables", "extensions" })
        {
            if (!root.TryGetProperty(name, out var p) || p.ValueKind == JsonValueKind.Null) continue;
            if (p.ValueKind != JsonValueKind.Object) return (null, $"`{name}` phải là đối tượng JSON.");
            var inputs = serializer.ReadNode<Inputs>(p);
            if (name == "variables") variables = inputs; else extensions = inputs;
        }
        return (new GraphQLRequest { Query = query, OperationName = operationName, Variables = variables, Extensions = extensions }, null);
    }

    private static (GraphQLRequest?, string?) ReadQueryString(IQueryCollection query, IGraphQLTextSerializer serializer)
    {
        var text = query["query"].ToString();
        if (string.IsNullOrWhiteSpace(text)) return (null, "Thiếu tham số `query`.");
        try
        {
            var variables = query.TryGetValue("variables", out var v) && !string.IsNullOrEmpty(v) ? serializer.Deserialize<Inputs>(v.ToString()) : null;
            var extensions = query.TryGetValue("extensions", out var x) && !string.IsNullOrEmpty(x) ? serializer.Deserialize<Inputs>(x.ToString()) : null;
            var op = query["operationName"].ToString();
            return (new GraphQLRequest { Query = text, OperationName = op.Length == 0 ? null : op, Variables = variables, Extensions = extensions }, null);
        }
        catch (JsonException)
        {
            return (null, "`variables` hoặc `extensions` không phải JSON hợp lệ.");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            return (null, BrokenText);
        }
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media) && media.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase);

    private readonly record struct Media(string? Type, bool Html)
    {
        public bool IsGraphQLResponse => Type == GraphQLResponse;
    }

    /// <summary>graphql-response+json when the client names it; application/json for `*/*`, `application/*`, legacy clients and no Accept.</summary>
    private static Media Negotiate(HttpRequest request)
    {
        var accepts = request.GetTypedHeaders().Accept;
        if (accepts.Count == 0) return new Media(Json, false);
        string? chosen = null;
        double best = -1;
        var html = false;
        foreach (var a in accepts.OrderByDescending(a => a.Quality ?? 1))
        {
            var type = a.MediaType.Value?.ToLowerInvariant();
            var q = a.Quality ?? 1;
            if (type == "text/html") html = true;
            string? candidate = type switch
            {
                GraphQLResponse => GraphQLResponse,
                Json => Json,
                // GraphQL over HTTP: a client that accepts anything (curl, fetch, many mobile libraries) gets application/json.
                "application/*" or "*/*" => Json,
                _ => null,
            };
            if (candidate is not null && (q > best || (q == best && candidate == GraphQLResponse && chosen != GraphQLResponse)))
            {
                chosen = candidate;
                best = q;
            }
        }
        return new Media(chosen, html);
    }

    private static async Task WriteErrorAsync(HttpContext http, IGraphQLTextSerializer serializer, string mediaType, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        var error = new ExecutionError(message) { Code = code };
        var result = new ExecutionResult { Errors = [error], Executed = false };
        // A document charged and then timed out says what it cost, as every charged answer does.
        WithCost(http, result);
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    /// <summary>Adds what the request's document cost and what is left of the client's minute, when it was charged.</summary>
    private static RequestCost? WithCost(HttpContext http, ExecutionResult result)
    {
        var cost = http.Items[CostBudget.ItemKey] as RequestCost;
        if (cost is not null)
            (result.Extensions ??= new())["cost"] = new Dictionary<string, object>
            {
                ["requested"] = cost.Requested, ["spent"] = cost.Spent, ["limit"] = cost.Limit, ["resetInSeconds"] = cost.ResetInSeconds,
            };
        return cost;
    }

    private static readonly Assembly Assets = typeof(GraphQLEndpoint).Assembly;

    private static async Task ServeUiAsset(HttpContext http, string file)
    {
        var contentType = System.IO.Path.GetExtension(file) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            _ => null,
        };
        await using var stream = contentType is null ? null : Assets.GetManifestResourceStream("graphiql/" + file);
        if (stream is null)
        {
            http.Response.StatusCode = 404;
            return;
        }
        http.Response.ContentType = contentType;
        http.Response.Headers.CacheControl = file == "index.html" ? "no-cache" : "public, max-age=86400";
        await stream.CopyToAsync(http.Response.Body, http.RequestAborted);
    }
}
