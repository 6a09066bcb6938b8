using Serilog.Core;
using Serilog.Events;
using Vape.BuildingBlocks.Errors;

namespace Vape.BuildingBlocks.Observability;

/// <summary>
/// Frameworks log the messages they handle ("Invocation of {Message} failed!"), and a message's text can hold
/// a citizen's name. Any Vape object that reaches a log property, or a record printed as text, is replaced by its
/// type name, so no message, command or document content is ever written to a log.
/// </summary>
internal sealed partial class PersonalDataScrubber : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<(string, LogEventPropertyValue)>? replacements = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            if (value is ScalarValue { Value: { } v } && v.GetType().Namespace?.StartsWith("Vape.", StringComparison.Ordinal) == true)
                (replacements ??= []).Add((name, new ScalarValue(v.GetType().Name)));
            // Wolverine passes a failed invocation's message already turned into text ("UpdateMember { FullName = ... }").
            else if (value is ScalarValue { Value: string text } && PrintedRecord().Match(text) is { Success: true } printed)
                (replacements ??= []).Add((name, new ScalarValue(printed.Groups[1].Value)));
        }
        if (replacements is null) return;
        foreach (var (name, value) in replacements) logEvent.AddOrUpdateProperty(new LogEventProperty(name, value));
    }

    /// <summary>A record as C# prints it: its type's name, then its properties with their values.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^([A-Z]\w*) \{ (?:\w+ = |\})")]
    private static partial System.Text.RegularExpressions.Regex PrintedRecord();

    /// <summary>A <see cref="VapeException"/> is the caller's mistake, already answered with its code: not an error of the host.</summary>
    public static bool IsClientError(LogEvent logEvent) => logEvent.Exception is VapeException
        || logEvent.Exception?.InnerException is VapeException;
}
