using System.Text.Json.Nodes;

namespace Vape.Records.Xapi;

/// <summary>What the filters of GET /statements look at, taken from a statement once when it is stored.</summary>
internal sealed record StatementIndex(
    string Verb, string[] Agents, string[] RelatedAgents, string? Activity, string[] RelatedActivities, Guid? Registration, Guid? Target,
    IReadOnlyList<(string Id, JsonObject Definition)> Definitions)
{
    public static StatementIndex Of(JsonObject s)
    {
        var agents = new List<string>();
        var related = new List<string>();
        var activities = new List<string>();
        var definitions = new List<(string, JsonObject)>();
        var o = s["object"]!.AsObject();
        var type = o["objectType"]?.GetValue<string>() ?? "Activity";
        if (s["actor"] is JsonObject actor && Actors.Ifi(actor) is { } a) agents.Add(a);
        if (type is "Agent" or "Group" && Actors.Ifi(o) is { } b) agents.Add(b);
        Collect(s, related, activities, definitions);
        related.AddRange(Actors.WithMembers(s["authority"]));
        if (type == "SubStatement") Collect(o, related, activities, definitions);
        Guid? registration = s["context"]?["registration"] is JsonValue r ? Guid.Parse(r.GetValue<string>()) : null;
        Guid? target = type == "StatementRef" ? Guid.Parse(o["id"]!.GetValue<string>()) : null;
        return new StatementIndex(s["verb"]!["id"]!.GetValue<string>(), [.. agents.Distinct()], [.. related.Distinct()],
            type == "Activity" ? o["id"]!.GetValue<string>() : null, [.. activities.Distinct()], registration, target, definitions);
    }

    private static void Collect(JsonObject s, List<string> agents, List<string> activities, List<(string, JsonObject)> definitions)
    {
        agents.AddRange(Actors.WithMembers(s["actor"]));
        var o = s["object"]!.AsObject();
        var type = o["objectType"]?.GetValue<string>() ?? "Activity";
        if (type is "Agent" or "Group") agents.AddRange(Actors.WithMembers(o));
        if (type == "Activity") AddActivity(o, activities, definitions);
        if (s["context"] is JsonObject c)
        {
            agents.AddRange(Actors.WithMembers(c["instructor"]));
            agents.AddRange(Actors.WithMembers(c["team"]));
            foreach (var ca in (c["contextAgents"] as JsonArray ?? []).OfType<JsonObject>()) agents.AddRange(Actors.WithMembers(ca["agent"]));
            foreach (var cg in (c["contextGroups"] as JsonArray ?? []).OfType<JsonObject>()) agents.AddRange(Actors.WithMembers(cg["group"]));
            if (c["contextActivities"] is JsonObject lists)
                foreach (var (_, value) in lists)
                {
                    if (value is JsonArray many) foreach (var one in many.OfType<JsonObject>()) AddActivity(one, activities, definitions);
                    else if (value is JsonObject single) AddActivity(single, activities, definitions);
                }
        }
    }

    private static void AddActivity(JsonObject a, List<string> activities, List<(string, JsonObject)> definitions)
    {
        var id = a["id"]!.GetValue<string>();
        activities.Add(id);
        if (a["definition"] is JsonObject d) definitions.Add((id, d.DeepClone().AsObject()));
    }
}
