using System.Text.Json.Nodes;
using Npgsql;

namespace Vape.Records.Xapi;

/// <summary>The Activities resource (an activity's latest definition) and the Agents resource (a Person object for an agent).</summary>
internal sealed class XapiLookups(NpgsqlDataSource database)
{
    public async Task<JsonObject> ActivityAsync(XapiRequest request, Guid[] scope, CancellationToken ct)
    {
        foreach (var k in request.Query.Keys)
            if (k != "activityId") throw XapiError.Invalid($"Tham số `{k}` không có trong tài nguyên /activities.");
        var id = request.Param("activityId") ?? throw XapiError.Invalid("Thiếu tham số `activityId`.");
        if (!StatementRules.IsIri(id)) throw XapiError.Invalid("`activityId` phải là IRI.");
        await using var cmd = database.CreateCommand("select definition::text from records.xapi_activities where id = @id and unit_id = any(@scope) limit 1");
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("scope", scope);
        var activity = new JsonObject { ["objectType"] = "Activity", ["id"] = id };
        if (await cmd.ExecuteScalarAsync(ct) is string definition) activity["definition"] = JsonNode.Parse(definition);
        return activity;
    }

    /// <summary>
    /// The Person object for an agent: the agent's own name and identifiers, each as a one-item list. Vape joins no
    /// identities of one person (xAPI lets an LRS that knows nothing more answer just what it was given), so nothing is
    /// read and nothing outside the caller's scope can show.
    /// </summary>
    public static JsonObject Person(XapiRequest request)
    {
        foreach (var k in request.Query.Keys)
            if (k != "agent") throw XapiError.Invalid($"Tham số `{k}` không có trong tài nguyên /agents.");
        var (agent, _) = Actors.Parse(request.Param("agent"));
        var person = new JsonObject { ["objectType"] = "Person" };
        if (agent["name"] is { } name) person["name"] = new JsonArray(name.DeepClone());
        foreach (var ifi in new[] { "mbox", "mbox_sha1sum", "openid", "account" })
            if (agent[ifi] is { } value) person[ifi] = new JsonArray(value.DeepClone());
        return person;
    }
}
