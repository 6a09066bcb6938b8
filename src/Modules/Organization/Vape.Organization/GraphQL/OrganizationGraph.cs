using GraphQL;
using GraphQL.Types;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;
using Vape.Organization.People;
using Vape.Organization.Tree;
using Wolverine;

namespace Vape.Organization.GraphQL;

public sealed class UnitKindGraphType : EnumerationGraphType<UnitKind>
{
    public UnitKindGraphType()
    {
        Name = "UnitKind";
        Description = "Loại đơn vị trong cây tổ chức.";
    }
}

public sealed class UnitStatusGraphType : EnumerationGraphType<UnitStatus>
{
    public UnitStatusGraphType() => Name = "UnitStatus";
}

public sealed class OfficialRoleGraphType : EnumerationGraphType<OfficialRole>
{
    public OfficialRoleGraphType() => Name = "OfficialRole";
}

public sealed class UnitGraphType : ObjectGraphType<Unit>
{
    public UnitGraphType()
    {
        Name = "Unit";
        Description = "Một đơn vị của Hội: trung ương, tỉnh/thành, xã/phường và các đơn vị cơ sở.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field(x => x.Code).Description("Mã đơn vị, duy nhất.");
        Field(x => x.Name).Description("Tên tiếng Việt.");
        Field<NonNullGraphType<UnitKindGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<UnitStatusGraphType>>("status").Resolve(c => c.Source.Status);
        Field(x => x.Depth).Description("0 cho trung ương, 1 cho tỉnh/thành, ...");
        Field(x => x.Version).Description("Phiên bản; gửi lại làm `expectedVersion` khi sửa.");
        Field<NonNullGraphType<StringGraphType>>("effectiveFrom").Resolve(c => c.Source.EffectiveFrom.ToString("yyyy-MM-dd"));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("formedFrom")
            .Description("Các đơn vị hợp thành (lịch sử sáp nhập).").Resolve(c => c.Source.FormedFrom);
        Field<UnitGraphType>("parent")
            .Description("Đơn vị cấp trên (nạp theo lô: một truy vấn cho cả danh sách).")
            .Resolve(c => c.Source.ParentId is Guid parentId ? UnitLoader.For(c).Load(parentId) : null);
        Field<NonNullGraphType<ConnectionGraphType<UnitGraphType, Unit>>>("children")
            .Description("Các đơn vị trực thuộc, theo mã.")
            .PageArguments()
            .ResolveAsync(async c => await UnitQueries.ChildrenAsync(c.RequestServices!.GetRequiredService<IQuerySession>(), c.Source.Id, Page.From(c), c.CancellationToken));
    }
}

public sealed class RoleGraphType : ObjectGraphType<RoleAssignment>
{
    public RoleGraphType()
    {
        Name = "Role";
        Field<NonNullGraphType<OfficialRoleGraphType>>("role").Resolve(c => c.Source.Role);
        Field<UnitGraphType>("unit").Resolve(c => UnitLoader.For(c).Load(c.Source.UnitId));
        Field<NonNullGraphType<StringGraphType>>("from").Resolve(c => c.Source.From.ToString("yyyy-MM-dd"));
        Field<StringGraphType>("to").Resolve(c => c.Source.To?.ToString("yyyy-MM-dd"));
    }
}

public sealed record Me(Person Person, IReadOnlyList<RoleAssignment> Roles);

public sealed class MeGraphType : ObjectGraphType<Me>
{
    public MeGraphType()
    {
        Name = "Me";
        Description = "Người đang đăng nhập.";
        Field<NonNullGraphType<IdGraphType>>("personId").Resolve(c => c.Source.Person.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Person.FullName);
        Field<UnitGraphType>("homeUnit").Resolve(c => UnitLoader.For(c).Load(c.Source.Person.HomeUnitId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoleGraphType>>>>("roles").Resolve(c => c.Source.Roles);
    }
}

public sealed class RenameUnitInputGraphType : InputObjectGraphType<RenameUnitInput>
{
    public RenameUnitInputGraphType()
    {
        Name = "RenameUnitInput";
        Field<NonNullGraphType<IdGraphType>>("unitId");
        Field<NonNullGraphType<StringGraphType>>("name").Description($"Tên mới, 1–{RenameUnitHandler.MaxNameLength} ký tự.");
        Field<NonNullGraphType<IntGraphType>>("expectedVersion").Description("`version` mà bạn đã đọc.");
    }
}

public sealed record RenameUnitInput(string UnitId, string Name, int ExpectedVersion);

internal static class UnitLoader
{
    public static BatchLoader<Guid, Unit> For(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<BatchLoaders>().Get<Guid, Unit>("units", async (ids, ct) =>
        {
            var session = context.RequestServices!.GetRequiredService<IQuerySession>();
            var units = await session.LoadManyAsync<Unit>(ct, ids);
            return units.ToDictionary(u => u.Id);
        });
}

internal static class UnitQueries
{
    public static async Task<Connection<Unit>> ChildrenAsync(IQuerySession session, Guid? parentId, Page page, CancellationToken ct)
    {
        var after = page.AfterKey;
        var query = parentId is Guid id
            ? session.Query<Unit>().Where(u => u.ParentId == id)
            : session.Query<Unit>().Where(u => u.ParentId == null);
        if (after is not null) query = query.Where(u => string.Compare(u.Code, after) > 0);
        var rows = await query.OrderBy(u => u.Code).Take(page.First + 1).ToListAsync(ct);
        return page.ToConnection(rows, u => u.Code);
    }
}

internal static class OrganizationFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<UnitGraphType>("unit")
            .Description("Một đơn vị theo id; null nếu không có.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => UnitLoader.For(c).Load(c.GetId("id")));

        query.Field<NonNullGraphType<ConnectionGraphType<UnitGraphType, Unit>>>("units")
            .Description("Các đơn vị trực thuộc `parentId`; không có `parentId`: cấp cao nhất (trung ương).")
            .Argument<IdGraphType>("parentId")
            .PageArguments()
            .ResolveAsync(async c => await UnitQueries.ChildrenAsync(c.RequestServices!.GetRequiredService<IQuerySession>(),
                c.GetOptionalId("parentId"), Page.From(c), c.CancellationToken));

        query.Field<NonNullGraphType<MeGraphType>>("me")
            .Description("Người đang đăng nhập và vai trò của họ.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .ResolveAsync(async c =>
            {
                var session = c.RequestServices!.GetRequiredService<IQuerySession>();
                var personId = c.User.PersonId()!.Value;
                var person = await session.LoadAsync<Person>(personId, c.CancellationToken)
                    ?? throw VapeException.NotFound("Tài khoản chưa gắn với hội viên nào.");
                var roles = await OrganizationQueries.ActiveRolesAsync(session, personId,
                    c.RequestServices!.GetRequiredService<TimeProvider>(), c.CancellationToken);
                return new Me(person, roles);
            });
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<UnitGraphType>>("renameUnit")
            .Description("Đổi tên một đơn vị thuộc phạm vi quản lý của bạn.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<RenameUnitInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<RenameUnitInput>("input");
                var bus = c.RequestServices!.GetRequiredService<IMessageBus>();
                return await bus.InvokeAsync<Unit>(
                    new RenameUnit(Ids.Parse(input.UnitId, "unitId"), input.Name, input.ExpectedVersion, c.User.PersonId()!.Value), c.CancellationToken);
            });
    }
}
