using System.Text;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;
using Vape.Organization.Contracts;
using Vape.Organization.People;
using Vape.Organization.Tree;
using Wolverine;

namespace Vape.Organization.GraphQL;

internal static class OrganizationFields
{
    public const int MaxSearchLength = 100;

    public static void AddQueries(ObjectGraphType query)
    {
        Administration.DeadLetters.AddQueries(query);
        query.Field<UnitGraphType>("unit")
            .Description("Một đơn vị theo id (kể cả đã sáp nhập hoặc giải thể); null nếu không có.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => Loaders.Unit(c, c.GetId("id")));

        query.Field<UnitGraphType>("unitByCode")
            .Description("Một đơn vị theo mã (ví dụ `T01` là Hà Nội); null nếu không có.")
            .Argument<NonNullGraphType<StringGraphType>>("code")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<TreeStore>()
                .LoadByCodeAsync((c.GetArgument<string>("code") ?? "").Trim().ToUpperInvariant(), c.CancellationToken));

        query.Field<NonNullGraphType<ConnectionGraphType<UnitGraphType, Unit>>>("units")
            .Description("Các đơn vị đang hoạt động trực thuộc `parentId`; không có `parentId`: cấp cao nhất (trung ương).")
            .Argument<IdGraphType>("parentId")
            .Argument<UnitKindGraphType>("kind")
            .PageArguments()
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<TreeStore>()
                .ChildrenAsync(c.GetOptionalId("parentId"), c.GetArgument<UnitKind?>("kind"), Page.From(c), c.CancellationToken));

