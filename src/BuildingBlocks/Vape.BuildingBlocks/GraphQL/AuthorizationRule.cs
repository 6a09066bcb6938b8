using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Errors;

namespace Vape.BuildingBlocks.GraphQL;

/// <summary>
/// Checks, before anything executes, the policies that types and fields declare with
/// <c>.AuthorizeWithPolicy(...)</c> (or <c>.Authorize()</c>), for the operation that will run.
/// Anonymous callers get NOT_AUTHENTICATED; signed-in callers that fail a policy get NOT_ALLOWED.
/// Resource checks ("is this person an official above unit X?") stay in the resolvers.
/// </summary>
internal sealed class AuthorizationRule : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(new Visitor());

    private sealed class Visitor : INodeVisitor
    {
        private bool _inOtherOperation;
        private readonly HashSet<object> _checked = [];

        public async ValueTask EnterAsync(ASTNode node, ValidationContext context)
        {
            switch (node)
            {
                case GraphQLOperationDefinition op:
                    _inOtherOperation = context.Operation is not null && !ReferenceEquals(op, context.Operation);
                    if (!_inOtherOperation)
                    {
                        IGraphType? root = op.Operation switch
                        {
                            OperationType.Mutation => context.Schema.Mutation,
                            OperationType.Subscription => context.Schema.Subscription,
                            _ => context.Schema.Query,
                        };
                        if (root is not null) await CheckAsync(root, node, context);
                    }
                    break;
                case GraphQLFragmentDefinition:
                    _inOtherOperation = false;
                    break;
                case GraphQLField when !_inOtherOperation:
                    var field = context.TypeInfo.GetFieldDef();
                    if (field is null) return;
                    await CheckAsync(field, node, context);
                    var type = field.ResolvedType?.GetNamedType();
                    if (type is not null) await CheckAsync(type, node, context);
                    break;
            }
        }

        public ValueTask LeaveAsync(ASTNode node, ValidationContext context) => default;

        private async ValueTask CheckAsync(IMetadataReader target, ASTNode node, ValidationContext context)
        {
            if (!target.IsAuthorizationRequired() || target.IsAnonymousAllowed() || !_checked.Add(target)) return;
            var user = context.User;
            var name = target switch { IFieldType f => $"field `{f.Name}`", IGraphType t => $"type `{t.Name}`", _ => "this" };
            if (user?.Identity?.IsAuthenticated != true)
            {
                context.ReportError(new ValidationError(context.Document.Source, ErrorCodes.NotAuthenticated, $"Cần đăng nhập để truy cập {name}.", node) { Code = ErrorCodes.NotAuthenticated });
                return;
            }
            var policies = target.GetPolicies();
            if (policies is null || policies.Count == 0) return;
            var authorization = context.RequestServices!.GetRequiredService<IAuthorizationService>();
            foreach (var policy in policies)
            {
                var result = await authorization.AuthorizeAsync(user, policy);
                if (!result.Succeeded)
                {
                    context.ReportError(new ValidationError(context.Document.Source, ErrorCodes.NotAllowed, $"Bạn không có quyền truy cập {name}.", node) { Code = ErrorCodes.NotAllowed });
                    return;
                }
            }
        }
    }
}
