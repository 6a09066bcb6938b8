using GraphQL;
using GraphQL.Types;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.GraphQL;
using Vape.Content.Library;
using Vape.Organization.Contracts;
using Vape.Records.Contracts;

namespace Vape.Content.GraphQL;

internal sealed class ResourceFormatGraphType : EnumerationGraphType<ResourceFormat>
{
    public ResourceFormatGraphType() => Name = "ResourceFormat";
}

internal sealed class ResourceLicenceGraphType : EnumerationGraphType<ResourceLicence>
{
    public ResourceLicenceGraphType()
    {
        Name = "ResourceLicence";
        Description = "Giấy phép: họ Creative Commons (CC_BY, CC_BY_SA, ...), CC0, phạm vi công cộng hoặc khác.";
    }
}

internal sealed class ResourceAudienceGraphType : EnumerationGraphType<ResourceAudience>
{
    public ResourceAudienceGraphType() => Name = "ResourceAudience";
}

internal sealed class ResourceStatusGraphType : EnumerationGraphType<ResourceStatus>
{
    public ResourceStatusGraphType() => Name = "ResourceStatus";
}

internal sealed class ResourceGraphType : ObjectGraphType<Resource>
{
    public ResourceGraphType()
    {
        Name = "Resource";
        Description = "Tài nguyên học tập mở, mô tả theo Dublin Core / LRMI.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field(x => x.Title).Description("dc:title");
        Field(x => x.Description).Description("dc:description");
        Field<NonNullGraphType<SharedEnumGraphType<LearningDomain>>>("domain").Resolve(c => c.Source.Domain);
        Field<NonNullGraphType<ResourceAudienceGraphType>>("audience").Description("lrmi:audience").Resolve(c => c.Source.Audience);
        Field(x => x.Language).Description("dc:language (ISO 639).");
        Field<NonNullGraphType<ResourceFormatGraphType>>("format").Description("dc:format").Resolve(c => c.Source.Format);
        Field<NonNullGraphType<ResourceLicenceGraphType>>("licence").Description("dc:rights").Resolve(c => c.Source.Licence);
        Field(x => x.Author, nullable: true).Description("dc:creator");
        Field(x => x.Source, nullable: true).Description("dc:source");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("subjects").Description("dc:subject / lrmi:keywords").Resolve(c => c.Source.Subjects);
        Field(x => x.EducationalLevel, nullable: true).Description("lrmi:educationalLevel");
        Field(x => x.ResourceType, nullable: true).Description("lrmi:learningResourceType");
        Field(x => x.ExternalUrl, nullable: true).Description("dc:identifier: nơi mở tài nguyên (khi không tải tệp lên).");
        Field<ContentFileGraphType>("file").Description("Tệp tài nguyên đã tải lên.")
            .ResolveAsync(async c => c.Source.FileId is Guid f ? (await ContentAccess.FilesAsync(c, [f], _ => $"/content/resources/{c.Source.Id}/file")).SingleOrDefault() : null);
        Field<ContentFileGraphType>("cover").Description("Ảnh bìa.")
            .ResolveAsync(async c => c.Source.CoverFileId is Guid f ? (await ContentAccess.FilesAsync(c, [f], _ => $"/content/resources/{c.Source.Id}/cover")).SingleOrDefault() : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("collections").Resolve(c => c.Source.Collections);
        Field<NonNullGraphType<ResourceStatusGraphType>>("status").Resolve(c => c.Source.Status);
        Field(x => x.RejectionReason, nullable: true);
        this.UnitField("reviewUnit", s => s.ReviewUnitId);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("submittedAt").Resolve(c => c.Source.SubmittedAt);
        Field(x => x.Views);
        Field(x => x.RatingCount);
        Field(x => x.RatingAverage, nullable: true);
        EditFields.AddResourceFields(this);
    }
}

internal sealed class FacetCountGraphType : ObjectGraphType<FacetCount>
{
    public FacetCountGraphType()
    {
        Name = "FacetCount";
        Field<NonNullGraphType<StringGraphType>>("value")
            .Description("Giá trị: tên trong enum của bộ lọc (ví dụ `CC_BY`, `VIDEO`), gửi lại nguyên như vậy trong `facets`.")
            .Resolve(c => EnumNames.GraphQLName(c.Source.Value));
        Field(x => x.Count);
    }
}

internal sealed class ResourceFacetsGraphType : ObjectGraphType<ResourceFacets>
{
    public ResourceFacetsGraphType()
    {
        Name = "ResourceFacets";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FacetCountGraphType>>>>("domain").Resolve(c => c.Source.Domain);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FacetCountGraphType>>>>("format").Resolve(c => c.Source.Format);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FacetCountGraphType>>>>("licence").Resolve(c => c.Source.Licence);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FacetCountGraphType>>>>("audience").Resolve(c => c.Source.Audience);
    }
}

internal sealed class ResourceSearchGraphType : ObjectGraphType<ResourceSearch>
{
    public ResourceSearchGraphType()
    {
        Name = "ResourceSearch";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeGraphType<ResourceGraphType, Resource>>>>>("edges").Resolve(c => c.Source.Page.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResourceGraphType>>>>("nodes").Resolve(c => c.Source.Page.Nodes);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Resolve(c => c.Source.Page.PageInfo);
        Field<NonNullGraphType<ResourceFacetsGraphType>>("facets").Description("Số kết quả theo từng giá trị của mỗi bộ lọc.").Resolve(c => c.Source.Facets);
    }
}

internal sealed class ResourceFacetsInputGraphType : InputObjectGraphType<ResourceFacetFilter>
{
    public ResourceFacetsInputGraphType()
    {
        Name = "ResourceFacetsInput";
        Field<SharedEnumGraphType<LearningDomain>>("domain");
        Field<ResourceFormatGraphType>("format");
        Field<ResourceLicenceGraphType>("licence");
        Field<ResourceAudienceGraphType>("audience");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new ResourceFacetFilter(
        value.TryGetValue("domain", out var d) ? (LearningDomain?)d : null, value.TryGetValue("format", out var f) ? (ResourceFormat?)f : null,
        value.TryGetValue("licence", out var l) ? (ResourceLicence?)l : null, value.TryGetValue("audience", out var a) ? (ResourceAudience?)a : null);
}

internal static class LibraryFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ResourceSearchGraphType>>("resources")
            .Cost(100) // a search of the library with its facet counts (ADR 0162)
            .Description("Tìm tài nguyên đã duyệt: không phân biệt dấu và đ/d, khớp đúng dấu xếp trước; lọc theo lĩnh vực, định dạng, giấy phép, đối tượng.")
            .Argument<StringGraphType>("search", $"Tối đa {ResourceStore.MaxSearchLength} ký tự.")
            .Argument<ResourceFacetsInputGraphType>("facets")
            .PageArguments()
            .ResolveAsync(async c => await c.Service<ResourceStore>().SearchAsync(c.GetArgument<string?>("search"),
                c.GetArgument<ResourceFacetFilter?>("facets") ?? new ResourceFacetFilter(null, null, null, null), Page.From(c), c.CancellationToken));

