using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.GraphQL;
using Vape.Organization.Contracts;
using Vape.Organization.GraphQL;
using Vape.Organization.People;

namespace Vape.Organization.Accounts;

/// <summary>The signed-in account (linked to a member or not), claiming membership, and ending access (ADR 0120, 0121).</summary>
internal static class AccountFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<AccountGraphType>>("myAccount")
            .Description("Tài khoản đang đăng nhập: đã gắn với hội viên nào chưa, có đang bị khóa nhận hội viên không.")
            .Authorize()
            .ResolveAsync(async c => await Accounts(c).OfAsync(c.User!, c.CancellationToken));

        query.Field<MembershipRequestGraphType>("myMembershipRequest")
            .Description("Yêu cầu gia nhập gần nhất của tài khoản đang đăng nhập; null nếu chưa có.")
            .Authorize()
            .ResolveAsync(async c => await Requests(c).MineAsync(c.User!, c.CancellationToken));

        query.Field<NonNullGraphType<ConnectionGraphType<MembershipRequestGraphType, MembershipRequest>>>("membershipRequests")
            .Description("Các yêu cầu gia nhập đang chờ duyệt của một đơn vị bạn quản lý.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<IdGraphType>>("unitId")
            .PageArguments()
            .ResolveAsync(async c => await Requests(c).WaitingAsync(Access.Actor(c), c.GetId("unitId"), Page.From(c), c.CancellationToken));
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ClaimCodeGraphType>>("issueClaimCode")
            .Description("Tạo mã nhận hội viên cho một hội viên của đơn vị bạn quản lý (in ra hoặc gửi cho họ); mã mới thay mã cũ.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<InputOf<IssueClaimCodeInput>>>("input")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<MembershipClaims>().IssueAsync(Access.Actor(c),
                Ids.Parse(c.GetArgument<IssueClaimCodeInput>("input").PersonId, "personId"), c.CancellationToken));

        mutation.Field<NonNullGraphType<AccountGraphType>>("claimMembership")
            .Description("Gắn tài khoản của bạn với hồ sơ hội viên bằng mã nhận hội viên do đơn vị cấp (và số định danh, nếu muốn). Sai 5 lần thì bị khóa một lúc.")
            .Authorize()
            .Argument<NonNullGraphType<InputOf<ClaimMembershipInput>>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<ClaimMembershipInput>("input");
                return await c.RequestServices!.GetRequiredService<MembershipClaims>().ClaimAsync(c.User!, input.Code, input.CitizenId, c.CancellationToken);
            });

        mutation.Field<NonNullGraphType<MembershipRequestGraphType>>("requestMembership")
            .Description("Xin gia nhập một đơn vị bạn chọn (hoặc xin đơn vị nhận bạn là hội viên họ đã có); chờ đơn vị duyệt. Yêu cầu mới thay yêu cầu cũ.")
            .Authorize()
            .Argument<NonNullGraphType<InputOf<RequestMembershipInput>>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<RequestMembershipInput>("input");
                return await Requests(c).RequestAsync(c.User!, Ids.Parse(input.UnitId, "unitId"), input.FullName, input.BirthYear, c.CancellationToken);
            });

        mutation.Field<NonNullGraphType<MembershipRequestGraphType>>("decideMembershipRequest")
            .Description("Duyệt (là hội viên `personId` đơn vị đã có, hoặc là hội viên mới khi không có `personId`) hay từ chối một yêu cầu gia nhập (khi từ chối phải ghi `reason`, người xin sẽ đọc).")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<InputOf<DecideMembershipRequestInput>>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<DecideMembershipRequestInput>("input");
                var personId = input.PersonId is null ? (Guid?)null : Ids.Parse(input.PersonId, "personId");
                return await Requests(c).DecideAsync(Access.Actor(c), Ids.Parse(input.RequestId, "requestId"), input.Approve, personId, input.Reason,
                    c.RequestServices!.GetRequiredService<Wolverine.IMessageBus>(), c.CancellationToken);
            });

        mutation.Field<NonNullGraphType<MembershipRequestGraphType>>("withdrawMembershipRequest")
            .Description("Rút lại yêu cầu gia nhập đang chờ duyệt của bạn.")
            .Authorize()
            .Argument<NonNullGraphType<InputOf<WithdrawMembershipRequestInput>>>("input")
            .ResolveAsync(async c => await Requests(c).WithdrawAsync(c.User!,
                Ids.Parse(c.GetArgument<WithdrawMembershipRequestInput>("input").RequestId, "requestId"), c.CancellationToken));

        mutation.Field<NonNullGraphType<PersonGraphType>>("endAccountLinks")
            .Description("Chấm dứt mọi liên kết tài khoản của một hội viên thuộc đơn vị bạn quản lý: các tài khoản đó không còn là hội viên này nữa.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<InputOf<EndAccountLinksInput>>>("input")
            .ResolveAsync(async c =>
            {
                var personId = Ids.Parse(c.GetArgument<EndAccountLinksInput>("input").PersonId, "personId");
                var person = await c.RequestServices!.GetRequiredService<PeopleStore>().LoadAsync(personId, c.CancellationToken)
                    ?? throw Vape.BuildingBlocks.Errors.VapeException.NotFound("Không tìm thấy hội viên.");
                await Access.DemandAsync(c, Permission.ManageMembers, person.HomeUnitId);
                await Accounts(c).EndLinksAsync(person.Id, c.CancellationToken);
                return person;
            });

        mutation.Field<NonNullGraphType<DeletedAccountGraphType>>("deleteMyAccount")
            .Description("Xóa tài khoản của bạn: nó không còn đăng nhập được với tư cách hội viên. Hồ sơ hội viên vẫn do đơn vị giữ.")
            .Authorize()
            .Argument<NonNullGraphType<InputOf<DeleteMyAccountInput>>>("input")
            .ResolveAsync(async c =>
            {
                if (!c.GetArgument<DeleteMyAccountInput>("input").Confirm)
                    throw Vape.BuildingBlocks.Errors.VapeException.InvalidInput("Hãy xác nhận việc xóa tài khoản (confirm: true).");
                var account = await Accounts(c).OfAsync(c.User!, c.CancellationToken);
                await Accounts(c).DeleteAsync(account, c.CancellationToken);
                return account;
            });
    }

    private static AccountStore Accounts(IResolveFieldContext c) => c.RequestServices!.GetRequiredService<AccountStore>();

    private static MembershipRequests Requests(IResolveFieldContext c) => c.RequestServices!.GetRequiredService<MembershipRequests>();
}

