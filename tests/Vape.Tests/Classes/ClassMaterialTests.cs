using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vape.Tests.Support;

namespace Vape.Tests.Classes;

/// <summary>A class's materials may be approved resources of the library (Content), read through its contract.</summary>
[Collection(VapeCollection.Name)]
public sealed class ClassMaterialTests(VapeApp app) : ClassroomTestsBase<VapeApp>(app)
{
    /// <summary>A resource submitted by `learner` to Phường Ba Đình's library, approved by `commune` unless told otherwise.</summary>
    private async Task<string> Resource(string title, bool approve)
    {
        var submitted = await Api.Org.Mutate("submitResource", new
        {
            title, description = "Hướng dẫn nhận biết tin nhắn lừa đảo.", domain = "DIGITAL_SKILLS", audience = "ELDERLY", language = "vi",
            format = "VIDEO", licence = "CC_BY", externalUrl = "https://khuyenhoc.vn/tai-nguyen/lua-dao",
        }, "learner", "id");
        submitted.HasErrors.ShouldBeFalse(submitted.Body);
        var id = submitted.Data["submitResource"]!["id"]!.GetValue<string>();
        if (approve) (await Api.Org.Mutate("approveResource", new { resourceId = id }, "commune", "status")).HasErrors.ShouldBeFalse();
        return id;
    }

    private async Task<long> Classes()
    {
        await using var cmd = App.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("select count(*) from classes.classes");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_class_takes_approved_library_resources_as_materials_and_the_room_shows_their_pages()
    {
        var resource = await Resource("Nhận biết lừa đảo qua điện thoại", approve: true);
        var c = await Api.Schedule("Lớp an toàn số", extra: new
        {
            materials = new object[] { new { resourceId = resource }, new { title = "Phiếu bài tập", url = "https://khuyenhoc.vn/bai-tap.pdf" } },
        });
        var materials = (await App.GraphQL("query($id: ID!) { class(id: $id) { materials { title url resourceId format } } }",
            new { id = ClassesApi.Id(c) })).Data["class"]!["materials"]!.AsArray();
        materials[0]!["title"]!.GetValue<string>().ShouldBe("Nhận biết lừa đảo qua điện thoại");
        materials[0]!["url"]!.GetValue<string>().ShouldBe("https://khuyenhoc.vn/tai-nguyen/lua-dao");
        materials[0]!["resourceId"]!.GetValue<string>().ShouldBe(resource);
        materials[0]!["format"]!.GetValue<string>().ShouldBe("VIDEO");
        materials[1]!["resourceId"].ShouldBeNull();

        await Api.Enrol(ClassesApi.Id(c), await Api.Org.Token("learner"));
        var host = await Device("commune");
        await host.Join(c["sessions"]![0]!["id"]!.GetValue<string>());
        await host.Do("ShowPage", 0, 4);
        var learner = await Device("learner");
        var snapshot = await learner.Join(c["sessions"]![0]!["id"]!.GetValue<string>());
        (snapshot.Material, snapshot.Page).ShouldBe((0, 4));
    }

    [Fact]
    public async Task An_unknown_or_unapproved_resource_is_refused_with_a_stable_code_and_nothing_changes()
    {
        var waiting = await Resource("Chưa duyệt", approve: false);
        var approved = await Resource("Đã duyệt", approve: true);
        var before = await Classes();
        foreach (var id in new[] { waiting, Guid.NewGuid().ToString() })
            (await Api.ScheduleRaw("Lớp lỗi", extra: new { materials = new object[] { new { resourceId = id } } })).FirstErrorCode.ShouldBe("RESOURCE_NOT_AVAILABLE");
        (await Api.ScheduleRaw("Lớp lỗi", extra: new { materials = new object[] { new { resourceId = "không-phải-mã" } } })).FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await Classes()).ShouldBe(before);

        var c = await Api.Schedule("Lớp đúng", extra: new { materials = new object[] { new { resourceId = approved, title = "Video buổi 1" } } });
        var refused = await Api.Org.Mutate("changeClass", new { classId = ClassesApi.Id(c), expectedVersion = 1, materials = new object[] { new { resourceId = waiting } } },
            "commune", "version");
        refused.FirstErrorCode.ShouldBe("RESOURCE_NOT_AVAILABLE");
        var after = (await App.GraphQL("query($id: ID!) { class(id: $id) { version materials { title resourceId } } }", new { id = ClassesApi.Id(c) })).Data["class"]!;
        after["version"]!.GetValue<int>().ShouldBe(1);
        after["materials"]![0]!["title"]!.GetValue<string>().ShouldBe("Video buổi 1");
        after["materials"]![0]!["resourceId"]!.GetValue<string>().ShouldBe(approved);
    }
}
