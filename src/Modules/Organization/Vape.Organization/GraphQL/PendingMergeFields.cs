using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.GraphQL;
using Vape.Organization.People;
using Wolverine;

namespace Vape.Organization.GraphQL;

/// <summary>Pending merges (ADR 0103, 0108): listed and resolved by the officials of the citizen id's holder.</summary>
internal static class PendingMergeFields
{
    public static void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionGraphType<PendingMergeGraphType, PendingMerge>>>("pendingMerges")
            .Description("Các hội viên do đơn vị khác thêm với số định danh mà một hội viên trong cây đơn vị bạn quản lý đang giữ: chờ bạn xác nhận là một người (gộp) hay hai người.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<IdGraphType>>("unitId")
            .PageArguments()
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<PendingMerges>()
                .OfUnitAsync(Access.Actor(c), c.GetId("unitId"), Page.From(c), c.CancellationToken));

    public static void AddMutations(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<ResolvedMergeGraphType>>("resolvePendingMerge")
            .Description("Giải quyết một yêu cầu gộp: `merge: true` nếu là cùng một người (hội viên của bạn sinh hoạt thêm ở đơn vị kia, bản ghi mới thôi hiệu lực), `false` nếu là hai người khác nhau.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<InputOf<ResolvePendingMergeInput>>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<ResolvePendingMergeInput>("input");
                return await c.RequestServices!.GetRequiredService<IMessageBus>().InvokeAsync<ResolvedMerge>(
                    new ResolvePendingMerge(Ids.Parse(input.MergeId, "mergeId"), input.Merge, Access.Actor(c)), c.CancellationToken);
            });
}

internal sealed record ResolvePendingMergeInput(string MergeId, bool Merge);

internal sealed class PendingMergeGraphType : ObjectGraphType<PendingMerge>
{
    public PendingMergeGraphType()
    {
        Name = "PendingMerge";
        Description = "Một hội viên do đơn vị khác thêm, trùng số định danh với hội viên của bạn: những gì đơn vị kia đã nhập, không hơn.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<PersonGraphType>("existingMember").Description("Hội viên của bạn đang giữ số định danh.")
            .Resolve(c => Loaders.Person(c, c.Source.ExistingPersonId));
        Field<NonNullGraphType<StringGraphType>>("fullName").Description("Họ và tên do đơn vị kia nhập.").Resolve(c => c.Source.NewFullName);
        Field<IntGraphType>("birthYear").Resolve(c => c.Source.NewBirthYear);
        Field<GenderGraphType>("gender").Resolve(c => c.Source.NewGender);
        Field<UnitGraphType>("unit").Description("Đơn vị đã thêm hội viên này.").Resolve(c => Loaders.Unit(c, c.Source.NewHomeUnitId));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("requestedAt").Resolve(c => c.Source.RequestedAt);
    }
}

internal sealed class ResolvedMergeGraphType : ObjectGraphType<ResolvedMerge>
{
    public ResolvedMergeGraphType()
    {
        Name = "ResolvedMerge";
        Description = "Kết quả giải quyết một yêu cầu gộp.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<BooleanGraphType>>("merged").Resolve(c => c.Source.Merged);
        Field<PersonGraphType>("person").Description("Hội viên ở lại với đơn vị kia: hội viên của bạn nếu gộp, hội viên mới nếu không.")
            .Resolve(c => Loaders.Person(c, c.Source.PersonId));
    }
}
