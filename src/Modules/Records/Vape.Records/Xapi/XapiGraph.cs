using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;

namespace Vape.Records.Xapi;

/// <summary>Officials register the learning providers that write to the LRS for their unit; the secret is in the answer only.</summary>
internal static class XapiGraph
{
    public static void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<XapiClientGraphType>>>>("xapiClients")
            .Description("Các ứng dụng xAPI đã đăng ký cho một đơn vị (không bao giờ có mật khẩu).")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<IdGraphType>>("unitId")
            .ResolveAsync(async c => await Clients(c).ListAsync(Actor(c), c.GetId("unitId"), c.CancellationToken));

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<XapiCredentialsGraphType>>("registerXapiClient")
            .Description("Cán bộ phụ trách hồ sơ học tập đăng ký một ứng dụng học tập ghi vào kho xAPI (`/xapi`) của đơn vị. "
                + "Mật khẩu chỉ hiện một lần, trong câu trả lời này. `trusted`: các mục ứng dụng ghi được coi là đã xác nhận.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<InputOf<RegisterXapiClientInput>>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<RegisterXapiClientInput>("input");
                return await Clients(c).RegisterAsync(Actor(c), Ids.Parse(input.UnitId, "unitId"), input.Name, input.Trusted ?? false, c.CancellationToken);
            });
        mutation.Field<NonNullGraphType<XapiClientGraphType>>("revokeXapiClient")
            .Description("Thu hồi một ứng dụng xAPI: từ lúc này nó không ghi, không đọc được nữa; những gì đã ghi vẫn còn.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<InputOf<RevokeXapiClientInput>>>("input")
            .ResolveAsync(async c => await Clients(c).RevokeAsync(Actor(c), Ids.Parse(c.GetArgument<RevokeXapiClientInput>("input").ClientId, "clientId"), c.CancellationToken));
        AddLinkMutation(mutation);
    }

    public static void AddLinkMutation(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<XapiAccountLinkGraphType>>("linkXapiAccount")
            .Description("Gắn một tài khoản xAPI (`account` của hệ thống học tập: homePage và name) với một hội viên: chính hội viên, hoặc cán bộ được xem hồ sơ của họ. "
                + "Các câu lệnh về tài khoản đó (hoàn thành, đạt, tham dự) trở thành hoạt động trong hồ sơ, kể cả những câu lệnh đã gửi trước; không bao giờ gắn theo e-mail.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<InputOf<LinkXapiAccountInput>>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<LinkXapiAccountInput>("input");
                var actor = Actor(c);
                var person = input.PersonId is null ? actor : Ids.Parse(input.PersonId, "personId");
                var count = await c.RequestServices!.GetRequiredService<XapiAttribution>().LinkAsync(actor, person, input.HomePage, input.Name, c.CancellationToken);
                return new XapiAccountLink(person, input.HomePage.Trim(), input.Name.Trim(), count);
            });

    private static XapiClients Clients(IResolveFieldContext c) => c.RequestServices!.GetRequiredService<XapiClients>();

    private static Guid Actor(IResolveFieldContext c) => c.User.PersonId() ?? throw VapeException.NotAuthenticated();
}

internal sealed record RegisterXapiClientInput(string UnitId, string Name, bool? Trusted);
internal sealed record RevokeXapiClientInput(string ClientId);
internal sealed record LinkXapiAccountInput(string HomePage, string Name, string? PersonId);
internal sealed record XapiAccountLink(Guid PersonId, string HomePage, string Name, int StatementsAttributed);

internal sealed class XapiAccountLinkGraphType : ObjectGraphType<XapiAccountLink>
{
    public XapiAccountLinkGraphType()
    {
        Name = "XapiAccountLink";
        Description = "Một tài khoản xAPI đã gắn với hội viên, và số câu lệnh đã gửi trước đó nay được quy cho họ.";
        Field<NonNullGraphType<IdGraphType>>("personId").Resolve(c => c.Source.PersonId);
        Field<NonNullGraphType<StringGraphType>>("homePage").Resolve(c => c.Source.HomePage);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<IntGraphType>>("statementsAttributed").Resolve(c => c.Source.StatementsAttributed);
    }
}

internal sealed class XapiCredentialsGraphType : ObjectGraphType<XapiCredentials>
{
    public XapiCredentialsGraphType()
    {
        Name = "XapiCredentials";
        Description = "Thông tin đăng nhập HTTP Basic của một ứng dụng xAPI: `key` là tên đăng nhập, `secret` là mật khẩu, chỉ hiện lần này.";
        Field<NonNullGraphType<IdGraphType>>("clientId").Resolve(c => c.Source.ClientId);
        Field<NonNullGraphType<IdGraphType>>("unitId").Resolve(c => c.Source.UnitId);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("key").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<StringGraphType>>("secret").Resolve(c => c.Source.Secret);
        Field<NonNullGraphType<BooleanGraphType>>("trusted").Resolve(c => c.Source.Trusted);
        Field<NonNullGraphType<StringGraphType>>("endpoint").Description("Đường dẫn của kho xAPI trên máy chủ này.").Resolve(c => c.Source.Endpoint);
    }
}

internal sealed class XapiClientGraphType : ObjectGraphType<XapiClientInfo>
{
    public XapiClientGraphType()
    {
        Name = "XapiClient";
        Description = "Một ứng dụng học tập được ghi vào kho xAPI của đơn vị.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IdGraphType>>("unitId").Resolve(c => c.Source.UnitId);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("key").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<BooleanGraphType>>("trusted").Resolve(c => c.Source.Trusted);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<DateTimeOffsetGraphType>("revokedAt").Resolve(c => c.Source.RevokedAt);
    }
}
