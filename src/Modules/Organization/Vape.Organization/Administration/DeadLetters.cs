using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;
using Vape.Organization.Contracts;
using Vape.Organization.GraphQL;
using Vape.Organization.People;
using Vape.Organization.Tree;
using Wolverine.Persistence.Durability;
using Wolverine.Persistence.Durability.DeadLetterManagement;
using Wolverine.Runtime;

namespace Vape.Organization.Administration;

/// <summary>
/// Messages between modules that failed after their retries (an attendance Records could not write while its database
/// was away) wait in Wolverine's dead letters. The centre's officials list them, by type, id and error only, never
/// their content (it holds people's data), and replay them once the fault is fixed; a replayed message is handled as
/// if it arrived anew, and its handler's own checks keep it from counting twice.
/// </summary>
internal static class DeadLetters
{
    public const int MaxPage = 100;

    /// <summary>The newest this many are listed: more waiting means a fault to fix first, not a list to read.</summary>
    private const int MaxListed = 1000;

    public sealed record DeadLetter(Guid Id, string MessageType, string ReceivedAt, string ExceptionType, DateTimeOffset SentAt, bool Replayable);

    public static void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionGraphType<DeadLetterGraphType, DeadLetter>>>("deadLetters")
            .Description("Tin nhắn giữa các phân hệ đã lỗi sau mọi lần thử lại (chỉ loại, mã và lỗi; không có nội dung). Dành cho lãnh đạo Trung ương.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .PageArguments()
            .ResolveAsync(async c =>
            {
                await DemandCentreAsync(c);
                var page = Page.From(c);
                var found = await Letters(c).QueryAsync(new DeadLetterEnvelopeQuery { PageSize = MaxListed }, c.CancellationToken);
                return page.Slice(found.Envelopes.Select(e => new DeadLetter(e.Id, e.MessageType, e.ReceivedAt, e.ExceptionType, e.SentAt, e.Replayable)).ToList());
            });

    public sealed record ReplayDeadLettersInput(List<string> Ids);

    public sealed record ReplayedDeadLetters(int Replayed);

    public static void AddMutations(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<ReplayedDeadLettersGraphType>>("replayDeadLetters")
            .Description("Gửi lại các tin nhắn lỗi (theo mã) sau khi đã khắc phục sự cố; trả về số tin được gửi lại.")
            .Argument<NonNullGraphType<ReplayDeadLettersInputGraphType>>("input")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .ResolveAsync(async c =>
            {
                await DemandCentreAsync(c);
                var ids = c.GetArgument<ReplayDeadLettersInput>("input").Ids.Select(i => Ids.Parse(i, "ids")).Distinct().ToArray();
                if (ids.Length is 0 or > MaxPage) throw VapeException.InvalidInput($"Hãy chọn từ 1 đến {MaxPage} tin nhắn.");
                var letters = Letters(c);
                var known = 0;
                foreach (var id in ids)
                    if (await letters.DeadLetterEnvelopeByIdAsync(id) is not null) known++;
                if (known == 0) throw VapeException.NotFound("Không tìm thấy tin nhắn lỗi nào trong danh sách.");
                await letters.ReplayAsync(new DeadLetterEnvelopeQuery(ids), c.CancellationToken);
                return new ReplayedDeadLetters(known);
            });

    private static IDeadLetters Letters(IResolveFieldContext c) =>
        c.RequestServices!.GetRequiredService<IWolverineRuntime>().Storage.DeadLetters;

    /// <summary>Only those who manage the whole tree (the centre's chair, vice-chairs, standing members, secretary).</summary>
    private static async Task DemandCentreAsync(IResolveFieldContext c)
    {
        var services = c.RequestServices!;
        var root = await services.GetRequiredService<TreeStore>().LoadByCodeAsync(OrganizationSeed.CentralCode, c.CancellationToken)
            ?? throw VapeException.NotFound("Chưa có đơn vị Trung ương.");
        await services.GetRequiredService<OrganizationQueries>().DemandAsync(Access.Actor(c), Permission.ManageUnits, root.Id, c.CancellationToken);
    }

    private sealed class ReplayDeadLettersInputGraphType : InputObjectGraphType<ReplayDeadLettersInput>
    {
        public ReplayDeadLettersInputGraphType()
        {
            Name = "ReplayDeadLettersInput";
            Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids").Description("Mã các tin nhắn lỗi (tối đa 100).");
        }
    }

    private sealed class ReplayedDeadLettersGraphType : ObjectGraphType<ReplayedDeadLetters>
    {
        public ReplayedDeadLettersGraphType()
        {
            Name = "ReplayedDeadLetters";
            Field(r => r.Replayed).Description("Số tin được đánh dấu gửi lại.");
        }
    }

    private sealed class DeadLetterGraphType : ObjectGraphType<DeadLetter>
    {
        public DeadLetterGraphType()
        {
            Name = "DeadLetter";
            Description = "Một tin nhắn giữa các phân hệ đã lỗi: loại, nơi nhận, loại lỗi; không có nội dung.";
            Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
            Field(d => d.MessageType);
            Field(d => d.ReceivedAt);
            Field(d => d.ExceptionType);
            Field(d => d.SentAt);
            Field(d => d.Replayable).Description("Đã được đánh dấu gửi lại, đang chờ xử lý.");
        }
    }
}
