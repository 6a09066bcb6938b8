using JasperFx;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.Tests.Support;

namespace Vape.Tests.Platform;

/// <summary>A Development host of its own, for the hardening cases of issue #28.</summary>
public sealed class HardeningDevelopmentApp() : VapeApp("vape_tests_hardening", "Development", []);

/// <summary>The same cases against a Production host (with the demo people, so that there is someone to sign in as).</summary>
public sealed class HardeningProductionApp() : VapeApp("vape_tests_hardening_production", "Production", new() { ["Vape:DemoData"] = "true" })
{
    // Production loads pre-generated handler code, or generates it and writes it beside the host's sources: a test
    // host must not leave files there (a later build would compile them, stale, into the host).
    protected override void ConfigureServices(IServiceCollection services) =>
        services.CritterStackDefaults(x => x.Production.SourceCodeWritingEnabled = false);
}

/// <summary>Tokens for demo logins, issued the way /dev/token does (that endpoint does not exist in Production).</summary>
public sealed class DemoTokens(VapeApp app)
{
    private readonly Dictionary<string, string> _tokens = [];

    public async Task<string> For(string login)
    {
        if (_tokens.TryGetValue(login, out var token)) return token;
        var identity = await app.Host.Services.GetRequiredService<ILoginDirectory>().FindAsync(login, CancellationToken.None)
            ?? throw new InvalidOperationException($"no demo login {login}");
        return _tokens[login] = app.Host.Services.GetRequiredService<LocalTokenIssuer>().Issue(identity, TimeSpan.FromMinutes(30));
    }

    /// <summary>A validly signed token for someone who is not (or no longer) a person of Vape.</summary>
    public string ForPerson(Guid personId, string login = "ghost") =>
        app.Host.Services.GetRequiredService<LocalTokenIssuer>().Issue(new LoginIdentity(personId, login, "Người lạ"), TimeSpan.FromMinutes(30));
}

[CollectionDefinition(Name)]
public sealed class HardeningDevelopmentCollection : ICollectionFixture<HardeningDevelopmentApp>
{
    public const string Name = "hardening-development";
}

[CollectionDefinition(Name)]
public sealed class HardeningProductionCollection : ICollectionFixture<HardeningProductionApp>
{
    public const string Name = "hardening-production";
}
