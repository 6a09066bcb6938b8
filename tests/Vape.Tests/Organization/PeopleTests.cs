using System.Globalization;
using System.Text;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;
using Vape.Tests.Support;

namespace Vape.Tests.Organization;

/// <summary>Members, roles, search and CSV import, through GraphQL as officials and learners use them.</summary>
[Collection(VapeCollection.Name)]
public sealed class PeopleTests(VapeApp app) : IAsyncLifetime
{
    private readonly OrganizationApi _org = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<GraphQLResponse> SearchPeople(string text, string unitCode, string login) =>
        await app.GraphQL("query($t: String!, $u: ID!) { searchPeople(text: $t, unitId: $u) { nodes { fullName homeUnit { code } } } }",
            new { t = text, u = await _org.UnitId(unitCode) }, await _org.Token(login));

    private async Task<long> ScalarSql(string sql)
    {
        await using var cmd = app.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    [Theory]
    [InlineData("Đà Nẵng")]
    [InlineData("da nang")]
    [InlineData("Da Nang")]
    [InlineData("ĐÀ NẴNG")]
    public async Task Units_are_found_whatever_the_diacritics(string text)
    {
        var response = await app.GraphQL("query($t: String!) { searchUnits(text: $t) { nodes { name } } }", new { t = text });
        response.Data["searchUnits"]!["nodes"]![0]!["name"]!.GetValue<string>().ShouldBe("Đà Nẵng");
    }

    [Fact]
    public async Task Decomposed_search_text_finds_composed_names()
    {
        var response = await app.GraphQL("query($t: String!) { searchUnits(text: $t) { nodes { name } } }", new { t = "Hà Nội".Normalize(NormalizationForm.FormD) });
        response.Data["searchUnits"]!["nodes"]![0]!["name"]!.GetValue<string>().ShouldBe("Hà Nội");
    }

    [Fact]
    public async Task Exact_diacritics_rank_first_Ha_Nam_above_Hai_Nam()
    {
        var response = await SearchPeople("Hà Nam", "T01", "province");
        var names = response.Data["searchPeople"]!["nodes"]!.AsArray().Select(p => p!["fullName"]!.GetValue<string>()).ToList();
        names.ShouldBe(["Đỗ Thị Hà Nam", "Nguyễn Đình Hải Nam"]);
        var folded = await SearchPeople("hai nam", "T01", "province");
        folded.Data["searchPeople"]!["nodes"]!.AsArray().Select(p => p!["fullName"]!.GetValue<string>()).First().ShouldBe("Nguyễn Đình Hải Nam");
    }

    [Theory]
    [InlineData(null, "NOT_AUTHENTICATED")]
    [InlineData("learner", "NOT_ALLOWED")]
    [InlineData("sibling-province", "NOT_ALLOWED")]
    [InlineData("commune", "NOT_ALLOWED")]
    public async Task People_search_is_for_officials_of_the_subtree_only(string? login, string code)
    {
        var response = await app.GraphQL("query($u: ID!) { searchPeople(text: \"Nguyễn\", unitId: $u) { nodes { fullName } } }",
            new { u = await _org.UnitId("T01-X003") }, login is null ? null : await _org.Token(login));
        response.FirstErrorCode.ShouldBe(code);
        response.Body.ShouldNotContain("Nguyễn Đình");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Empty_search_text_gets_INVALID_INPUT(string text)
    {
        var response = await app.GraphQL("query($t: String!) { searchUnits(text: $t) { nodes { name } } }", new { t = text });
        response.FirstErrorCode.ShouldBe("INVALID_INPUT");
    }

    [Fact]
    public async Task Search_text_of_ten_thousand_characters_gets_INVALID_INPUT()
    {
        var response = await app.GraphQL("query($t: String!) { searchUnits(text: $t) { nodes { name } } }", new { t = new string('a', 10_000) });
        response.FirstErrorCode.ShouldBe("INVALID_INPUT");
        response.FirstErrorMessage.ShouldNotBeNull().ShouldContain("100");
    }

    [Fact]
    public async Task A_citizen_id_is_kept_only_as_a_keyed_hash_and_matches_duplicates()
    {
        const string citizenId = "001190012345";
        var added = await _org.Mutate("addMember", new { homeUnitId = await _org.UnitId("T01-X001"), fullName = "Phan Văn Khải", birthYear = 1990, gender = "MALE", citizenId }, "commune", "id fullName");
        added.HasErrors.ShouldBeFalse(added.Body);
        added.Body.ShouldNotContain(citizenId);
        (await ScalarSql($"select count(*) from organization.people where citizen_id_hash is not null")).ShouldBe(1);
        (await ScalarSql($"select count(*) from organization.people p where p::text like '%{citizenId}%'")).ShouldBe(0);

        var duplicate = await _org.Mutate("addMember", new { homeUnitId = await _org.UnitId("T01-X001"), fullName = "Phan Khải", citizenId }, "province");
        duplicate.FirstErrorCode.ShouldBe("INVALID_INPUT");
        duplicate.FirstErrorMessage.ShouldNotBeNull().ShouldContain("đã có");
    }

    [Theory]
    [InlineData("", 1990, null, "không được để trống")]
    [InlineData("Lý Thị Mai", 1850, null, "Năm sinh")]
    [InlineData("Lý Thị Mai", 2999, null, "Năm sinh")]
    [InlineData("Lý Thị Mai", 1990, "12345", "12 chữ số")]
    [InlineData("Lý Thị Mai", 1990, "00119001234X", "12 chữ số")]
    public async Task A_bad_member_gets_INVALID_INPUT_and_is_not_added(string name, int birthYear, string? citizenId, string reason)
    {
        var before = await ScalarSql("select count(*) from organization.people");
        var response = await _org.Mutate("addMember", new { homeUnitId = await _org.UnitId("T01-X001"), fullName = name, birthYear, citizenId }, "commune");
        response.FirstErrorCode.ShouldBe("INVALID_INPUT");
        response.FirstErrorMessage.ShouldNotBeNull().ShouldContain(reason);
        (await ScalarSql("select count(*) from organization.people")).ShouldBe(before);
    }

    [Fact]
    public async Task A_stale_member_version_gets_VERSION_CONFLICT()
    {
        var learner = (await _org.Me("learner"))["person"]!;
        var input = new { personId = learner["id"]!.GetValue<string>(), expectedVersion = learner["version"]!.GetValue<int>(), fullName = "Hoàng Thị Em", birthYear = 1991, homeUnitId = await _org.UnitId("T01-X001") };
        (await _org.Mutate("updateMember", input, "commune")).HasErrors.ShouldBeFalse();
        var stale = await _org.Mutate("updateMember", input with { birthYear = 1992 }, "commune");
        stale.FirstErrorCode.ShouldBe("VERSION_CONFLICT");
        (await _org.Me("learner"))["person"]!["version"]!.GetValue<int>().ShouldBe(learner["version"]!.GetValue<int>() + 1);
    }

    [Fact]
    public async Task A_role_gives_its_holder_the_subtree_and_ending_it_takes_it_back_at_once()
    {
        var learnerId = await _org.PersonId("learner");
        (await SearchPeople("Hoàng", "T01-X001", "learner")).FirstErrorCode.ShouldBe("NOT_ALLOWED");

        var granted = await _org.Mutate("assignRole", new { personId = learnerId, unitId = await _org.UnitId("T01-X001"), role = "STAFF" }, "province", "id role unit { code }");
        granted.HasErrors.ShouldBeFalse(granted.Body);
        (await SearchPeople("Hoàng", "T01-X001", "learner")).Data["searchPeople"]!["nodes"]!.AsArray().Count.ShouldBe(1);
        // Staff may look after members, not reshape the tree.
        var rename = await _org.Mutate("renameUnit", new { unitId = await _org.UnitId("T01-X001"), name = "Không được", expectedVersion = 1 }, "learner");
        rename.FirstErrorCode.ShouldBe("NOT_ALLOWED");

        var ended = await _org.Mutate("endRole", new { roleId = granted.Data["assignRole"]!["id"]!.GetValue<string>() }, "commune", "to");
        ended.HasErrors.ShouldBeFalse(ended.Body);
        (await SearchPeople("Hoàng", "T01-X001", "learner")).FirstErrorCode.ShouldBe("NOT_ALLOWED");
    }

    [Fact]
    public async Task A_role_outside_the_officials_subtree_is_refused()
    {
        var response = await _org.Mutate("assignRole", new { personId = await _org.PersonId("learner"), unitId = await _org.UnitId("T18"), role = "STAFF" }, "province");
        response.FirstErrorCode.ShouldBe("NOT_ALLOWED");
    }

    [Theory]
    [InlineData("2025-06-01", null, "thành lập")]
    [InlineData("2026-01-01", "2025-12-01", "sau ngày bắt đầu")]
    public async Task A_bad_term_gets_INVALID_INPUT(string from, string? to, string reason)
    {
        var response = await _org.Mutate("assignRole", new { personId = await _org.PersonId("learner"), unitId = await _org.UnitId("T01-X001"), role = "SECRETARY", from, to }, "province");
        response.FirstErrorCode.ShouldBe("INVALID_INPUT");
        response.FirstErrorMessage.ShouldNotBeNull().ShouldContain(reason);
    }

    private async Task<GraphQLResponse> Import(string unitCode, byte[] csv, string login = "province") =>
        await _org.Mutate("importMembers", new { unitId = await _org.UnitId(unitCode), csvBase64 = Convert.ToBase64String(csv) }, login, "ok imported problems { line message }");

    private static byte[] Utf8(string text, bool bom = false) =>
        bom ? [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text);

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public async Task A_good_file_imports_every_row_with_or_without_BOM_in_NFC_or_NFD(bool bom, bool decomposed)
    {
        var csv = """
            ho_ten,nam_sinh,gioi_tinh,ma_don_vi,so_dinh_danh,ma_ho
            Trịnh Văn Sơn,1980,Nam,,,H1
            Trịnh Thị Thu,1983,Nữ,,001183000111,H1
            Lương Văn Tâm,,,T01-X001-01,,
            """.ReplaceLineEndings("\r\n");
        if (decomposed) csv = csv.Normalize(NormalizationForm.FormD);

        var result = await Import("T01-X001", Utf8(csv, bom));

        result.HasErrors.ShouldBeFalse(result.Body);
        result.Data["importMembers"]!["ok"]!.GetValue<bool>().ShouldBeTrue();
        result.Data["importMembers"]!["imported"]!.GetValue<int>().ShouldBe(3);
        var found = await SearchPeople("Trịnh Thị Thu", "T01-X001", "commune");
        found.Data["searchPeople"]!["nodes"]![0]!["fullName"]!.GetValue<string>().ShouldBe("Trịnh Thị Thu");
        (await SearchPeople("Lương Văn Tâm", "T01-X001", "commune")).Data["searchPeople"]!["nodes"]![0]!["homeUnit"]!["code"]!.GetValue<string>().ShouldBe("T01-X001-01");
        (await ScalarSql("select count(distinct household_id) from organization.people where full_name like 'Trịnh%'")).ShouldBe(1);
    }

    [Fact]
    public async Task A_file_with_bad_lines_imports_nothing_and_names_each_bad_line()
    {
        var before = await ScalarSql("select count(*) from organization.people");
        var csv = """
            ho_ten,nam_sinh,gioi_tinh,ma_don_vi,so_dinh_danh,ma_ho
            Đặng Văn Đúng,1970,Nam,,,
            ,1971,Nam,,,
            Đặng Thị Năm,năm,Nữ,,,
            Đặng Văn Giới,1972,Không rõ,,,
            Đặng Văn Xa,1973,Nam,T18-X001,,
            Đặng Văn Thiếu,1974,Nam
            Đặng Văn Mã,1975,Nam,,123,
            """;

        var result = await Import("T01-X001", Utf8(csv));

        var answer = result.Data["importMembers"]!;
        answer["ok"]!.GetValue<bool>().ShouldBeFalse();
        answer["imported"]!.GetValue<int>().ShouldBe(0);
        answer["problems"]!.AsArray().Select(p => p!["line"]!.GetValue<int>()).ShouldBe([3, 4, 5, 6, 7, 8]);
        answer["problems"]![3]!["message"]!.GetValue<string>().ShouldContain("T18-X001");
        (await ScalarSql("select count(*) from organization.people")).ShouldBe(before);
    }

    [Fact]
    public async Task A_file_with_a_wrong_header_or_an_unreadable_encoding_gets_INVALID_INPUT()
    {
        var header = await Import("T01-X001", Utf8("name,year\nA,1990\n"));
        header.FirstErrorCode.ShouldBe("INVALID_INPUT");
        header.FirstErrorMessage.ShouldNotBeNull().ShouldContain("ho_ten");

        var latin1 = Encoding.Latin1.GetBytes("ho_ten,nam_sinh,gioi_tinh,ma_don_vi,so_dinh_danh,ma_ho\nNguyÃ©n Ã,1990,Nam,,,\n");
        var broken = latin1.Concat(new byte[] { 0xC3, 0x28 }).ToArray();
        var encoding = await Import("T01-X001", broken);
        encoding.FirstErrorCode.ShouldBe("INVALID_INPUT");
        encoding.FirstErrorMessage.ShouldNotBeNull().ShouldContain("UTF-8");
    }

    [Fact]
    public async Task Importing_into_another_subtree_is_refused()
    {
        var result = await Import("T18", Utf8("ho_ten,nam_sinh,gioi_tinh,ma_don_vi,so_dinh_danh,ma_ho\nA B,1990,Nam,,,\n"), "province");
        result.FirstErrorCode.ShouldBe("NOT_ALLOWED");
    }
}

/// <summary>Importing child units from CSV.</summary>
[Collection(VapeCollection.Name)]
public sealed class UnitImportTests(VapeApp app) : IAsyncLifetime
{
    private readonly OrganizationApi _org = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<GraphQLResponse> Import(string unitCode, string csv, string login = "commune") =>
        await _org.Mutate("importUnits", new { unitId = await _org.UnitId(unitCode), csvBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(csv)) }, login, "ok imported problems { line message }");

    [Fact]
    public async Task A_commune_imports_its_villages_and_the_clans_below_them_in_one_go()
    {
        var result = await Import("T01-X001", """
            ma_don_vi,ten,loai,ma_cap_tren,ngay_thanh_lap
            T01-X001-10,Tổ dân phố số 10,VILLAGE,,2025-09-01
            T01-X001-11,Dòng họ Phạm tổ 10,LEARNING_CLAN,T01-X001-10,
            T01-X001-12,Ban khuyến học tổ 1,PROMOTION_BOARD,T01-X001-01,
            """);
        result.HasErrors.ShouldBeFalse(result.Body);
        result.Data["importUnits"]!["imported"]!.GetValue<int>().ShouldBe(3);
        var clan = await _org.Unit("T01-X001-11");
        clan["parent"]!["code"]!.GetValue<string>().ShouldBe("T01-X001-10");
        clan["kind"]!.GetValue<string>().ShouldBe("LEARNING_CLAN");
    }

    [Fact]
    public async Task A_units_file_with_bad_lines_imports_nothing_and_names_each_line()
    {
        var result = await Import("T01-X001", """
            ma_don_vi,ten,loai,ma_cap_tren,ngay_thanh_lap
            T01-X001-20,Tổ dân phố số 20,VILLAGE,,
            T01-X001-01,Trùng mã,VILLAGE,,
            T01-X001-21,Sai loại,PROVINCE,,
            T01-X001-22,Ngoài cây,VILLAGE,T18-X001,
            T01-X001-23,Ngày sai,VILLAGE,,01/09/2025
            T01-X001-24,,VILLAGE,,
            """);
        var answer = result.Data["importUnits"]!;
        answer["imported"]!.GetValue<int>().ShouldBe(0);
        answer["problems"]!.AsArray().Select(p => p!["line"]!.GetValue<int>()).ShouldBe([3, 4, 5, 6, 7]);
        (await app.GraphQL("{ unitByCode(code: \"T01-X001-20\") { id } }")).Data["unitByCode"].ShouldBeNull();
    }

    [Fact]
    public async Task A_learner_cannot_import_units()
    {
        var result = await Import("T01-X001", "ma_don_vi,ten,loai,ma_cap_tren,ngay_thanh_lap\nT01-X001-30,Tổ 30,VILLAGE,,\n", "learner");
        result.FirstErrorCode.ShouldBe("NOT_ALLOWED");
    }
}
