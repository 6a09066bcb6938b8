using System.Text;
using System.Text.Json;
using Alba;
using BenchmarkDotNet.Attributes;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Perfolizer.Mathematics.OutlierDetection;
using Vape.BuildingBlocks.GraphQL;
using Vape.Content.Library;
using Vape.Records.Contracts;

namespace Vape.Benchmarks;

/// <summary>
/// Library search over 100,000 approved resources on the national database: `resources(search, facets, first: 20)`
/// through `POST /graphql` (anonymous) with the four facets' counts, one request per measurement, so that P50 and
/// P99 are percentiles of single requests. The texts: an exact phrase with diacritics and the same folded (8,333
/// matches each), a rare phrase (10 matches), a short word in a sixth of the library, and no text with two facets.
/// A last row calls <see cref="ResourceStore.SearchAsync"/> for the mix without HTTP and GraphQL. The
/// resources are generated once (about a minute) with `source = 'vape-bench-library'` and kept.
/// </summary>
[MemoryDiagnoser]
[InProcess]
[Config(typeof(LatencyConfig))]
[WarmupCount(10)]
[IterationCount(200)]
[InvocationCount(1)]
[Outliers(OutlierMode.DontRemove)]
public class LibrarySearchBenchmark
{
    /// <summary>100,000; 1,000 in the smoke mode (<see cref="Smoke"/>; "tranh Đông Hồ" then matches one).</summary>
    public static int Resources => Smoke.Size(100_000, 1_000);
    private const string Source = "vape-bench-library";

    private static readonly (string? Text, ResourceFacetFilter Facets)[] Searches =
    [
        ("kỹ năng số", new(null, null, null, null)),
        ("ky nang so", new(null, null, null, null)),
        ("tranh Đông Hồ", new(null, null, null, null)),
        ("luật", new(null, null, null, null)),
        (null, new(LearningDomain.DigitalSkills, null, ResourceLicence.CcBy, null)),
    ];

    private IAlbaHost _host = null!;
    private HttpClient _client = null!;
    private ResourceStore _store = null!;
    private string[] _bodies = null!;
    private int _next;
    private int _nextService;

    [GlobalSetup]
    public async Task Setup()
    {
        _host = await NationalDatabase.StartAsync();
        _client = _host.Server.CreateClient();
        await EnsureResourcesAsync(_host.Services.GetRequiredService<NpgsqlDataSource>());
        _store = _host.Services.GetRequiredService<ResourceStore>();
        _bodies = Searches.Select(s => JsonSerializer.Serialize(new
        {
            query = """
                query($s: String, $f: ResourceFacetsInput) { resources(search: $s, facets: $f, first: 20) {
                  nodes { id title format licence views ratingCount ratingAverage } pageInfo { hasNextPage endCursor }
                  facets { domain { value count } format { value count } licence { value count } audience { value count } } } }
                """,
            variables = new
            {
                s = s.Text,
                f = new { domain = s.Facets.Domain is { } d ? d.ToString().ToConstantCase() : null, licence = s.Facets.Licence is { } l ? l.ToString().ToConstantCase() : null },
            },
        })).ToArray();
    }

    [GlobalCleanup]
    public async Task Cleanup() => await BenchHost.StopAsync(_host);

    [Benchmark(Description = "\"kỹ năng số\" (8,333 matches)")]
    public Task<int> Exact() => Search(0);

    [Benchmark(Description = "\"ky nang so\" (folded, same matches)")]
    public Task<int> Folded() => Search(1);

    [Benchmark(Description = "\"tranh Đông Hồ\" (10 matches)")]
    public Task<int> Rare() => Search(2);

    [Benchmark(Description = "\"luật\" (16,665 matches)")]
    public Task<int> Common() => Search(3);

    [Benchmark(Description = "no text; domain DIGITAL_SKILLS, licence CC_BY")]
    public Task<int> FacetsOnly() => Search(4);

    [Benchmark(Description = "mix of the five")]
    public Task<int> Mix() => Search(_next++ % Searches.Length);

    [Benchmark(Description = "mix, ResourceStore.SearchAsync alone (no HTTP, no GraphQL)")]
    public async Task<int> MixService()
    {
        var (text, facets) = Searches[_nextService++ % Searches.Length];
        var found = await _store.SearchAsync(text, facets, new Page(20, null), CancellationToken.None);
        return found.Page.Edges.Count > 0 ? found.Page.Edges.Count : throw new InvalidOperationException($"nothing found for {text}");
    }

    private async Task<int> Search(int search)
    {
        using var content = new StringContent(_bodies[search], Encoding.UTF8, "application/json");
        return await NationalDatabase.Checked(await _client.PostAsync("/graphql", content), "\"title\":");
    }

