using Vape.Tests.Support;

namespace Vape.Tests.Organization;

/// <summary>
/// Every mutation of the Organization module, on Phường Ba Đình's subtree, as anonymous, a learner, the
/// official of the unit, an official of an ancestor (Hà Nội, the centre) and of a sibling province.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class AuthorizationMatrixTests(VapeApp app) : IAsyncLifetime
{
    private readonly OrganizationApi _org = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string?, string?> Matrix()
    {
        var data = new TheoryData<string, string?, string?>();
        string[] mutations = ["createUnit", "renameUnit", "moveUnit", "mergeUnit", "dissolveUnit", "addMember", "updateMember",
            "assignRole", "endRole", "importMembers", "importUnits", "linkAccount"];
        foreach (var mutation in mutations)
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

    private async Task<object> InputFor(string mutation)
    {
        async Task<(string Id, int Version)> U(string code)
        {
            var unit = await _org.Unit(code);
            return (unit["id"]!.GetValue<string>(), unit["version"]!.GetValue<int>());
        }
        var learner = (await _org.Me("learner"))["person"]!;
        return mutation switch
        {
            "createUnit" => new { parentId = (await U("T01-X001")).Id, code = "T01-X001-99", name = "Thôn Mới", kind = "VILLAGE" },
            "renameUnit" => await U("T01-X001") is var (id, v) ? new { unitId = id, name = "Phường Ba Đình mới", expectedVersion = v } : null!,
            "moveUnit" => await U("T01-X001-04") is var (clan, cv) ? new { unitId = clan, newParentId = (await U("T01-X001-01")).Id, expectedVersion = cv } : null!,
            "mergeUnit" => await U("T01-X001-03") is var (tdp2, tv) ? new { unitId = tdp2, successorId = (await U("T01-X001-01")).Id, expectedVersion = tv } : null!,
            "dissolveUnit" => await U("T01-X001-03") is var (tdp, dv) ? new { unitId = tdp, expectedVersion = dv } : null!,
            "addMember" => new { homeUnitId = (await U("T01-X001")).Id, fullName = "Ngô Thị Lan", birthYear = 1995, gender = "FEMALE" },
            "updateMember" => new
            {
                personId = learner["id"]!.GetValue<string>(), expectedVersion = learner["version"]!.GetValue<int>(),
                fullName = "Hoàng Thị Em", birthYear = 1991, homeUnitId = (await U("T01-X001")).Id,
            },
            "assignRole" => new { personId = learner["id"]!.GetValue<string>(), unitId = (await U("T01-X001")).Id, role = "STAFF" },
            "endRole" => new { roleId = (await _org.Me("commune"))["roles"]![0]!["id"]!.GetValue<string>() },
            "importMembers" => new { unitId = (await U("T01-X001")).Id, csvBase64 = Csv("ho_ten,nam_sinh,gioi_tinh,ma_don_vi,so_dinh_danh,ma_ho\nBùi Văn Nhập,1980,Nam,,,\n") },
            "importUnits" => new { unitId = (await U("T01-X001")).Id, csvBase64 = Csv("ma_don_vi,ten,loai,ma_cap_tren,ngay_thanh_lap\nT01-X001-88,Tổ dân phố nhập,VILLAGE,,\n") },
            "linkAccount" => new { personId = learner["id"]!.GetValue<string>(), externalId = "5f0c2a8e-2b7d-4c51-9a3e-1d2f3a4b5c6d" },
            _ => throw new ArgumentOutOfRangeException(nameof(mutation)),
        };
    }

    private static string Csv(string text) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>Everything these mutations can change, as the centre's chair sees it.</summary>
    private async Task<string> Fingerprint()
    {
        var tree = await app.GraphQL("""
            { unitByCode(code: "T01-X001") { name version
                children(first: 50) { nodes { code name version status parent { code } } }
                members(first: 100) { nodes { fullName version birthYear homeUnit { code } } } } }
            """, token: await _org.Token("central"));
        tree.HasErrors.ShouldBeFalse(tree.Body);
        return tree.Answer + (await _org.Me("learner")).ToJsonString() + (await _org.Me("commune")).ToJsonString();
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Who_may_run_each_mutation_on_a_commune_subtree(string mutation, string? login, string? refusal)
    {
        var input = await InputFor(mutation);
        var before = await Fingerprint();
        var response = await _org.Mutate(mutation, input, login);
        if (refusal is null)
        {
            response.HasErrors.ShouldBeFalse(response.Body);
            (await Fingerprint()).ShouldNotBe(before, "an allowed mutation must change what it says it changes");
        }
        else
        {
            response.FirstErrorCode.ShouldBe(refusal, response.Body);
            (await Fingerprint()).ShouldBe(before, "a refused mutation must change nothing");
        }
    }
}