internal sealed record IssueClaimCodeInput(string PersonId);
internal sealed record ClaimMembershipInput(string Code, string? CitizenId);
internal sealed record EndAccountLinksInput(string PersonId);
internal sealed record DeleteMyAccountInput(bool Confirm);
internal sealed record RequestMembershipInput(string UnitId, string FullName, int? BirthYear);
internal sealed record DecideMembershipRequestInput(string RequestId, bool Approve, string? PersonId, string? Reason);
internal sealed record WithdrawMembershipRequestInput(string RequestId);

internal sealed class MembershipRequestStatusGraphType : EnumerationGraphType<MembershipRequestStatus>
{
    public MembershipRequestStatusGraphType()
    {
        Name = "MembershipRequestStatus";
        Description = "Chờ duyệt, đã duyệt, bị từ chối hay đã rút lại.";
    }
}

internal sealed class MembershipRequestGraphType : ObjectGraphType<MembershipRequest>
{
    public MembershipRequestGraphType()
    {
        Name = "MembershipRequest";
        Description = "Yêu cầu gia nhập của một tài khoản chưa gắn với hội viên.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<UnitGraphType>("unit").Resolve(c => Loaders.Unit(c, c.Source.UnitId));
        Field<NonNullGraphType<StringGraphType>>("fullName").Resolve(c => c.Source.FullName);
        Field<IntGraphType>("birthYear").Resolve(c => c.Source.BirthYear);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("requestedAt").Resolve(c => c.Source.RequestedAt);
        Field<NonNullGraphType<MembershipRequestStatusGraphType>>("status").Resolve(c => c.Source.Status);
        Field<StringGraphType>("reason").Description("Lý do từ chối (chỉ khi bị từ chối).").Resolve(c => c.Source.Reason);
        Field<DateTimeOffsetGraphType>("decidedAt").Description("Lúc được duyệt, bị từ chối hay rút lại.").Resolve(c => c.Source.DecidedAt);
        Field<PersonGraphType>("person").Description("Hội viên được gắn khi duyệt.")
            .ResolveAsync(async c => c.Source.PersonId is Guid id
                ? await c.RequestServices!.GetRequiredService<PeopleStore>().LoadAsync(id, c.CancellationToken) : null);
    }
}

internal sealed class AccountGraphType : ObjectGraphType<Account>
{
    public AccountGraphType()
    {
        Name = "Account";
        Description = "Một tài khoản đăng nhập. Nó là một hội viên chỉ khi đã được gắn (mã nhận hội viên, đơn vị duyệt).";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<PersonGraphType>("person").Description("Hội viên của tài khoản; null nếu chưa gắn.")
            .ResolveAsync(async c => c.Source.PersonId is Guid id
                ? await c.RequestServices!.GetRequiredService<PeopleStore>().LoadAsync(id, c.CancellationToken) : null);
        Field<DateTimeOffsetGraphType>("claimsLockedUntil").Description("Đến lúc này không nhận hội viên được nữa (đã nhập sai mã 5 lần).")
            .Resolve(c => c.Source.ClaimsLockedUntil);
    }
}

internal sealed class ClaimCodeGraphType : ObjectGraphType<IssuedClaimCode>
{
    public ClaimCodeGraphType()
    {
        Name = "ClaimCode";
        Description = "Mã nhận hội viên, chỉ hiện một lần: hãy in ra hoặc gửi cho hội viên.";
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("expiresAt").Resolve(c => c.Source.ExpiresAt);
        Field<NonNullGraphType<PersonGraphType>>("person").Resolve(c => c.Source.Person);
    }
}

internal sealed class DeletedAccountGraphType : ObjectGraphType<Account>
{
    public DeletedAccountGraphType()
    {
        Name = "DeletedAccount";
        Description = "Tài khoản vừa xóa.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
    }
}
