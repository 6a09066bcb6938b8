using GraphQL;
using GraphQL.Types;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.GraphQL;
using Vape.Content.Editing;
using Vape.Content.Library;
using Vape.Content.News;
using Vape.Organization.Contracts;
using Vape.Records.Contracts;

namespace Vape.Content.GraphQL;

internal sealed class NewsVersionGraphType : ObjectGraphType<NewsVersion>
{
    public NewsVersionGraphType()
    {
        Name = "NewsVersion";
        Description = "Một phiên bản trước của tin, như nó đã được đọc cho đến khi bị sửa.";
        Field(x => x.Version);
        Field(x => x.Title);
        Field(x => x.Body).Description("Nội dung gốc (Markdown).");
        Field(x => x.Public);
        Field<NonNullGraphType<IdGraphType>>("writtenBy").Description("Người đã viết phiên bản này (mã người).").Resolve(c => c.Source.WrittenBy);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("writtenAt").Resolve(c => c.Source.WrittenAt);
    }
}

internal sealed class ResourceVersionGraphType : ObjectGraphType<ResourceVersion>
{
    public ResourceVersionGraphType()
    {
        Name = "ResourceVersion";
        Description = "Một phiên bản trước của mô tả tài nguyên.";
        Field(x => x.Version);
        Field(x => x.Title);
        Field(x => x.Description);
        Field(x => x.ExternalUrl, nullable: true);
        Field<NonNullGraphType<ResourceStatusGraphType>>("status").Description("Tình trạng duyệt của phiên bản này.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<IdGraphType>>("writtenBy").Description("Người đã viết phiên bản này (mã người).").Resolve(c => c.Source.WrittenBy);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("writtenAt").Resolve(c => c.Source.WrittenAt);
    }
}

/// <summary>Edit and withdraw for news and resources, and their history (ADR 0074).</summary>
internal static class EditFields
{
    private const string HistoryRefused = "Chỉ người viết và cán bộ được duyệt nội dung này mới xem các phiên bản trước.";

