using System.Text.Json.Nodes;
using Vape.Tests.Support;

namespace Vape.Tests.Platform;

/// <summary>
/// ADR 0070's order of checks, walked over every mutation the server serves (issue #25): a signed-in learner with no
/// rights sends each mutation an input that parses but is bad (blank strings, ids that name nothing, negative
/// numbers). A mutation a learner may not do at all answers NOT_ALLOWED (who may do it comes first), never
/// INVALID_INPUT or NOT_FOUND, which would tell the caller about the input or about what exists.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class OrderOfChecksTests(VapeApp app) : IAsyncLifetime
{
    // Start from the demo data: what an earlier test left (a phone on file, say) must not decide what the walk hears.
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// What a learner does for themself (or may do on something of theirs): for these a bad input may be INVALID_INPUT
    /// and an id that names nothing NOT_FOUND; the walk only checks that they refuse and change nothing.
    /// </summary>
    internal static readonly HashSet<string> LearnersOwn =
    [
        "enrolInClass", "leaveClass", "joinClassMedia", "createCalendarFeed", "revokeCalendarFeed",
        "submitResource", "rateResource", "viewResource",
        "createChannel", "leaveChannel", "postMessage", "editMessage", "deleteMessage", "reactToMessage",
        "acknowledgeMessage", "markChannelRead",
        "pledgeDonation",
        "claimMembership", "requestMembership", "withdrawMembershipRequest", "deleteMyAccount",
        "declareActivity", "addCredential", "setRecordConsent", "requestRecordErasure",
        "linkXapiAccount",
        "markNotificationsRead", "subscribeWebPush", "unsubscribeWebPush", "setNotificationPreference", "setQuietHours",
        "requestContactChange", "confirmContactChange", "removeMyContact", "revokeBadge",
    ];

    /// <summary>
    /// The refusals that may come first. NOT_FOUND too: every input names its target by id, and whether the caller may act
    /// depends on where that target sits in the tree, so an id that names nothing is NOT_FOUND for everyone, as a malformed
    /// one is INVALID_INPUT (ADR 0072). What was sent besides the id, and the target's state, come only after permission.
    /// </summary>
    private static readonly HashSet<string> Refusals = ["NOT_ALLOWED", "NOT_AUTHENTICATED", "NOT_FOUND"];

    /// <summary>Not in order yet, with what each answers today: the list only shrinks (empty since the third session, ADR 0073).</summary>
    private static readonly Dictionary<string, string> NotYetInOrder = new();

    [Fact]
    public async Task A_learner_with_no_rights_hears_NOT_ALLOWED_before_anything_about_a_bad_input()
    {
        var introspection = await app.GraphQL(ApiConventionTests.StandardIntrospectionQuery);
        introspection.HasErrors.ShouldBeFalse(introspection.Body);
        var types = introspection.Data["__schema"]!["types"]!.AsArray()
            .ToDictionary(t => t!["name"]!.GetValue<string>(), t => t!);
        var mutations = types["Mutation"]["fields"]!.AsArray().Select(f => f!).ToList();
        mutations.Count.ShouldBeGreaterThan(50);
        var names = mutations.Select(m => m["name"]!.GetValue<string>()).ToHashSet();
        LearnersOwn.Concat(NotYetInOrder.Keys).Except(names).ShouldBeEmpty("the lists name mutations that exist");

        var token = await new DemoTokens(app).For("learner");
        var problems = new List<string>();
        foreach (var mutation in mutations)
        {
            var name = mutation["name"]!.GetValue<string>();
            var inputType = Named(mutation["args"]![0]!["type"]!);
            var result = Named(mutation["type"]!);
            var query = $"mutation($i: {inputType}!) {{ {name}(input: $i) {{ __typename }} }}";
            var input = BadValue(types, mutation["args"]![0]!["type"]!);
            var response = await app.GraphQL(query, new Dictionary<string, object?> { ["i"] = input }, token);
            var code = response.FirstErrorCode;
            if (code is null) { problems.Add($"{name}: accepted from a learner ({response.Body})"); continue; }
            if (response.Json?["data"] is JsonObject data && data.Any(p => p.Value is not null)) problems.Add($"{name}: answered data with {code}");
            if (LearnersOwn.Contains(name)) continue;
            if (NotYetInOrder.TryGetValue(name, out var today)) { if (code != today) problems.Add($"{name}: {code}, no longer {today}: take it off the list"); continue; }
            if (!Refusals.Contains(code)) problems.Add($"{name} ({result}): {code} where NOT_ALLOWED comes first: {response.FirstErrorMessage}");
        }
        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    internal static string Named(JsonNode type)
    {
        while (type["name"] is null) type = type["ofType"]!;
        return type["name"]!.GetValue<string>();
    }

    /// <summary>A value every parser accepts and every check should refuse: blank text, an id of nothing, a negative number.</summary>
    /// <param name="idFor">A real id for an `ID` field of this name (the second walk's targets), or null for an id of nothing.</param>
    internal static JsonNode? BadValue(Dictionary<string, JsonNode> types, JsonNode type, Func<string, string?>? idFor = null, string? fieldName = null)
    {
        var nonNull = false;
        if (type["kind"]!.GetValue<string>() == "NON_NULL") { nonNull = true; type = type["ofType"]!; }
        if (type["kind"]!.GetValue<string>() == "LIST")
            return new JsonArray(BadValue(types, type["ofType"]!, idFor, fieldName));
        var name = type["name"]!.GetValue<string>();
        var named = types[name];
        switch (named["kind"]!.GetValue<string>())
        {
            case "ENUM":
                return named["enumValues"]![0]!["name"]!.GetValue<string>();
            case "INPUT_OBJECT":
                var value = new JsonObject();
                foreach (var field in named["inputFields"]!.AsArray())
                {
                    var fieldType = field!["type"]!;
                    // Optional fields are left out, but a version is always a stale one: nothing of the learner's changes.
                    var inputField = field["name"]!.GetValue<string>();
                    if (inputField == "expectedVersion") value[inputField] = -1;
                    else if (fieldType["kind"]!.GetValue<string>() == "NON_NULL" || idFor?.Invoke(inputField) is not null)
                        value[inputField] = BadValue(types, fieldType, idFor, inputField);
                }
                return value;
        }
        return name switch
        {
            "String" => "   ",
            "ID" => (fieldName is null ? null : idFor?.Invoke(fieldName)) ?? Guid.CreateVersion7().ToString(),
            "Int" or "Long" => -1,
            "Float" or "Decimal" => -1.5m,
            "Boolean" => false,
            "Date" => "1900-01-01",
            "DateTimeOffset" => "1900-01-01T00:00:00Z",
            _ => nonNull ? throw new InvalidOperationException($"no bad value for scalar {name}") : null,
        };
    }
}
