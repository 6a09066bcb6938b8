using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.Exceptions;
using Vape.BuildingBlocks.Errors;

namespace Vape.BuildingBlocks.GraphQL;

/// <summary>Every GraphQL error carries one of the stable codes in `extensions.code`, and nothing internal.</summary>
internal sealed class VapeErrorInfoProvider : IErrorInfoProvider
{
    private static readonly HashSet<string> Known =
    [
        ErrorCodes.InvalidInput, ErrorCodes.NotAuthenticated, ErrorCodes.NotAllowed, ErrorCodes.NotFound,
        ErrorCodes.VersionConflict, ErrorCodes.RateLimited, ErrorCodes.Timeout, ErrorCodes.Unavailable, ErrorCodes.Internal,
    ];

    public ErrorInfo GetInfo(ExecutionError error)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = CodeOf(error) };
        if (error.Data.Contains("correlationId")) extensions["correlationId"] = error.Data["correlationId"];
        // A value refused while the document was validated (InputText's checks, an argument's validator) says why in its own words.
        return new ErrorInfo { Message = RefusedValue(error)?.Message ?? error.Message, Extensions = extensions };
    }

    private static VapeException? RefusedValue(ExecutionError error) =>
        error is ValidationError && error.InnerException is VapeException vape ? vape : null;

    internal static string CodeOf(ExecutionError error) => error switch
    {
        _ when RefusedValue(error) is { } vape => vape.Code,
        // A module's own codes (CLASS_FULL, FILE_TOO_LARGE, ...) pass as they are.
        VapeExecutionError => error.Code!,
        _ when error.Code is not null && Known.Contains(error.Code) => error.Code,
        ValidationError or SyntaxError or InvalidOperationError or DocumentError => ErrorCodes.InvalidInput,
        _ when error.InnerException is GraphQLSyntaxErrorException => ErrorCodes.InvalidInput,
        _ => ErrorCodes.Internal,
    };

    /// <summary>Maps what a resolver threw: a <see cref="VapeException"/> shows its message; anything else is masked.</summary>
    internal static Task MapUnhandled(UnhandledExceptionContext context, string correlationId, Action<Exception> log)
    {
        switch (context.OriginalException)
        {
            case VapeException vape:
                context.Exception = new VapeExecutionError(vape.Message) { Code = vape.Code };
                break;
            case { } e when VapeException.IsTransient(e):
                context.Exception = new ExecutionError(VapeException.Unavailable().Message) { Code = ErrorCodes.Unavailable };
                break;
            case JasperFx.ConcurrencyException:
                context.Exception = new ExecutionError(VapeException.VersionConflict().Message) { Code = ErrorCodes.VersionConflict };
                break;
            case OperationCanceledException:
                context.Exception = new ExecutionError("Yêu cầu bị hủy hoặc quá thời gian.") { Code = ErrorCodes.Timeout };
                break;
            default:
                log(context.OriginalException);
                var masked = new ExecutionError($"Lỗi nội bộ. Mã tra cứu: {correlationId}") { Code = ErrorCodes.Internal };
                masked.Data["correlationId"] = correlationId;
                context.Exception = masked;
                break;
        }
        return Task.CompletedTask;
    }
}

/// <summary>An error a module raised on purpose, with its own stable code.</summary>
internal sealed class VapeExecutionError(string message) : ExecutionError(message);
