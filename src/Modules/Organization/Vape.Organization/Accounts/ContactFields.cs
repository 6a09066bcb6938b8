using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.GraphQL;

namespace Vape.Organization.Accounts;

/// <summary>The member's own phone and e-mail, changed with a code to the new address (ADR 0185). Officials see neither.</summary>
internal static class ContactFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<MyContactGraphType>>("myContact")
            .Description("Số điện thoại và e-mail của bạn (chỉ bạn thấy; cán bộ đơn vị không thấy).")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .ResolveAsync(async c => await Contacts(c).MineAsync(c.User!, c.CancellationToken));
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ContactChangeGraphType>>("requestContactChange")
            .Description("Đổi số điện thoại hoặc e-mail: gửi mã xác nhận đến địa chỉ MỚI. Tối đa 5 mã mỗi giờ.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<InputOf<RequestContactChangeInput>>>("input")
            .ResolveAsync(async c => await Contacts(c).RequestChangeAsync(c.User!, c.GetArgument<RequestContactChangeInput>("input").Address, c.CancellationToken));

        mutation.Field<NonNullGraphType<MyContactGraphType>>("confirmContactChange")
            .Description("Xác nhận địa chỉ mới bằng mã đã gửi đến nó. Sai 5 lần thì bị khóa 15 phút.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<InputOf<ConfirmContactChangeInput>>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<ConfirmContactChangeInput>("input");
                return await Contacts(c).ConfirmChangeAsync(c.User!, input.Address, input.Code, c.CancellationToken);
            });

        mutation.Field<NonNullGraphType<MyContactGraphType>>("removeMyContact")
            .Description("Xóa số điện thoại hoặc e-mail của bạn.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<InputOf<RemoveMyContactInput>>>("input")
            .ResolveAsync(async c => await Contacts(c).RemoveAsync(c.User!, c.GetArgument<RemoveMyContactInput>("input").Kind, c.CancellationToken));
    }

    private static PersonContacts Contacts(IResolveFieldContext c) => c.RequestServices!.GetRequiredService<PersonContacts>();
}

internal sealed record RequestContactChangeInput(string Address);
internal sealed record ConfirmContactChangeInput(string Address, string Code);
internal sealed record RemoveMyContactInput(ContactKind Kind);

internal sealed class ContactKindGraphType : EnumerationGraphType<ContactKind>
{
    public ContactKindGraphType()
    {
        Name = "ContactKind";
        Description = "Số điện thoại hay địa chỉ e-mail.";
    }
}

internal sealed class MyContactGraphType : ObjectGraphType<MyContact>
{
    public MyContactGraphType()
    {
        Name = "MyContact";
        Description = "Số điện thoại và e-mail của bạn, được mã hóa bằng khóa riêng của bạn (xóa hồ sơ là xóa luôn).";
        Field<StringGraphType>("phone").Resolve(c => c.Source.Phone);
        Field<StringGraphType>("email").Resolve(c => c.Source.Email);
        Field<ContactChangeGraphType>("pendingChange").Description("Thay đổi đang chờ mã xác nhận, nếu có.").Resolve(c => c.Source.Pending);
    }
}

internal sealed class ContactChangeGraphType : ObjectGraphType<ContactChangeStarted>
{
    public ContactChangeGraphType()
    {
        Name = "ContactChange";
        Description = "Thay đổi số điện thoại hoặc e-mail, chờ mã đã gửi đến địa chỉ mới.";
        Field<NonNullGraphType<ContactKindGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("sentTo").Description("Địa chỉ mới, đã che bớt.").Resolve(c => c.Source.SentTo);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("expiresAt").Resolve(c => c.Source.ExpiresAt);
    }
}
