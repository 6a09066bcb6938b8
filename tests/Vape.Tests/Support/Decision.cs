using System.Text.Json;
using Vape.BuildingBlocks.Errors;

namespace Vape.Tests.Support;

/// <summary>
/// What a pure decision gave (docs/adr/0112): its events (or its result), or the refusal's code and message. Every
/// given/when/then spec of a decider compares with it (ClassroomSpec, DirectiveSpec, ChannelSpec).
/// </summary>
internal sealed class Decision<T>
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private IReadOnlyList<T>? Events { get; init; }
    private VapeException? Refusal { get; init; }

    public static Decision<T> Of(Func<IReadOnlyList<T>> decide)
    {
        try
        {
            return new Decision<T> { Events = decide() };
        }
        catch (VapeException e)
        {
            return new Decision<T> { Refusal = e };
        }
    }

    /// <summary>Exactly these events, in this order (compared by value, arrays included).</summary>
    public void Then(params T[] expected)
    {
        Assert.True(Refusal is null, $"refused {Refusal?.Code}: {Refusal?.Message}");
        Assert.Equal(expected.Select(Show), Events!.Select(Show));
    }

    /// <summary>Accepted, and nothing changes (no event).</summary>
    public void ThenNothing() => Then();

    /// <summary>Refused with `code`, and a Vietnamese message (`message` in it, when given).</summary>
    public void ThenRefused(string code, string? message = null)
    {
        Assert.True(Refusal is not null, $"not refused: {string.Join(", ", (Events ?? []).Select(Show))}");
        Assert.Equal(code, Refusal!.Code);
        Assert.False(string.IsNullOrWhiteSpace(Refusal.Message));
        if (message is not null) Assert.Contains(message, Refusal.Message);
    }

    private static string Show(T e) => e!.GetType().Name + JsonSerializer.Serialize(e, e.GetType(), Json);
}

internal static class Decision
{
    /// <summary>A decision that gives one result (a directive, a guidance): accepted means that one result.</summary>
    public static Decision<T> One<T>(Func<T> decide) => Decision<T>.Of(() => [decide()]);
}
