using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Vape.ArchitectureTests;

/// <summary>
/// Why a type of a module runtime or BuildingBlocks is public (docs/adr/0250), decided by rule from the compiled
/// assemblies (Mono.Cecil): what code generated at run time (Wolverine's handler chains, Marten's storage and
/// projections, SignalR's typed clients and MessagePack formatters) or another assembly compiles against, and every
/// type a public member of those exposes. A type with no reason should be internal.
/// </summary>
internal sealed class PublicTypeReasons
{
    public const string NamedByAnotherAssembly = "named by another assembly";
    public const string ConstantsNamedInSource = "its constants are named in another assembly's source";
    public const string WolverineHandler = "a Wolverine handler";
    public const string WolverineMessageOrDependency = "a Wolverine message, or a service its generated handler code constructs";
    public const string FrameworkSubtype = "extends or implements a Marten, Wolverine or JasperFx type";
    public const string FrameworkTypeArgument = "handed to Marten, Wolverine or JasperFx as a type argument (a document, an aggregate, a projection)";
    public const string CalledByFramework = "taken by a method Marten or Wolverine calls by convention (an event an aggregate applies, a message a saga handles)";
    public const string NamedByTypeOf = "named by typeof: a Marten event type or a type registered at run time";
    public const string Hub = "a SignalR hub";
    public const string HubClientContract = "a SignalR hub's typed client contract (a proxy is emitted for it)";
    public const string SentToHubClients = "sent to hub clients (MessagePack's formatters need public types)";
    public const string EntryPoint = "a module entry point (a VapeModule, or Add*Module, Map*Module)";
    public const string Exposed = "exposed by a public member of a public type";
    public const string HandListed = "hand list";

    public static readonly string[] Modules = ["Organization", "Records", "Content", "Classes", "Coordination", "Funds", "Notifications"];

    private static readonly string[] FrameworkNamespaces = ["Marten", "JasperFx", "Wolverine", "Weasel"];

    private static readonly string[] HandlerMethods =
        ["Handle", "HandleAsync", "Handles", "HandlesAsync", "Consume", "ConsumeAsync", "Before", "BeforeAsync", "After", "AfterAsync",
         "Finally", "FinallyAsync", "Load", "LoadAsync", "Validate", "ValidateAsync"];

    private static readonly string[] ConventionMethods =
        ["Apply", "Create", "ShouldDelete", "Evolve", "EvolveAsync", "Start", "StartAsync", "Orchestrate", "OrchestrateAsync", "NotFound", "Handle", "HandleAsync"];

    /// <summary>The rest, each with the reason no rule above sees.</summary>
    private static readonly Dictionary<string, string> HandList = new(StringComparer.Ordinal)
    {
    };

    private readonly ModuleDefinition _module;
    private readonly Dictionary<string, TypeDefinition> _byName;
    private readonly Dictionary<TypeDefinition, string> _reasons = [];
    private readonly Queue<TypeDefinition> _exposing = new();
    private readonly Queue<TypeDefinition> _dependencies = new();
    private readonly HashSet<TypeDefinition> _followed = [];
    private readonly HashSet<TypeDefinition> _conventional = [];

    private PublicTypeReasons(string assembly)
    {
        var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(AppContext.BaseDirectory);
        _module = ModuleDefinition.ReadModule(Path.Combine(AppContext.BaseDirectory, assembly + ".dll"), new ReaderParameters { AssemblyResolver = resolver });
        _byName = _module.GetTypes().Where(t => !t.Name.StartsWith('<')).ToDictionary(t => t.FullName, StringComparer.Ordinal);
        Assembly = assembly;
    }

    public string Assembly { get; }

    public IReadOnlyDictionary<TypeDefinition, string> Reasons => _reasons;

    public IEnumerable<TypeDefinition> TopLevel => _byName.Values.Where(t => !t.IsNested && t.Name != "<Module>");

    public IEnumerable<string> Unexplained => TopLevel.Where(t => t.IsPublic && !_reasons.ContainsKey(t)).Select(t => t.FullName).Order();

    public static PublicTypeReasons For(string assembly)
    {
        var reasons = new PublicTypeReasons(assembly);
        reasons.Judge();
        return reasons;
    }

    private void Judge()
    {
        var named = NamedByUsers(Assembly);
        var words = new Lazy<HashSet<string>>(() => NamedInSource(Assembly));
        foreach (var type in _byName.Values)
        {
            if (named.Contains(type.FullName)) Keep(type, NamedByAnotherAssembly, dependency: true);
            else if (type.Fields.Any(f => f.IsPublic && f.IsLiteral) && words.Value.Contains(type.Name)) Keep(type, ConstantsNamedInSource);
            if (HandList.TryGetValue(type.FullName, out var reason)) Keep(type, HandListed + ": " + reason);
            if (IsHandler(type)) KeepHandler(type);
            if (IsEntryPoint(type)) Keep(type, EntryPoint);
            JudgeBases(type);
            foreach (var method in type.Methods.Where(m => m.HasBody && !WrittenByCompiler(m))) JudgeBody(method);
        }
        foreach (var method in _module.GetTypes().Where(t => t.Name.StartsWith('<')).SelectMany(t => t.Methods).Where(m => m.HasBody && !WrittenByCompiler(m)))
            JudgeBody(method);
        while (_exposing.Count > 0 || _dependencies.Count > 0)
        {
            while (_dependencies.TryDequeue(out var dependency)) FollowDependency(dependency);
            while (_exposing.TryDequeue(out var type)) Expose(type);
        }
    }