    /// <summary>
    /// 100,000 approved resources from 24 topics × 6 forms × 50 parts, spread over the domains, formats, licences
    /// and audiences; one in 10,000 is about Đông Hồ paintings. Made in one statement, as an import would.
    /// </summary>
    private static async Task EnsureResourcesAsync(NpgsqlDataSource database)
    {
        await using (var count = database.CreateCommand("select count(*) from content.resources where source = @source"))
        {
            count.Parameters.AddWithValue("source", Source);
            if ((long)(await count.ExecuteScalarAsync())! == Resources) return;
        }
        var centre = await NationalDatabase.UnitIdAsync(database, "TW");
        await using var fill = database.CreateCommand("""
            delete from content.resources where source = @source;
            with topics(n, topic, domain) as (
              select n, topic, domain from unnest(
                array['Kỹ năng số cho người cao tuổi', 'Pháp luật về giao thông đường bộ', 'Chăm sóc sức khỏe ban đầu', 'Trồng lúa hữu cơ',
                      'Nuôi cá nước ngọt', 'Tiếng Anh giao tiếp hằng ngày', 'An toàn thông tin trên mạng', 'Sử dụng điện thoại thông minh',
                      'Phòng chống lừa đảo qua mạng', 'Dinh dưỡng cho trẻ em', 'Lịch sử địa phương', 'Văn hóa dân gian và lễ hội',
                      'Khởi nghiệp ở nông thôn', 'Bảo vệ môi trường và rác thải', 'Phòng cháy chữa cháy', 'Sơ cứu khi tai nạn',
                      'Luật đất đai cho người dân', 'Thương mại điện tử cho hộ kinh doanh', 'Dịch vụ công trực tuyến', 'Luật hôn nhân và gia đình',
                      'Kỹ năng số cho học sinh', 'Chăn nuôi gia cầm an toàn', 'Luật an ninh mạng', 'Đọc sách cùng con'],
                array['DigitalSkills', 'LegalAwareness', 'Health', 'EssentialSkills', 'EssentialSkills', 'ForeignLanguages', 'DigitalSkills',
                      'DigitalSkills', 'LegalAwareness', 'Health', 'GeneralKnowledge', 'CultureAndArts', 'EssentialSkills', 'Science',
                      'EssentialSkills', 'Health', 'LegalAwareness', 'DigitalSkills', 'DigitalSkills', 'LegalAwareness', 'DigitalSkills',
                      'Science', 'LegalAwareness', 'GeneralKnowledge']) with ordinality as t(topic, domain, n)),
            forms(n, form) as (select n - 1, form from unnest(array['Sổ tay', 'Bài giảng', 'Video hướng dẫn', 'Tài liệu', 'Hỏi đáp', 'Cẩm nang']) with ordinality as f(form, n)),
            g as (select i from generate_series(0, @count - 1) as i)
            insert into content.resources (id, title, description, domain, audience, language, format, licence, author, source, subjects,
                external_url, status, review_unit_id, review_path, submitted_by, submitted_at, reviewed_at)
            select gen_random_uuid(),
                   case when g.i % 10000 = 0 then 'Tranh Đông Hồ và nghề làm tranh dân gian, phần ' || (g.i / 10000 + 1)
                        else f.form || ': ' || lower(t.topic) || ', phần ' || (g.i % 50 + 1) end,
                   'Tài liệu học tập suốt đời của ' || (array['Hội Khuyến học tỉnh Nghệ An', 'Trung tâm học tập cộng đồng phường Ba Đình',
                       'Hội Khuyến học thành phố Huế', 'Hội Khuyến học tỉnh Đắk Lắk', 'Thư viện tỉnh Cà Mau'])[g.i % 5 + 1]
                       || ', dành cho người dân ở mọi lứa tuổi; dễ hiểu, có ví dụ gần gũi với đời sống.',
                   case when g.i % 10000 = 0 then 'CultureAndArts' else t.domain end,
                   (array['Everyone', 'Children', 'Youth', 'Adults', 'Elderly', 'Teachers', 'Officials'])[g.i % 7 + 1],
                   'vi',
                   (array['Document', 'Audio', 'Video', 'Link', 'Epub'])[g.i % 5 + 1],
                   (array['CcBy', 'CcBySa', 'CcByNd', 'CcByNc', 'CcByNcSa', 'CcByNcNd', 'Cc0', 'PublicDomain', 'Other'])[g.i % 9 + 1],
                   (array['Nguyễn Thị Hoa', 'Trần Văn Minh', 'Lê Thu Hằng', 'Phạm Quốc Đạt'])[g.i % 4 + 1],
                   @source, array[lower(t.topic)],
                   'https://thuvien.vape.vn/tai-lieu/' || g.i, 'Approved', @centre, (select path from organization.units where id = @centre), (select id from organization.people order by id limit 1),
                   now() - make_interval(mins => g.i), now() - make_interval(mins => g.i)
              from g join topics t on t.n = g.i % 24 + 1 join forms f on f.n = (g.i / 24) % 6;
            analyze content.resources;
            """);
        fill.CommandTimeout = 600;
        fill.Parameters.AddWithValue("source", Source);
        fill.Parameters.AddWithValue("count", Resources);
        fill.Parameters.AddWithValue("centre", centre);
        await fill.ExecuteNonQueryAsync();
    }
}