        query.Field<NonNullGraphType<ConnectionGraphType<UnitGraphType, Unit>>>("searchUnits")
            .Description("Tìm đơn vị theo tên, không phân biệt dấu và đ/d (“da nang” tìm ra “Đà Nẵng”); khớp đúng dấu xếp trước.")
            .Argument<NonNullGraphType<StringGraphType>>("text")
            .Argument<IdGraphType>("within", "Chỉ tìm trong cây của đơn vị này.")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                var text = SearchText(c);
                return await Page.From(c).RankedAsync(limit => c.RequestServices!.GetRequiredService<TreeStore>()
                    .SearchAsync(text, c.GetOptionalId("within"), limit, c.CancellationToken));
            });

        query.Field<NonNullGraphType<ConnectionGraphType<PersonGraphType, Person>>>("searchPeople")
            .Description("Tìm hội viên theo tên trong cây của một đơn vị mà bạn quản lý.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<StringGraphType>>("text")
            .Argument<NonNullGraphType<IdGraphType>>("unitId")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                var text = SearchText(c);
                var unitId = c.GetId("unitId");
                var page = Page.From(c);
                await Access.DemandAsync(c, Permission.ViewMembers, unitId);
                return await page.RankedAsync(limit => c.RequestServices!.GetRequiredService<PeopleStore>().SearchAsync(text, unitId, limit, c.CancellationToken));
            });

        query.Field<PersonGraphType>("member")
            .Description("Một hội viên theo id, để sửa (`version` gửi lại làm `expectedVersion`): chỉ cán bộ của nơi sinh hoạt của họ hoặc cấp trên (người khác: NOT_ALLOWED); null nếu không có.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c =>
            {
                var person = await c.RequestServices!.GetRequiredService<PeopleStore>().LoadAsync(c.GetId("id"), c.CancellationToken);
                if (person is null) return null;
                await Access.DemandAsync(c, Permission.ViewMembers, person.HomeUnitId);
                return person;
            });

        query.Field<NonNullGraphType<MeGraphType>>("me")
            .Description("Người đang đăng nhập và các chức vụ của họ.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .ResolveAsync(async c =>
            {
                var actor = Access.Actor(c);
                var person = await c.RequestServices!.GetRequiredService<PeopleStore>().LoadAsync(actor, c.CancellationToken)
                    ?? throw VapeException.NotFound("Tài khoản chưa gắn với hội viên nào.");
                var roles = await c.RequestServices!.GetRequiredService<OrganizationQueries>().RolesAsync(actor, c.CancellationToken);
                return new Me(person, roles);
            });
    }

    private static string SearchText(IResolveFieldContext c)
    {
        var text = (c.GetArgument<string>("text") ?? "").Trim().Normalize(NormalizationForm.FormC);
        if (text.Length == 0) throw VapeException.InvalidInput("Hãy nhập nội dung tìm kiếm.");
        if (text.Length > MaxSearchLength) throw VapeException.InvalidInput($"Nội dung tìm kiếm dài tối đa {MaxSearchLength} ký tự.");
        return text;
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        Administration.DeadLetters.AddMutations(mutation);
        Mutation<UnitGraphType, CreateUnitInput, Unit>(mutation, "createUnit", "Thành lập đơn vị trực thuộc một đơn vị bạn quản lý.",
            (i, actor) => new CreateUnit(Ids.Parse(i.ParentId, "parentId"), i.Code, i.Name, i.Kind, i.EffectiveFrom, actor));
        Mutation<UnitGraphType, RenameUnitInput, Unit>(mutation, "renameUnit", "Đổi tên đơn vị (tên cũ được giữ trong lịch sử).",
            (i, actor) => new RenameUnit(Ids.Parse(i.UnitId, "unitId"), i.Name, i.ExpectedVersion, actor, i.EffectiveFrom));
        Mutation<UnitGraphType, MoveUnitInput, Unit>(mutation, "moveUnit", "Chuyển đơn vị (cùng cả cây của nó) sang đơn vị cấp trên khác.",
            (i, actor) => new MoveUnit(Ids.Parse(i.UnitId, "unitId"), Ids.Parse(i.NewParentId, "newParentId"), i.ExpectedVersion, actor, i.EffectiveFrom))
            .Cost(50); // the whole subtree moves with it (ADR 0162)
        Mutation<UnitGraphType, MergeUnitInput, Unit>(mutation, "mergeUnit",
            "Sáp nhập đơn vị vào đơn vị tiếp nhận cùng loại: đơn vị trực thuộc và hội viên chuyển sang. A + B → C: tạo C rồi sáp nhập A và B vào C.",
            (i, actor) => new MergeUnit(Ids.Parse(i.UnitId, "unitId"), Ids.Parse(i.SuccessorId, "successorId"), i.ExpectedVersion, actor, i.EffectiveFrom))
            .Cost(50); // its children and members move to the successor (ADR 0162)
        Mutation<UnitGraphType, DissolveUnitInput, Unit>(mutation, "dissolveUnit", "Giải thể một đơn vị không còn đơn vị trực thuộc và hội viên.",
            (i, actor) => new DissolveUnit(Ids.Parse(i.UnitId, "unitId"), i.ExpectedVersion, actor, i.EffectiveFrom));
        Mutation<PersonGraphType, AddMemberInput, Person>(mutation, "addMember", "Thêm hội viên vào một đơn vị bạn quản lý.",
            (i, actor) => new AddMember(Ids.Parse(i.HomeUnitId, "homeUnitId"), i.FullName, i.BirthYear, i.Gender, OptionalId(i.HouseholdId, "householdId"),
                i.CitizenId, (i.OtherUnitIds ?? []).Select(id => Ids.Parse(id, "otherUnitIds")).ToList(), actor));
        Mutation<PersonGraphType, UpdateMemberInput, Person>(mutation, "updateMember", "Sửa thông tin hoặc chuyển nơi sinh hoạt của hội viên.",
            (i, actor) => new UpdateMember(Ids.Parse(i.PersonId, "personId"), i.ExpectedVersion, i.FullName, i.BirthYear, i.Gender,
                OptionalId(i.HouseholdId, "householdId"), Ids.Parse(i.HomeUnitId, "homeUnitId"), actor));
        Mutation<ImportResultGraphType, ImportUnitsInput, ImportResult>(mutation, "importUnits",
            $"Nhập các đơn vị cấp dưới từ tệp CSV UTF-8 (mã hóa base64), dòng tiêu đề `{ImportUnits.Header}`. Có dòng sai thì không nhập gì.",
            (i, actor) => new ImportUnits(Ids.Parse(i.UnitId, "unitId"), Base64(i.CsvBase64), actor))
            .Cost(100); // a CSV of units checked and written at once (ADR 0162)
        Mutation<PersonGraphType, LinkAccountInput, Person>(mutation, "linkAccount",
            "Gắn hội viên với tài khoản Microsoft Entra ID (object id) để họ đăng nhập.",
            (i, actor) => new LinkAccount(Ids.Parse(i.PersonId, "personId"), i.ExternalId, actor));
        Mutation<RoleGraphType, AssignRoleInput, Role>(mutation, "assignRole", "Giao chức vụ cho hội viên trên một đơn vị bạn quản lý.",
            (i, actor) => new AssignRole(Ids.Parse(i.PersonId, "personId"), Ids.Parse(i.UnitId, "unitId"), i.Role, i.From, i.To, actor));
        Mutation<ImportResultGraphType, ImportMembersInput, ImportResult>(mutation, "importMembers",
            $"Nhập hội viên từ tệp CSV UTF-8 (mã hóa base64), dòng tiêu đề `{ImportMembersHandler.Header}`. Có dòng sai thì không nhập gì và trả về danh sách dòng sai.",
            (i, actor) => new ImportMembers(Ids.Parse(i.UnitId, "unitId"), Base64(i.CsvBase64), actor))
            .Cost(100); // a CSV of members checked, hashed and copied at once (ADR 0162)
        Mutation<RoleGraphType, EndRoleInput, Role>(mutation, "endRole", "Kết thúc một chức vụ (mặc định từ hôm nay).",
            (i, actor) => new EndRole(Ids.Parse(i.RoleId, "roleId"), i.On, actor));
    }

    private static byte[] Base64(string value)
    {
        try { return Convert.FromBase64String(value); }
        catch (FormatException) { throw VapeException.InvalidInput("`csvBase64` không phải base64 hợp lệ."); }
    }

    private static Guid? OptionalId(string? value, string name) => value is null ? null : Ids.Parse(value, name);

    /// <summary>Every mutation: signed in, one `input` argument, the command sent through Wolverine (transaction, outbox).</summary>
    private static FieldBuilder<object?, object> Mutation<TGraph, TInput, TResult>(ObjectGraphType mutation, string name, string description,
        Func<TInput, Guid, object> command) where TGraph : IGraphType
    {
        return mutation.Field<NonNullGraphType<TGraph>>(name)
            .Description(description)
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<InputOf<TInput>>>("input")
            .ResolveAsync(async c =>
            {
                var message = command(c.GetArgument<TInput>("input"), Access.Actor(c));
                return await c.RequestServices!.GetRequiredService<IMessageBus>().InvokeAsync<TResult>(message, c.CancellationToken);
            });
    }
}

