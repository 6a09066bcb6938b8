using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;
using Vape.Organization.Contracts;
using Vape.Organization.People;

namespace Vape.Organization.GraphQL;

internal sealed class GenderGraphType : EnumerationGraphType<Gender>
{
    public GenderGraphType() => Name = "Gender";
}

internal sealed class OfficialRoleGraphType : EnumerationGraphType<OfficialRole>
{
    public OfficialRoleGraphType()
    {
        Name = "OfficialRole";
        Description = "Chủ tịch, phó chủ tịch, ủy viên thường trực, thư ký, cán bộ.";
    }
}

internal sealed class PersonGraphType : ObjectGraphType<Person>
{
    public PersonGraphType()
    {
        Name = "Person";
        Description = "Hội viên. Không bao giờ trả về số định danh.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field(x => x.FullName).Description("Họ và tên.");
        Field(x => x.BirthYear, nullable: true);
        Field<GenderGraphType>("gender").Resolve(c => c.Source.Gender);
        Field<IdGraphType>("householdId").Resolve(c => c.Source.HouseholdId);
        Field<NonNullGraphType<CalendarDateGraphType>>("joinedOn").Resolve(c => c.Source.JoinedOn);
        Field(x => x.Version).Description("Gửi lại làm `expectedVersion` khi sửa.");
        Field<UnitGraphType>("homeUnit").Description("Nơi sinh hoạt.").Resolve(c => Loaders.Unit(c, c.Source.HomeUnitId));
    }
}

internal sealed class RoleGraphType : ObjectGraphType<Role>
{
    public RoleGraphType()
    {
        Name = "Role";
        Description = "Một chức vụ trên một đơn vị, có hiệu lực trên cả cây đơn vị đó.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<OfficialRoleGraphType>>("role").Resolve(c => c.Source.Kind);
        Field<UnitGraphType>("unit").Resolve(c => Loaders.Unit(c, c.Source.UnitId));
        Field<PersonGraphType>("person").Description("Người giữ chức vụ (nạp theo lô).").Resolve(c => Loaders.Person(c, c.Source.PersonId));
        Field<NonNullGraphType<CalendarDateGraphType>>("from").Resolve(c => c.Source.From);
        Field<CalendarDateGraphType>("to").Description("Ngày kết thúc (không tính ngày này).").Resolve(c => c.Source.To);
    }
}

internal sealed class ImportProblemGraphType : ObjectGraphType<ImportProblem>
{
    public ImportProblemGraphType()
    {
        Name = "ImportProblem";
        Field(x => x.Line).Description("Số dòng trong tệp (dòng tiêu đề là 1).");
        Field(x => x.Message);
    }
}

internal sealed class ImportResultGraphType : ObjectGraphType<ImportResult>
{
    public ImportResultGraphType()
    {
        Name = "ImportResult";
        Field(x => x.Ok).Description("Đúng khi mọi dòng hợp lệ và đã được nhập.");
        Field(x => x.Imported).Description("Số hội viên đã nhập (0 nếu có dòng sai).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImportProblemGraphType>>>>("problems").Resolve(c => c.Source.Problems);
    }
}

internal sealed record Me(Person Person, IReadOnlyList<Role> Roles);

internal sealed class MeGraphType : ObjectGraphType<Me>
{
    public MeGraphType()
    {
        Name = "Me";
        Description = "Người đang đăng nhập.";
        Field<NonNullGraphType<PersonGraphType>>("person").Resolve(c => c.Source.Person);
        Field<NonNullGraphType<IdGraphType>>("personId").Resolve(c => c.Source.Person.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Person.FullName);
        Field<UnitGraphType>("homeUnit").Resolve(c => Loaders.Unit(c, c.Source.Person.HomeUnitId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoleGraphType>>>>("roles").Description("Chức vụ đang giữ.").Resolve(c => c.Source.Roles);
    }
}

/// <summary>Resource checks in resolvers: the caller must be signed in and hold a role granting the permission there.</summary>
internal static class Access
{
    public static Guid Actor(IResolveFieldContext context) => context.User.PersonId() ?? throw VapeException.NotAuthenticated();

    public static Task DemandAsync(IResolveFieldContext context, Permission permission, Guid unitId) =>
        context.RequestServices!.GetRequiredService<OrganizationQueries>().DemandAsync(Actor(context), permission, unitId, context.CancellationToken);
}
