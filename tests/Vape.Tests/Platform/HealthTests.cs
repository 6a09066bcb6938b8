using Alba;
using Vape.Tests.Support;

namespace Vape.Tests.Platform;

[Collection(VapeCollection.Name)]
public sealed class HealthTests(VapeApp app)
{
    [Fact]
    public async Task Live_and_ready_answer_once_the_schema_and_start_up_data_are_in_place()
    {
        await app.Host.Scenario(s => { s.Get.Url("/health/live"); s.StatusCodeShouldBeOk(); });
        var ready = await app.Host.Scenario(s => { s.Get.Url("/health/ready"); s.StatusCodeShouldBeOk(); });
        (await ready.ReadAsTextAsync()).ShouldBe("Healthy");
    }
}