internal sealed record CreateUnitInput(string ParentId, string Code, string Name, UnitKind Kind, DateOnly? EffectiveFrom);
internal sealed record RenameUnitInput(string UnitId, string Name, int ExpectedVersion, DateOnly? EffectiveFrom);
internal sealed record MoveUnitInput(string UnitId, string NewParentId, int ExpectedVersion, DateOnly? EffectiveFrom);
internal sealed record MergeUnitInput(string UnitId, string SuccessorId, int ExpectedVersion, DateOnly? EffectiveFrom);
internal sealed record DissolveUnitInput(string UnitId, int ExpectedVersion, DateOnly? EffectiveFrom);
internal sealed record AddMemberInput(string HomeUnitId, string FullName, int? BirthYear, Gender? Gender, string? HouseholdId, string? CitizenId, string[]? OtherUnitIds);
internal sealed record UpdateMemberInput(string PersonId, int ExpectedVersion, string FullName, int? BirthYear, Gender? Gender, string? HouseholdId, string HomeUnitId);
internal sealed record AssignRoleInput(string PersonId, string UnitId, OfficialRole Role, DateOnly? From, DateOnly? To);
internal sealed record EndRoleInput(string RoleId, DateOnly? On);
internal sealed record ImportMembersInput(string UnitId, string CsvBase64);
internal sealed record ImportUnitsInput(string UnitId, string CsvBase64);
internal sealed record LinkAccountInput(string PersonId, string ExternalId);
