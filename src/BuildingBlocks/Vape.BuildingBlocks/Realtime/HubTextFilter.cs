using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;

namespace Vape.BuildingBlocks.Realtime;

/// <summary>
/// Hub text through the same check as GraphQL's (ADR 0100, ADR 0107): every string a client sends to any hub
/// method, as an argument or a property of an argument's record, on JSON and MessagePack alike, is refused with
/// INVALID_INPUT when it holds a control character (NUL included) or broken UTF-16, and is NFC-normalised otherwise,
/// before the method runs. Labels (<see cref="InputText.LabelFields"/>, a poll's question and options, codes such
/// as a status or a priority) also refuse invisible and direction characters; a reaction may hold the zero-width
/// joiner of an emoji but no direction character; bodies (chat, messages, questions) may hold them, shown isolated.
/// </summary>
internal sealed class HubTextFilter : IHubFilter
{
    /// <summary>Hub parameters and properties (besides the GraphQL label fields) that label or code something.</summary>
    private static readonly HashSet<string> HubLabels = new(StringComparer.OrdinalIgnoreCase) { "question", "options", "status", "priority" };

    private static readonly HashSet<string> Reactions = new(StringComparer.OrdinalIgnoreCase) { "reaction", "emoji" };

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> TextProperties = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var parameters = invocation.HubMethod.GetParameters();
        var arguments = invocation.HubMethodArguments;
        object?[]? cleaned = null;
        for (var i = 0; i < arguments.Count; i++)
        {
            var value = Clean(arguments[i], i < parameters.Length ? parameters[i].Name : null, depth: 0);
            if (ReferenceEquals(value, arguments[i])) continue;
            cleaned ??= [.. arguments];
            cleaned[i] = value;
        }
        return await next(cleaned is null ? invocation
            : new HubInvocationContext(invocation.Context, invocation.ServiceProvider, invocation.Hub, invocation.HubMethod, cleaned));
    }

    /// <summary>The value with its text checked and normalised (the same instance when nothing changed).</summary>
    private static object? Clean(object? value, string? name, int depth)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return Text(text, name);
            case string?[] texts:
                for (var i = 0; i < texts.Length; i++) texts[i] = texts[i] is null ? null : Text(texts[i]!, name);
                return texts;
            case IList<string?> list when !list.IsReadOnly:
                for (var i = 0; i < list.Count; i++) list[i] = list[i] is null ? null : Text(list[i]!, name);
                return list;
            case IEnumerable<string?> readOnly:
                return readOnly.Select(t => t is null ? null : Text(t, name)).ToList();
        }
        var type = value.GetType();
        if (depth >= 4 || type.IsPrimitive || type.IsEnum || type.Namespace?.StartsWith("Vape.", StringComparison.Ordinal) != true) return value;
        foreach (var property in TextProperties.GetOrAdd(type, Properties))
        {
            var before = property.GetValue(value);
            var after = Clean(before, property.Name, depth + 1);
            if (!ReferenceEquals(before, after) && property.CanWrite) property.SetValue(value, after);
        }
        return value;
    }

    private static PropertyInfo[] Properties(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.CanRead
            && (p.PropertyType == typeof(string) || typeof(IEnumerable<string>).IsAssignableFrom(p.PropertyType)
                || p.PropertyType.Namespace?.StartsWith("Vape.", StringComparison.Ordinal) == true))];

    private static string Text(string text, string? name)
    {
        var clean = InputText.Clean(text);
        if (name is null) return clean;
        if (InputText.LabelFields.Contains(char.ToLowerInvariant(name[0]) + name[1..]) || HubLabels.Contains(name))
            InputText.RequireLabel(clean);
        else if (Reactions.Contains(name) && clean.Any(c => c != '\u200d' && InputText.IsInvisibleOrDirection(c)))
            throw VapeException.InvalidInput("Biểu cảm không được chứa ký tự ẩn hay ký tự đổi chiều văn bản.");
        return clean;
    }
}
