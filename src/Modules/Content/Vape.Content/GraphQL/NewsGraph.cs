using GraphQL;
using GraphQL.Types;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.GraphQL;
using Vape.Content.News;
using Vape.Organization.Contracts;

namespace Vape.Content.GraphQL;

internal sealed class NewsGraphType : ObjectGraphType<NewsItem>
{
    public NewsGraphType()
    {
        Name = "News";
        Description = "Tin hoạt động của một đơn vị.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        this.UnitField("unit", s => s.UnitId);
        Field(x => x.Title);
        Field(x => x.Body).Description("Nội dung gốc (Markdown).");
        Field<NonNullGraphType<StringGraphType>>("html")
            .Description("Nội dung đã chuyển sang HTML an toàn: mọi thẻ HTML trong nội dung gốc được hiển thị như chữ, không bao giờ chạy.")
            .Resolve(c => Markdown.ToHtml(c.Source.Body));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ContentFileGraphType>>>>("images")
            .ResolveAsync(async c => await ContentAccess.FilesAsync(c, c.Source.ImageFileIds, f => $"/content/news/{c.Source.Id}/images/{f}"));
        Field(x => x.Public).Description("true: ai cũng xem được; false: chỉ hội viên và cán bộ trong cây của đơn vị.");
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("publishedAt").Resolve(c => c.Source.PublishedAt);
        EditFields.AddNewsFields(this);
    }
}

internal static class NewsFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionGraphType<NewsGraphType, NewsItem>>>("news")
            .Description("Tin mới nhất trước. Với `unitId`: tin của đơn vị và các đơn vị cấp dưới mà bạn được xem; không có: bảng tin công khai.")
            .Argument<IdGraphType>("unitId")
            .PageArguments()
            .ResolveAsync(async c => await c.Service<NewsStore>().FeedAsync(c.GetOptionalId("unitId"), c.User.PersonId(), Page.From(c), c.CancellationToken));
        query.Field<NewsGraphType>("newsItem")
            .Description("Một tin theo id, nếu bạn được xem nó (cùng quy tắc với `news`); tin đã rút, tin bạn không được xem hoặc không có: null.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.Service<NewsStore>().LoadVisibleAsync(c.GetId("id"), c.User.PersonId(), c.CancellationToken));
        query.Field<NonNullGraphType<ConnectionGraphType<NewsGraphType, NewsItem>>>("withdrawnNews")
            .Description("Tin đã rút của đơn vị và các đơn vị cấp dưới, tin đăng sau xếp trước (cán bộ của đơn vị hoặc cấp trên).")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<IdGraphType>>("unitId")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                var unit = c.GetId("unitId");
                await ContentAccess.DemandAsync(c, Permission.PublishContent, unit, "Chỉ cán bộ của đơn vị (hoặc cấp trên) mới xem tin đã rút.");
                return await c.Service<NewsStore>().WithdrawnAsync(unit, Page.From(c), c.CancellationToken);
            });
    }

    public static void AddMutations(ObjectGraphType mutation) =>
        ContentAccess.Mutation<NewsGraphType, PublishNewsInput, NewsItem>(mutation, "publishNews",
            "Đăng tin hoạt động của một đơn vị bạn phụ trách (Markdown), công khai hoặc chỉ trong cây của đơn vị.",
            (i, actor) => new PublishNews(Ids.Parse(i.UnitId, "unitId"), i.Title, i.Body, i.Public ?? true, actor,
                (i.ImageFileIds ?? []).Select(id => Ids.Parse(id, "imageFileIds")).ToList()));
}

internal sealed record PublishNewsInput(string UnitId, string Title, string Body, bool? Public, string[]? ImageFileIds);
