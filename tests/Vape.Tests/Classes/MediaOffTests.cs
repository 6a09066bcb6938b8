using Vape.Tests.Support;

namespace Vape.Tests.Classes;

/// <summary>Without `Vape:Media` (the default), classes are chat and slides only, and the API says so.</summary>
[Collection(VapeCollection.Name)]
public sealed class MediaOffTests(VapeApp app) : ClassroomTestsBase<VapeApp>(app)
{
    [Fact]
    public async Task Without_Janus_configured_media_is_off_and_a_token_is_refused_with_MEDIA_OFF()
    {
        (await App.GraphQL("{ mediaEnabled }")).Data["mediaEnabled"]!.GetValue<bool>().ShouldBeFalse();
        var c = await Api.Schedule("Lớp không có hình");
        var session = c["sessions"]![0]!["id"]!.GetValue<string>();
        await (await Device("commune")).Join(session);
        var refused = await App.GraphQL("mutation($i: JoinClassMediaInput!) { joinClassMedia(input: $i) { token } }",
            new { i = new { sessionId = session } }, await Api.Org.Token("commune"));
        refused.FirstErrorCode.ShouldBe("MEDIA_OFF");
        refused.FirstErrorMessage!.ShouldContain("trò chuyện");
    }
}