    private void Keep(TypeDefinition type, string reason, bool dependency = false)
    {
        if (dependency) _dependencies.Enqueue(type);
        if (reason is FrameworkSubtype or FrameworkTypeArgument && _conventional.Add(type))
            foreach (var parameter in type.Methods.Where(m => ConventionMethods.Contains(m.Name)).SelectMany(m => m.Parameters))
                KeepAll(parameter.ParameterType, CalledByFramework);
        if (!_reasons.TryAdd(type, reason)) return;
        _exposing.Enqueue(type);
        if (type.DeclaringType is { } outer) Keep(outer, Exposed);
    }

    private void KeepAll(TypeReference? reference, string reason, bool dependency = false)
    {
        foreach (var type in Ours(reference)) Keep(type, reason, dependency);
    }

    private IEnumerable<TypeDefinition> Ours(TypeReference? reference)
    {
        switch (reference)
        {
            case null or GenericParameter:
                yield break;
            case GenericInstanceType generic:
                foreach (var type in Ours(generic.ElementType)) yield return type;
                foreach (var type in generic.GenericArguments.SelectMany(Ours)) yield return type;
                yield break;
            case TypeSpecification specification:
                foreach (var type in Ours(specification.ElementType)) yield return type;
                yield break;
        }
        if (_byName.TryGetValue(reference.FullName, out var ours)) yield return ours;
    }

    private static bool InFramework(TypeReference type)
    {
        var outer = type;
        while (outer.DeclaringType is { } declaring) outer = declaring;
        return FrameworkNamespaces.Any(n => outer.Namespace == n || outer.Namespace.StartsWith(n + ".", StringComparison.Ordinal));
    }

    private static bool IsHandler(TypeDefinition type) =>
        type.Name.EndsWith("Handler", StringComparison.Ordinal) || type.Name.EndsWith("Consumer", StringComparison.Ordinal)
        || type.Methods.Any(m => m.IsPublic && HandlerMethods.Contains(m.Name));

    private static bool IsEntryPoint(TypeDefinition type) =>
        type.BaseType?.FullName == "Vape.BuildingBlocks.Modules.VapeModule"
        || type.Methods.Any(m => m.IsPublic && m.IsStatic && m.Name.EndsWith("Module", StringComparison.Ordinal)
            && (m.Name.StartsWith("Add", StringComparison.Ordinal) || m.Name.StartsWith("Map", StringComparison.Ordinal)));

    private void KeepHandler(TypeDefinition handler)
    {
        Keep(handler, WolverineHandler);
        foreach (var method in handler.Methods.Where(m => m.IsPublic))
        {
            KeepAll(method.ReturnType, WolverineMessageOrDependency, dependency: true);
            foreach (var parameter in method.Parameters) KeepAll(parameter.ParameterType, WolverineMessageOrDependency, dependency: true);
        }
    }

    /// <summary>Wolverine's generated code news up a handler's services, an interface's implementation and their constructors' arguments.</summary>
    private void FollowDependency(TypeDefinition type)
    {
        if (!_followed.Add(type)) return;
        if (type.IsInterface || type.IsAbstract)
        {
            foreach (var implementation in _byName.Values.Where(t => t is { IsClass: true, IsAbstract: false } && Implements(t, type)))
                Keep(implementation, WolverineMessageOrDependency, dependency: true);
            return;
        }
        foreach (var constructor in type.Methods.Where(m => m.IsConstructor && !m.IsStatic && m.IsPublic))
            foreach (var parameter in constructor.Parameters)
                KeepAll(parameter.ParameterType, WolverineMessageOrDependency, dependency: true);
    }

    private bool Implements(TypeDefinition type, TypeDefinition contract)
    {
        for (var current = type; current is not null; current = current.BaseType is { } b ? Ours(b).FirstOrDefault() : null)
        {
            if (current == contract || current.Interfaces.Any(i => Ours(i.InterfaceType).Contains(contract))) return true;
        }
        return false;
    }

    private void JudgeBases(TypeDefinition type)
    {
        var bases = type.Interfaces.Select(i => i.InterfaceType).Prepend(type.BaseType).OfType<TypeReference>().ToList();
        foreach (var reference in bases.Where(InFramework))
        {
            Keep(type, FrameworkSubtype);
            if (reference is GenericInstanceType generic)
                foreach (var argument in generic.GenericArguments) KeepAll(argument, FrameworkTypeArgument);
        }
        if (!DerivesFromHub(type)) return;
        Keep(type, Hub);
        for (var current = type.BaseType; current is not null; current = Resolve(current)?.BaseType)
            if (current is GenericInstanceType { Name: "Hub`1" } typed) KeepAll(typed.GenericArguments[0], HubClientContract);
    }