        query.Field<ResourceGraphType>("resource")
            .Description("Một tài nguyên: đã duyệt thì ai cũng xem được; chưa duyệt hoặc bị từ chối thì chỉ người gửi và cán bộ đơn vị duyệt.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c =>
            {
                var store = c.Service<ResourceStore>();
                var resource = await store.LoadAsync(c.GetId("id"), c.CancellationToken);
                return resource is not null && await store.CanSeeAsync(resource, c.User.PersonId(), c.CancellationToken) ? resource : null;
            });

        query.Field<NonNullGraphType<ConnectionGraphType<ResourceGraphType, Resource>>>("myResources")
            .Description("Tài nguyên tôi đã gửi và tình trạng duyệt (chờ duyệt, đã duyệt, bị từ chối kèm lý do, đã rút), mới nhất trước; `status` để lọc.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<ResourceStatusGraphType>("status")
            .PageArguments()
            .ResolveAsync(async c => await c.Service<ResourceStore>().SubmittedByAsync(ContentAccess.Actor(c), c.GetArgument<ResourceStatus?>("status"),
                Page.From(c), c.CancellationToken));

        query.Field<NonNullGraphType<ConnectionGraphType<ResourceGraphType, Resource>>>("resourcesToReview")
            .Description("Tài nguyên chờ duyệt ở đơn vị và các đơn vị cấp dưới (cán bộ của đơn vị hoặc cấp trên).")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<IdGraphType>>("unitId")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                var unit = c.GetId("unitId");
                await ContentAccess.DemandAsync(c, Permission.PublishContent, unit, "Chỉ cán bộ của đơn vị (hoặc cấp trên) mới xem tài nguyên chờ duyệt.");
                return await c.Service<ResourceStore>().ToReviewAsync(unit, Page.From(c), c.CancellationToken);
            });

