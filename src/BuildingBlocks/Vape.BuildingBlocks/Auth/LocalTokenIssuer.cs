using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using Vape.BuildingBlocks.Hosting;

namespace Vape.BuildingBlocks.Auth;

/// <summary>
/// Signs Vape's own access tokens when no Entra ID tenant is configured. The key is created once and kept in
/// the data folder, so tokens survive restarts and every host sharing the folder accepts them.
/// </summary>
public sealed class LocalTokenIssuer
{
    public const string Issuer = "vape-local";
    public const string Audience = "vape";
    private readonly SymmetricSecurityKey _key;
    private readonly TimeProvider _clock;

    public LocalTokenIssuer(string keysPath, TimeProvider clock)
    {
        _clock = clock;
        _key = new SymmetricSecurityKey(KeyFiles.ReadOrCreate(keysPath, "local-issuer.key", 64)) { KeyId = "vape-local-1" };
    }

    public SecurityKey SigningKey => _key;

    public string Issue(LoginIdentity identity, TimeSpan lifetime)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var token = new JwtSecurityToken(
            issuer: Issuer,
            audience: Audience,
            claims:
            [
                new Claim("sub", identity.PersonId.ToString()),
                new Claim(VapeClaims.Person, identity.PersonId.ToString()),
                new Claim(VapeClaims.Login, identity.Login),
                new Claim(VapeClaims.Name, identity.DisplayName),
            ],
            notBefore: now,
            expires: now + lifetime,
            signingCredentials: new SigningCredentials(_key, SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    /// <summary>
    /// A token for an account that signed up with a one-time code: its subject is the account, and it names no
    /// person. The Organization module links the account to a person only where a link was made (ADR 0120).
    /// </summary>
    public string IssueForAccount(Guid accountId, TimeSpan lifetime)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var token = new JwtSecurityToken(issuer: Issuer, audience: Audience, claims: [new Claim("sub", accountId.ToString())],
            notBefore: now, expires: now + lifetime, signingCredentials: new SigningCredentials(_key, SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }
}
