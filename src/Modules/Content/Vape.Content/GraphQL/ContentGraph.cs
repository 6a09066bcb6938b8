using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;
using Vape.Organization.Contracts;
using Wolverine;

namespace Vape.Content.GraphQL;

/// <summary>A file that content names; `url` is this module's download endpoint for it (range requests).</summary>
public sealed record ContentFile(Vape.BuildingBlocks.Files.StoredFile File, string Url);

internal sealed class ContentFileGraphType : ObjectGraphType<ContentFile>
{
    public ContentFileGraphType()
    {
        Name = "ContentFile";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.File.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.File.Name);
        Field<NonNullGraphType<StringGraphType>>("contentType").Resolve(c => c.Source.File.ContentType);
        Field<NonNullGraphType<LongGraphType>>("length").Resolve(c => c.Source.File.Length);
        Field(x => x.Url).Description("Tải về (GET, hỗ trợ Range); thêm `?download` để lưu thành tệp.");
    }
}

internal static class ContentAccess
{
    public static Guid Actor(IResolveFieldContext context) => context.User.PersonId() ?? throw VapeException.NotAuthenticated();

    public static T Service<T>(this IResolveFieldContext context) where T : notnull => context.RequestServices!.GetRequiredService<T>();

    public static async Task DemandAsync(IResolveFieldContext context, Permission permission, Guid unitId, string message)
    {
        if (!await MayAsync(context, permission, unitId)) throw VapeException.NotAllowed(message);
    }

    /// <summary>
    /// May the signed-in person do this on the unit, asked of the Organization module at most once per request,
    /// permission and unit (e.g. `directive(id)` and its `rollup` both check the issuer): the answer lives in
    /// the request's user context and dies with it.
    /// </summary>
    public static Task<bool> MayAsync(IResolveFieldContext context, Permission permission, Guid unitId)
    {
        var actor = Actor(context);
        var key = $"content.may:{actor:N}:{permission}:{unitId:N}";
        var memo = context.UserContext;
        lock (memo)
        {
            if (memo.TryGetValue(key, out var known) && known is Task<bool> answer) return answer;
            var asked = context.Service<IOrganizationQueries>().MayAsync(actor, permission, unitId, context.CancellationToken);
            memo[key] = asked;
            return asked;
        }
    }

    /// <summary>Every mutation: signed in, one `input` argument, the command sent through Wolverine (transaction, outbox).</summary>
    public static FieldBuilder<object?, object> Mutation<TGraph, TInput, TResult>(ObjectGraphType mutation, string name, string description,
        Func<TInput, Guid, object> command) where TGraph : IGraphType
    {
        return mutation.Field<NonNullGraphType<TGraph>>(name)
            .Description(description)
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<InputOf<TInput>>>("input")
            .ResolveAsync(async c =>
            {
                var message = command(c.GetArgument<TInput>("input"), Actor(c));
                return await c.Service<IMessageBus>().InvokeAsync<TResult>(message, c.CancellationToken);
            });
    }

    public static Guid? OptionalId(string? value, string name) => value is null ? null : Ids.Parse(value, name);

    public static async Task<List<ContentFile>> FilesAsync(IResolveFieldContext context, IEnumerable<Guid> ids, Func<Guid, string> url)
    {
        var files = new List<ContentFile>();
        foreach (var id in ids)
            if (await context.Service<Vape.BuildingBlocks.Files.IFileStore>().FindAsync(id, context.CancellationToken) is { } file) files.Add(new ContentFile(file, url(id)));
        return files;
    }
}

