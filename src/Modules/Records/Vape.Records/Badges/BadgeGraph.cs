using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using QRCoder;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;
using Vape.Organization.Contracts;

namespace Vape.Records.Badges;

/// <summary>A citizen's Open Badges credentials: list, issue from an achievement, revoke; a unit's key rotation (docs/adr/0191–0193).</summary>
internal static class BadgeGraph
{
    public static void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<BadgeGraphType>>>>("myBadges")
            .Description("Các chứng nhận số (Open Badges 3.0) đã cấp từ hồ sơ học tập của tôi, mới nhất trước.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .ResolveAsync(async c => await Service(c).ListAsync(Actor(c), null, c.CancellationToken));

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<BadgeGraphType>>("issueBadge")
            .Description("Người học đổi một thành tích đã được công nhận trong hồ sơ của mình (lớp học đã hoàn thành, chứng chỉ đã xác nhận, học bổng, danh hiệu) "
                + "thành một chứng nhận số Open Badges 3.0, do đơn vị nơi mình sinh hoạt ký; ai cũng kiểm tra được. Mỗi thành tích một chứng nhận: gửi lại trả về chứng nhận đã cấp.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<InputOf<IssueBadgeInput>>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<IssueBadgeInput>("input");
                var service = Service(c);
                return await service.IssueAsync(new IssueBadge(Actor(c), input.Source, Ids.Parse(input.SourceId, "sourceId")), service.Origin(Http(c)), c.CancellationToken);
            });
        mutation.Field<NonNullGraphType<BadgeGraphType>>("revokeBadge")
            .Description("Người được cấp, hoặc cán bộ phụ trách hồ sơ của đơn vị cấp, thu hồi một chứng nhận số, nêu lý do: từ lúc này nó không còn hợp lệ khi kiểm tra.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<InputOf<RevokeBadgeInput>>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<RevokeBadgeInput>("input");
                return await Service(c).RevokeAsync(new RevokeBadge(Actor(c), Ids.Parse(input.BadgeId, "badgeId"), input.Reason), c.CancellationToken);
            });
        mutation.Field<NonNullGraphType<BadgeKeyRotationGraphType>>("rotateBadgeKey")
            .Description("Cán bộ quản lý đơn vị tạo khóa ký mới cho chứng nhận số của đơn vị: chứng nhận cấp sau ký bằng khóa mới, chứng nhận cũ vẫn hợp lệ.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<InputOf<RotateBadgeKeyInput>>>("input")
            .ResolveAsync(async c =>
            {
                var unit = Ids.Parse(c.GetArgument<RotateBadgeKeyInput>("input").UnitId, "unitId");
                var org = c.RequestServices!.GetRequiredService<IOrganizationQueries>();
                if (!await org.MayAsync(Actor(c), Permission.ManageUnits, unit, c.CancellationToken)) throw VapeException.NotAllowed();
                var service = Service(c);
                var n = await service.RotateAsync(unit, c.CancellationToken);
                return new BadgeKeyRotation(unit, VcJwt.KeyId(service.Origin(Http(c)), unit, n));
            });
    }

    /// <summary>The page that checks a credential, with the credential's public address: what the QR code opens.</summary>
    public static string VerifyUrl(string origin, Guid badgeId) => $"{origin}/verify?badge={badgeId}";

    public static string QrSvg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }

    private static BadgeService Service(IResolveFieldContext c) => c.RequestServices!.GetRequiredService<BadgeService>();

    private static HttpContext? Http(IResolveFieldContext c) => c.RequestServices!.GetRequiredService<IHttpContextAccessor>().HttpContext;

    private static Guid Actor(IResolveFieldContext c) => c.User.PersonId() ?? throw VapeException.NotAuthenticated();

    internal static string Origin(IResolveFieldContext c) => Service(c).Origin(Http(c));
}

internal sealed record IssueBadgeInput(BadgeSource Source, string SourceId);
internal sealed record RevokeBadgeInput(string BadgeId, string Reason);
internal sealed record RotateBadgeKeyInput(string UnitId);
internal sealed record BadgeKeyRotation(Guid UnitId, string KeyId);

internal sealed class BadgeSourceGraphType : EnumerationGraphType<BadgeSource>
{
    public BadgeSourceGraphType()
    {
        Name = "BadgeSource";
        Description = "Chứng nhận làm từ một mục của hồ sơ (ENTRY: lớp học, chứng chỉ đã xác nhận, học bổng) hay một danh hiệu (TITLE).";
    }
}

internal sealed class BadgeGraphType : ObjectGraphType<Badge>
{
    public BadgeGraphType()
    {
        Name = "Badge";
        Description = "Một chứng nhận số Open Badges 3.0 (VC-JWT ký EdDSA) của người học.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<BadgeSourceGraphType>>("source").Resolve(c => c.Source.Source);
        Field<NonNullGraphType<IdGraphType>>("sourceId").Description("Mục hoặc danh hiệu của hồ sơ đã làm nên chứng nhận.").Resolve(c => c.Source.SourceId);
        Field<NonNullGraphType<IdGraphType>>("unitId").Description("Đơn vị cấp (ký).").Resolve(c => c.Source.UnitId);
        Field<NonNullGraphType<StringGraphType>>("issuerName").Resolve(c => c.Source.IssuerName);
        Field<NonNullGraphType<StringGraphType>>("name").Description("Tên thành tích.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("credential").Description("Chứng nhận dạng VC-JWT: tải về, gửi cho người cần kiểm tra.").Resolve(c => c.Source.Credential);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("issuedAt").Resolve(c => c.Source.IssuedAt);
        Field<DateTimeOffsetGraphType>("revokedAt").Resolve(c => c.Source.RevokedAt);
        Field<NonNullGraphType<StringGraphType>>("verifyUrl").Description("Trang kiểm tra chứng nhận này (mã QR mở trang này).")
            .Resolve(c => BadgeGraph.VerifyUrl(BadgeGraph.Origin(c), c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("qrCodeSvg").Description("Mã QR (SVG) mở trang kiểm tra chứng nhận.")
            .Resolve(c => BadgeGraph.QrSvg(BadgeGraph.VerifyUrl(BadgeGraph.Origin(c), c.Source.Id)));
    }
}

internal sealed class BadgeKeyRotationGraphType : ObjectGraphType<BadgeKeyRotation>
{
    public BadgeKeyRotationGraphType()
    {
        Name = "BadgeKeyRotation";
        Description = "Khóa ký mới của đơn vị (mã khóa trong tài liệu DID của đơn vị).";
        Field<NonNullGraphType<IdGraphType>>("unitId").Resolve(c => c.Source.UnitId);
        Field<NonNullGraphType<StringGraphType>>("keyId").Resolve(c => c.Source.KeyId);
    }
}