    /// <summary>`version`, `editedAt` and `history` of a news item: the history for its author and the unit's officials only.</summary>
    public static void AddNewsFields(ObjectGraphType<NewsItem> type)
    {
        type.Field(x => x.Version).Description("Phiên bản; gửi lại làm `expectedVersion` khi sửa hoặc rút.");
        type.Field<DateTimeOffsetGraphType>("editedAt").Description("Lần sửa gần nhất.").Resolve(c => c.Source.EditedAt);
        type.Field<DateTimeOffsetGraphType>("withdrawnAt").Description("Lúc tin được rút (chỉ có trong `withdrawnNews` và kết quả của `withdrawNews`).").Resolve(c => c.Source.WithdrawnAt);
        type.Field<ConnectionGraphType<NewsVersionGraphType, NewsVersion>>("history")
            .Description("Các phiên bản trước, mới nhất trước (người đăng và cán bộ của đơn vị hoặc cấp trên).")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                await DemandAsync(c, c.Source.PublishedBy, c.Source.UnitId);
                return await c.Service<ContentHistory>().NewsAsync(c.Source.Id, Page.From(c), c.CancellationToken);
            });
    }

    public static void AddResourceFields(ObjectGraphType<Resource> type)
    {
        type.Field(x => x.Version).Description("Phiên bản; gửi lại làm `expectedVersion` khi sửa hoặc rút.");
        type.Field<DateTimeOffsetGraphType>("editedAt").Description("Lần sửa gần nhất.").Resolve(c => c.Source.EditedAt);
        type.Field<DateTimeOffsetGraphType>("withdrawnAt").Description("Lúc tài nguyên được rút khỏi thư viện.").Resolve(c => c.Source.WithdrawnAt);
        type.Field<StringGraphType>("withdrawalReason").Description("Lý do cán bộ nêu khi rút tài nguyên khỏi thư viện.").Resolve(c => c.Source.WithdrawalReason);
        type.Field<ConnectionGraphType<ResourceVersionGraphType, ResourceVersion>>("history")
            .Description("Các phiên bản mô tả trước, mới nhất trước (người gửi và cán bộ của đơn vị duyệt hoặc cấp trên).")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                await DemandAsync(c, c.Source.SubmittedBy, c.Source.ReviewUnitId);
                return await c.Service<ContentHistory>().ResourceAsync(c.Source.Id, Page.From(c), c.CancellationToken);
            });
    }

    private static async Task DemandAsync(IResolveFieldContext c, Guid author, Guid unit)
    {
        if (c.User.PersonId() == author) return;
        await ContentAccess.DemandAsync(c, Permission.PublishContent, unit, HistoryRefused);
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        ContentAccess.Mutation<NewsGraphType, EditNewsInput, NewsItem>(mutation, "editNews",
            "Người đăng hoặc cán bộ của đơn vị (hoặc cấp trên) sửa tin; phiên bản cũ được giữ trong `history`. `expectedVersion` khác phiên bản hiện tại: `VERSION_CONFLICT`.",
            (i, actor) => new EditNews(Ids.Parse(i.NewsId, "newsId"), i.Title, i.Body, i.Public,
                (i.ImageFileIds ?? []).Select(id => Ids.Parse(id, "imageFileIds")).ToList(), i.ExpectedVersion, actor));
        ContentAccess.Mutation<NewsGraphType, WithdrawNewsInput, NewsItem>(mutation, "withdrawNews",
            "Người đăng hoặc cán bộ của đơn vị (hoặc cấp trên) rút tin khỏi mọi bảng tin; lịch sử vẫn được giữ.",
            (i, actor) => new WithdrawNews(Ids.Parse(i.NewsId, "newsId"), i.ExpectedVersion, actor));
        ContentAccess.Mutation<ResourceGraphType, EditResourceInput, Resource>(mutation, "editResource",
            "Người gửi hoặc cán bộ của đơn vị duyệt (hoặc cấp trên) sửa toàn bộ mô tả tài nguyên; phiên bản cũ được giữ trong `history`. "
            + "Người gửi tự sửa tài nguyên đã duyệt hoặc bị từ chối thì tài nguyên trở lại chờ duyệt.",
            (i, actor) => new EditResource(Ids.Parse(i.ResourceId, "resourceId"), i.ExpectedVersion,
                new SubmitResource(i.Title, i.Description ?? "", i.Domain, i.Audience, i.Language, i.Format, i.Licence, i.Author, i.Source, i.Subjects ?? [],
                    i.EducationalLevel, i.ResourceType, i.ExternalUrl, i.Collections ?? [], null, actor,
                    ContentAccess.OptionalId(i.FileId, "fileId"), ContentAccess.OptionalId(i.CoverFileId, "coverFileId"))));
        ContentAccess.Mutation<ResourceGraphType, WithdrawResourceInput, Resource>(mutation, "withdrawResource",
            "Người gửi hoặc cán bộ của đơn vị duyệt (hoặc cấp trên) rút tài nguyên khỏi thư viện và tìm kiếm; lịch sử vẫn được giữ. "
            + "Cán bộ rút tài nguyên của người khác phải nêu `reason` (người gửi đọc được trong `withdrawalReason`).",
            (i, actor) => new WithdrawResource(Ids.Parse(i.ResourceId, "resourceId"), i.ExpectedVersion, actor, i.Reason));
    }
}

internal sealed record EditNewsInput(string NewsId, string Title, string Body, bool? Public, string[]? ImageFileIds, int? ExpectedVersion);
internal sealed record WithdrawNewsInput(string NewsId, int? ExpectedVersion);
internal sealed record EditResourceInput(string ResourceId, string Title, string? Description, LearningDomain Domain, ResourceAudience Audience, string Language,
    ResourceFormat Format, ResourceLicence Licence, string? Author, string? Source, string[]? Subjects, string? EducationalLevel, string? ResourceType,
    string? ExternalUrl, string[]? Collections, string? FileId, string? CoverFileId, int? ExpectedVersion);
internal sealed record WithdrawResourceInput(string ResourceId, int? ExpectedVersion, string? Reason);
