using Marten;
using Marten.Schema;
using Npgsql;
using Vape.BuildingBlocks.Auth;
using Vape.Organization.Contracts;
using Vape.Records.Contracts;
using Microsoft.Extensions.Options;
using Vape.BuildingBlocks.Hosting;

namespace Vape.Classes.Catalogue;

/// <summary>
/// With `Vape:DemoData` on, a few Vietnamese classes in the demo units (loaded once into an empty catalogue,
/// after the Organization module's demo tree): in the community learning centre of Phường Ba Đình (hosted by
/// the `commune` login) and one of Hà Nội (hosted by `province`).
/// </summary>
internal sealed class ClassesDemoData(IOptions<DemoDataOptions> demo, NpgsqlDataSource database, ILoginDirectory logins,
    IOrganizationQueries organization, ClassesClock clock) : IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken ct)
    {
        if (!demo.Value.DemoData) return;
        await using var conn = await database.OpenConnectionAsync(ct);
        await using (var any = new NpgsqlCommand("select exists (select 1 from classes.classes)", conn))
            if ((bool)(await any.ExecuteScalarAsync(ct))!) return;
        if (await logins.FindAsync("commune", ct) is not { } commune || await logins.FindAsync("province", ct) is not { } province) return;
        var baDinh = (await organization.ManagedUnitsAsync(commune.PersonId, ct)).FirstOrDefault();
        var haNoi = (await organization.ManagedUnitsAsync(province.PersonId, ct)).FirstOrDefault();
        if (baDinh == Guid.Empty || haNoi == Guid.Empty) return;
        var centre = (await organization.SubtreeAsync(baDinh, 1, ct)).FirstOrDefault(u => u.Kind == "CommunityLearningCentre")?.Id ?? baDinh;

        var today = new DateTimeOffset(clock.Now.UtcDateTime.Date, TimeSpan.Zero);
        // 19:30 in Viet Nam (UTC+7) is 12:30 UTC.
        var evening = today.AddDays(1).AddHours(12.5);
        Guid[] communeHost = [commune.PersonId];
        await ClassAsync(conn, centre, "Kỹ năng số cho người cao tuổi: dùng điện thoại thông minh an toàn",
            "Cài đặt ứng dụng, nhận biết tin nhắn lừa đảo, gọi video với con cháu. Mang theo điện thoại của bạn.",
            LearningDomain.DigitalSkills, ClassAudience.Public, centre, 40, communeHost, commune.PersonId, evening, 90, 4, 7, ct);
        await ClassAsync(conn, centre, "Pháp luật trong đời sống: Luật Hôn nhân và gia đình",
            "Những điều cần biết về đăng ký kết hôn, quyền và nghĩa vụ của cha mẹ, thừa kế trong gia đình.",
            LearningDomain.LegalAwareness, ClassAudience.Members, baDinh, 30, communeHost, commune.PersonId, evening.AddDays(2), 60, 1, 7, ct);
        await ClassAsync(conn, haNoi, "Khoa học thường thức: Phòng chống sốt xuất huyết mùa mưa",
            "Nhận biết triệu chứng, diệt lăng quăng, bọ gậy và chăm sóc người bệnh tại nhà.",
            LearningDomain.Health, ClassAudience.Public, haNoi, 500, [province.PersonId], province.PersonId, evening.AddDays(3).AddHours(-11), 60, 1, 7, ct);
    }

    private static async Task ClassAsync(NpgsqlConnection conn, Guid unit, string title, string description, LearningDomain topic, ClassAudience audience,
        Guid audienceUnit, int capacity, Guid[] hosts, Guid creator, DateTimeOffset first, int minutes, int count, int everyDays, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        await using (var cmd = new NpgsqlCommand("""
            insert into classes.classes (id, unit_id, title, description, topic, audience, audience_unit_id, capacity, host_ids, created_by, created_at)
            values (@id, @unit, @title, @description, @topic, @audience, @audienceUnit, @capacity, @hosts, @creator, now())
            """, conn))
        {
            cmd.Parameters.AddWithValue("id", id);
            cmd.Parameters.AddWithValue("unit", unit);
            cmd.Parameters.AddWithValue("title", title);
            cmd.Parameters.AddWithValue("description", description);
            cmd.Parameters.AddWithValue("topic", topic.ToString());
            cmd.Parameters.AddWithValue("audience", SqlNames.Of(audience));
            cmd.Parameters.AddWithValue("audienceUnit", audienceUnit);
            cmd.Parameters.AddWithValue("capacity", capacity);
            cmd.Parameters.AddWithValue("hosts", hosts);
            cmd.Parameters.AddWithValue("creator", creator);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        for (var i = 0; i < count; i++)
        {
            await using var cmd = new NpgsqlCommand("insert into classes.sessions (id, class_id, number, starts_at, ends_at) values (@id, @c, @n, @s, @e)", conn);
            var starts = first.AddDays(everyDays * i);
            cmd.Parameters.AddWithValue("id", Guid.CreateVersion7());
            cmd.Parameters.AddWithValue("c", id);
            cmd.Parameters.AddWithValue("n", i + 1);
            cmd.Parameters.AddWithValue("s", starts);
            cmd.Parameters.AddWithValue("e", starts.AddMinutes(minutes));
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }
}
