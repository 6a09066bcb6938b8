using Vape.Tests.Support;

namespace Vape.Tests.Content;

/// <summary>
/// Every mutation of the Content module, on Phường Ba Đình, as anonymous, a learner, the official of the unit,
/// an official of an ancestor (Hà Nội, the centre) and of a sibling province.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class ContentAuthorizationMatrixTests(VapeApp app) : IAsyncLifetime
{
    private readonly ContentApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string?, string?> Matrix()
    {
        var data = new TheoryData<string, string?, string?>();
        foreach (var mutation in (string[])["issueDirective", "acknowledgeDirective", "reportDirective", "attachDirectiveGuidance"])
        {
            data.Add(mutation, null, "NOT_AUTHENTICATED");
            data.Add(mutation, "learner", "NOT_ALLOWED");
            data.Add(mutation, "sibling-province", "NOT_ALLOWED");
            data.Add(mutation, "commune", null);
            data.Add(mutation, "province", null);
            data.Add(mutation, "central", null);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_mutation_allows_officials_of_the_unit_and_above_only(string mutation, string? login, string? expected)
    {
        // A directive from the centre to everyone, for the mutations that act on one.
        var directive = await _api.IssueOk("central", "TW");
        var response = mutation switch
        {
            "issueDirective" => await _api.Issue(login!, "T01-X001"),
            "acknowledgeDirective" => await _api.Acknowledge(login, directive, "T01-X001"),
            "reportDirective" => await _api.Report(login, directive, "T01-X001"),
            "attachDirectiveGuidance" => await _api.Guidance(login, directive, "T01-X001", "Hướng dẫn của Ba Đình."),
            _ => throw new ArgumentOutOfRangeException(nameof(mutation)),
        };
        if (expected is null) response.HasErrors.ShouldBeFalse(response.Body);
        else response.FirstErrorCode.ShouldBe(expected);
    }
}