    private static TypeDefinition? Resolve(TypeReference reference)
    {
        try { return reference.Resolve(); }
        catch (AssemblyResolutionException) { return null; }
    }

    private static bool DerivesFromHub(TypeDefinition type)
    {
        for (var current = type.BaseType; current is not null; current = Resolve(current)?.BaseType)
            if (current.Namespace == "Microsoft.AspNetCore.SignalR" && current.Name is "Hub" or "Hub`1") return true;
        return false;
    }

    /// <summary>
    /// A member the compiler writes (a record's EqualityContract, which names the record by typeof, its &lt;Clone&gt;$, PrintMembers,
    /// Equals): no one named a type there. Local functions are marked too but hold written code; lambdas and async bodies sit in
    /// compiler-generated types but are not marked themselves, so only the member's own attribute counts.
    /// </summary>
    private static bool WrittenByCompiler(MethodDefinition method) =>
        method.CustomAttributes.Any(a => a.AttributeType.FullName == "System.Runtime.CompilerServices.CompilerGeneratedAttribute")
        && !method.Name.Contains(">g__", StringComparison.Ordinal);

    private void JudgeBody(MethodDefinition method)
    {
        var sends = false;
        var built = new List<TypeReference>();
        foreach (var instruction in method.Body.Instructions)
        {
            switch (instruction.Operand)
            {
                case MethodReference called:
                    if (instruction.OpCode == OpCodes.Newobj) built.Add(called.DeclaringType);
                    if (called is GenericInstanceMethod generic && InFramework(called.DeclaringType))
                        foreach (var argument in generic.GenericArguments) KeepAll(argument, FrameworkTypeArgument);
                    if (called.DeclaringType is GenericInstanceType declaring && InFramework(declaring))
                        foreach (var argument in declaring.GenericArguments) KeepAll(argument, FrameworkTypeArgument);
                    sends |= called.Name is "SendAsync" or "SendCoreAsync" && called.DeclaringType.Namespace == "Microsoft.AspNetCore.SignalR";
                    break;
                case TypeReference token when instruction.OpCode == OpCodes.Ldtoken:
                    KeepAll(token, NamedByTypeOf);
                    break;
            }
        }
        if (!sends) return;
        foreach (var parameter in method.Parameters) KeepAll(parameter.ParameterType, SentToHubClients);
        foreach (var variable in method.Body.Variables) KeepAll(variable.VariableType, SentToHubClients);
        foreach (var type in built) KeepAll(type, SentToHubClients);
    }

    /// <summary>A public type's public and protected members, base type and constraints name only public types, or it does not compile.</summary>
    private void Expose(TypeDefinition type)
    {
        KeepAll(type.BaseType, Exposed);
        if (type.IsInterface)
            foreach (var contract in type.Interfaces) KeepAll(contract.InterfaceType, Exposed);
        foreach (var constraint in type.GenericParameters.SelectMany(p => p.Constraints)) KeepAll(constraint.ConstraintType, Exposed);
        foreach (var field in type.Fields.Where(f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly)) KeepAll(field.FieldType, Exposed);
        foreach (var method in type.Methods.Where(m => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly))
        {
            KeepAll(method.ReturnType, Exposed);
            foreach (var parameter in method.Parameters) KeepAll(parameter.ParameterType, Exposed);
            foreach (var constraint in method.GenericParameters.SelectMany(p => p.Constraints)) KeepAll(constraint.ConstraintType, Exposed);
        }
        foreach (var nested in type.NestedTypes.Where(n => n.IsNestedPublic || n.IsNestedFamily || n.IsNestedFamilyOrAssembly)) Keep(nested, Exposed);
    }

    /// <summary>Full names of the types an assembly's users name in their code (Cecil's type references, '/' for nested).</summary>
    private static HashSet<string> NamedByUsers(string assembly)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var user in Users(assembly))
        {
            using var module = ModuleDefinition.ReadModule(Path.Combine(AppContext.BaseDirectory, user + ".dll"));
            foreach (var reference in module.GetTypeReferences()) named.Add(reference.FullName);
        }
        return named;
    }

    private static string[] Users(string assembly) => assembly == "Vape.BuildingBlocks"
        ? ["Vape.Host", .. Modules.Select(m => "Vape." + m), .. Modules.Select(m => $"Vape.{m}.Contracts")]
        : ["Vape.Host"];

    /// <summary>A constant is copied into the code that uses it, leaving no type reference: such users are found by name in their source.</summary>
    private static HashSet<string> NamedInSource(string assembly)
    {
        var roots = assembly == "Vape.BuildingBlocks"
            ? Directory.GetDirectories(Path.Combine(Repository.Root, "src", "Modules")).Append(Path.Combine(Repository.Root, "src", "Host"))
            : [Path.Combine(Repository.Root, "src", "Host")];
        return roots.SelectMany(r => Directory.EnumerateFiles(r, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal))
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), @"\w+").Select(m => m.Value))
            .ToHashSet(StringComparer.Ordinal);
    }
}
