using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.Tests.Support;

namespace Vape.Tests.Organization;

/// <summary>An Entra ID user becomes a person through the link an official sets.</summary>
[Collection(VapeCollection.Name)]
public sealed class AccountLinkTests(VapeApp app) : IAsyncLifetime
{
    private readonly OrganizationApi _org = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static ClaimsPrincipal EntraUser(string objectId) =>
        new(new ClaimsIdentity([new Claim("oid", objectId), new Claim("name", "Người dùng Entra")], "Bearer"));

    [Fact]
    public async Task An_Entra_account_linked_by_an_official_signs_in_as_that_member()
    {
        var objectId = Guid.NewGuid().ToString();
        var transformation = app.Host.Services.GetRequiredService<IClaimsTransformation>();
        (await transformation.TransformAsync(EntraUser(objectId))).PersonId().ShouldBeNull();

        var learner = await _org.PersonId("learner");
        var linked = await _org.Mutate("linkAccount", new { personId = learner, externalId = objectId }, "commune", "id");
        linked.HasErrors.ShouldBeFalse(linked.Body);

        (await transformation.TransformAsync(EntraUser(objectId))).PersonId().ShouldBe(Guid.Parse(learner));
    }

    [Theory]
    [InlineData("không-phải-guid", "commune", "INVALID_INPUT")]
    [InlineData(null, "sibling-province", "NOT_ALLOWED")]
    [InlineData(null, "learner", "NOT_ALLOWED")]
    public async Task A_bad_or_unauthorised_link_is_refused(string? externalId, string login, string code)
    {
        var response = await _org.Mutate("linkAccount", new { personId = await _org.PersonId("learner"), externalId = externalId ?? Guid.NewGuid().ToString() }, login);
        response.FirstErrorCode.ShouldBe(code);
    }
}
