namespace Vape.BuildingBlocks.Errors;

/// <summary>The stable codes a client can act on. They appear in GraphQL `extensions.code` and in hub errors.</summary>
public static class ErrorCodes
{
    public const string InvalidInput = "INVALID_INPUT";
    public const string NotAuthenticated = "NOT_AUTHENTICATED";
    public const string NotAllowed = "NOT_ALLOWED";
    public const string NotFound = "NOT_FOUND";
    public const string VersionConflict = "VERSION_CONFLICT";
    public const string RateLimited = "RATE_LIMITED";
    /// <summary>A client with its cap of requests in flight sent one more (ADR 0163): refused at once, HTTP 429.</summary>
    public const string TooManyInFlight = "TOO_MANY_IN_FLIGHT";
    public const string Timeout = "TIMEOUT";
    /// <summary>The database (or another part Vape needs) is away for a moment; the same request can be retried.</summary>
    public const string Unavailable = "UNAVAILABLE";
    public const string Internal = "INTERNAL";
    /// <summary>A hub frame over the size limit: the connection is closed with this code as its reason.</summary>
    public const string MessageTooLarge = "MESSAGE_TOO_LARGE";
}

/// <summary>An error the caller caused and can fix; its message is shown to the client as is.</summary>
public class VapeException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    public static VapeException InvalidInput(string message) => new(ErrorCodes.InvalidInput, message);
    public static VapeException NotFound(string message) => new(ErrorCodes.NotFound, message);
    public static VapeException NotAllowed(string message = "Bạn không có quyền thực hiện thao tác này.") => new(ErrorCodes.NotAllowed, message);
    public static VapeException NotAuthenticated() => new(ErrorCodes.NotAuthenticated, "Cần đăng nhập.");
    /// <summary>A moment without the database (a restart, a full pool, a timeout): the client should try again (UNAVAILABLE).</summary>
    public static bool IsTransient(Exception e) => e is Npgsql.NpgsqlException { IsTransient: true } or TimeoutException;

    public static VapeException Unavailable() => new(ErrorCodes.Unavailable, "Hệ thống tạm thời gián đoạn; hãy thử lại sau giây lát.");
    public static VapeException VersionConflict(string message = "Dữ liệu đã bị người khác thay đổi; hãy tải lại rồi thử lại.") => new(ErrorCodes.VersionConflict, message);
}