        query.Field<NonNullGraphType<ConnectionGraphType<ResourceGraphType, Resource>>>("publishedResources")
            .Description("Tài nguyên đã duyệt mà đơn vị hoặc đơn vị cấp dưới duyệt, mới nhất trước; `search` tìm không phân biệt dấu (cán bộ của đơn vị hoặc cấp trên).")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<IdGraphType>>("unitId")
            .Argument<StringGraphType>("search", $"Tối đa {ResourceStore.MaxSearchLength} ký tự.")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                var unit = c.GetId("unitId");
                await ContentAccess.DemandAsync(c, Permission.PublishContent, unit, "Chỉ cán bộ của đơn vị (hoặc cấp trên) mới xem tài nguyên đơn vị đã duyệt.");
                return await c.Service<ResourceStore>().PublishedAsync(unit, c.GetArgument<string?>("search"), Page.From(c), c.CancellationToken);
            });
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        ContentAccess.Mutation<ResourceGraphType, SubmitResourceInput, Resource>(mutation, "submitResource",
            "Gửi một tài nguyên học tập mở để duyệt (ai đã đăng nhập cũng gửi được).",
            (i, actor) => new SubmitResource(i.Title, i.Description ?? "", i.Domain, i.Audience, i.Language, i.Format, i.Licence, i.Author, i.Source,
                i.Subjects ?? [], i.EducationalLevel, i.ResourceType, i.ExternalUrl, i.Collections ?? [], ContentAccess.OptionalId(i.ReviewUnitId, "reviewUnitId"), actor,
                ContentAccess.OptionalId(i.FileId, "fileId"), ContentAccess.OptionalId(i.CoverFileId, "coverFileId")));
        ContentAccess.Mutation<ResourceGraphType, ApproveResourceInput, Resource>(mutation, "approveResource",
            "Duyệt tài nguyên (cán bộ của đơn vị duyệt hoặc cấp trên); sau đó ai cũng xem được.",
            (i, actor) => new ReviewResource(Ids.Parse(i.ResourceId, "resourceId"), true, null, actor));
        ContentAccess.Mutation<ResourceGraphType, RejectResourceInput, Resource>(mutation, "rejectResource",
            "Từ chối tài nguyên, nêu lý do (cán bộ của đơn vị duyệt hoặc cấp trên).",
            (i, actor) => new ReviewResource(Ids.Parse(i.ResourceId, "resourceId"), false, i.Reason, actor));
        ContentAccess.Mutation<ResourceGraphType, RateResourceInput, Resource>(mutation, "rateResource",
            "Đánh giá tài nguyên đã duyệt từ 1 đến 5 sao; đánh giá lại thì thay đánh giá cũ.",
            (i, actor) => new RateResource(Ids.Parse(i.ResourceId, "resourceId"), i.Stars, actor));
        mutation.Field<NonNullGraphType<ResourceGraphType>>("viewResource")
            .Description("Ghi nhận một lượt xem tài nguyên đã duyệt (không cần đăng nhập).")
            .Argument<NonNullGraphType<InputOf<ViewResourceInput>>>("input")
            .ResolveAsync(async c => await c.Service<Wolverine.IMessageBus>().InvokeAsync<Resource>(
                new ViewResource(Ids.Parse(c.GetArgument<ViewResourceInput>("input").ResourceId, "resourceId")), c.CancellationToken));
    }
}

internal sealed record SubmitResourceInput(string Title, string? Description, LearningDomain Domain, ResourceAudience Audience, string Language,
    ResourceFormat Format, ResourceLicence Licence, string? Author, string? Source, string[]? Subjects, string? EducationalLevel, string? ResourceType,
    string? ExternalUrl, string[]? Collections, string? ReviewUnitId, string? FileId, string? CoverFileId);
internal sealed record ApproveResourceInput(string ResourceId);
internal sealed record RejectResourceInput(string ResourceId, string Reason);
internal sealed record RateResourceInput(string ResourceId, int Stars);
internal sealed record ViewResourceInput(string ResourceId);
