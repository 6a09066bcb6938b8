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
        ErrorCodes.VersionConflict, ErrorCodes.RateLimited, ErrorCodes.TooManyInFlight, ErrorCodes.Timeout, ErrorCodes.Unavailable, ErrorCodes.Internal,
    ];

    public ErrorInfo GetInfo(ExecutionError error)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = CodeOf(error) };
        if (error.Data.Contains("correlationId")) extensions["correlationId"] = error.Data["correlationId"];
        var message = error.Message;
        if (RefusedValue(error) is { } refused)
        {
            // A value refused while the document was validated (InputText's checks, an argument's validator) says why in its own words.
            message = refused.Message;
        }
        else if (error is ValidationError { Number: not "DEPTH" } validation)
        {
            // The library's words stay for developers in `detail`; a person reads Vietnamese (ADR 0070).
            extensions["detail"] = error.Message;
            message = VietnameseValidation.Message(validation);
        }
        return new ErrorInfo { Message = message, Extensions = extensions };
    }

    private static VapeException? RefusedValue(ExecutionError error) =>
        error is ValidationError && error.InnerException is VapeException vape ? vape : null;

    internal static string CodeOf(ExecutionError error) => error switch
    {
        _ when RefusedValue(error) is { } vape => vape.Code,
        // A module's own codes (CLASS_ENDED, FILE_TOO_LARGE, ...) pass as they are.
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

/// <summary>GraphQL validation errors in Vietnamese, saying what to fix; the names the library quoted are kept.</summary>
internal static class VietnameseValidation
{
    public static string Message(ValidationError error)
    {
        var names = System.Text.RegularExpressions.Regex.Matches(error.Message, "['\"]([^'\"]+)['\"]").Select(m => $"`{m.Groups[1].Value}`").ToList();
        string Name(int i) => i < names.Count ? names[i] : "";
        var number = error.Number ?? "";
        return number switch
        {
            "5.3.1" => $"Không có trường {Name(0)} trong kiểu {Name(1)}: hãy xem tên trường trong schema.graphql.",
            "5.3.3" => $"Trường {Name(0)} là một đối tượng: hãy chọn các trường con của nó (hoặc bỏ phần chọn nếu nó là giá trị đơn).",
            "5.4.1" => $"Không có tham số {Name(0)} ở trường {Name(1)}: hãy xem các tham số trong schema.graphql.",
            "5.4.2.1" => $"Thiếu tham số bắt buộc {Name(1)} của trường {Name(0)}.",
            "5.5.1.2" => $"Không có kiểu {Name(0)}: hãy xem tên kiểu trong schema.graphql.",
            "5.6.1" => $"Giá trị của {Name(0)} không đúng kiểu {Name(1)}: hãy gửi đúng kiểu như trong schema.graphql (enum: tên viết hoa, ví dụ `DIGITAL_SKILLS`).",
            "5.8.3" => $"Biến {Name(0)} chưa được khai báo trong thao tác.",
            "5.8.4" => $"Biến {Name(0)} được khai báo nhưng không dùng: hãy bỏ nó đi.",
            "5.8.5" => $"Biến {Name(0)} không dùng được ở vị trí này (khác kiểu): hãy khai báo đúng kiểu như trong schema.graphql.",
            _ when number.StartsWith("5.8", StringComparison.Ordinal) =>
                $"Biến {Name(0)} không hợp lệ: hãy gửi giá trị đúng kiểu như trong schema.graphql (enum: tên viết hoa).",
            _ => $"Truy vấn GraphQL không hợp lệ (quy tắc {number} của đặc tả GraphQL): hãy sửa theo schema.graphql; chi tiết ở `extensions.detail`.",
        };
    }
}
