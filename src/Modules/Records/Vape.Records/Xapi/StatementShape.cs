using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Vape.Records.Xapi;

/// <summary>What the LRS makes of a valid statement before storing or comparing it: context activities as arrays,
/// durations compared to the hundredth of a second (xAPI 2.0 4.2.7).</summary>
internal static partial class StatementShape
{
    [GeneratedRegex(@"(\d+)\.(\d+)S$")]
    private static partial Regex FractionalSeconds();

    public static void Normalize(JsonObject s)
    {
        Arrays(s["context"] as JsonObject);
        if (s["object"] is JsonObject { } o && o["objectType"]?.GetValue<string>() == "SubStatement") Arrays(o["context"] as JsonObject);
    }

    /// <summary>For comparisons only: the duration with no more than two decimals of seconds.</summary>
    public static void TruncateDurations(JsonObject s)
    {
        Truncate(s["result"] as JsonObject);
        if (s["object"] is JsonObject { } o && o["objectType"]?.GetValue<string>() == "SubStatement") Truncate(o["result"] as JsonObject);
    }

    private static void Truncate(JsonObject? result)
    {
        if (result?["duration"] is not JsonValue d || !d.TryGetValue<string>(out var text)) return;
        result["duration"] = FractionalSeconds().Replace(text, m =>
        {
            var fraction = m.Groups[2].Value.Length > 2 ? m.Groups[2].Value[..2] : m.Groups[2].Value;
            fraction = fraction.TrimEnd('0');
            return fraction.Length == 0 ? $"{m.Groups[1].Value}S" : $"{m.Groups[1].Value}.{fraction}S";
        });
    }

    private static void Arrays(JsonObject? context)
    {
        if (context?["contextActivities"] is not JsonObject lists) return;
        foreach (var key in lists.Select(p => p.Key).ToList())
            if (lists[key] is JsonObject single) lists[key] = new JsonArray(single.DeepClone());
    }
}
