using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Vape.BuildingBlocks.Errors;

/// <summary>
/// Turns a <see cref="VapeException"/> thrown by an HTTP endpoint (uploads, downloads, exports) into a problem
/// response with its code, the way GraphQL shows it in `extensions.code`. Everything else stays a 500.
/// </summary>
internal sealed class VapeExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (VapeException.IsTransient(exception)) exception = VapeException.Unavailable();
        if (exception is not VapeException error) return false;
        var status = error.Code switch
        {
            ErrorCodes.NotAuthenticated => StatusCodes.Status401Unauthorized,
            ErrorCodes.NotAllowed => StatusCodes.Status403Forbidden,
            ErrorCodes.NotFound => StatusCodes.Status404NotFound,
            ErrorCodes.VersionConflict => StatusCodes.Status409Conflict,
            ErrorCodes.RateLimited => StatusCodes.Status429TooManyRequests,
            ErrorCodes.Unavailable => StatusCodes.Status503ServiceUnavailable,
            "FILE_TOO_LARGE" => StatusCodes.Status413PayloadTooLarge,
            _ => StatusCodes.Status400BadRequest,
        };
        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = error.Message, Extensions = { ["code"] = error.Code } },
        });
    }
}
