using System.Diagnostics;
using System.Text.Json.Nodes;
using Alba;
using Vape.Tests.Support;

namespace Vape.Tests.Funds;

/// <summary>
/// The documented verification a citizen runs on a downloaded ledger (docs/funds.md): the repository's command,
/// and the signature alone with openssl. An edited line or another key fails both.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class FundsVerifyCommandTests(VapeApp app) : IAsyncLifetime
{
    private readonly FundsApi _api = new(app);
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("vape-ledger-");

    public Task InitializeAsync() { FundsApi.Current = app; return app.ResetAsync(); }

    public Task DisposeAsync()
    {
        _dir.Delete(recursive: true);
        return Task.CompletedTask;
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Vape.sln"))) return dir.FullName;
        throw new InvalidOperationException("Vape.sln not found");
    }

    private static async Task<(int Exit, string Output)> Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    /// <summary>The command as built beside the tests (the same Debug/Release), as `dotnet run --project tools/Vape.Funds.Verify` would run it.</summary>
    private static Task<(int Exit, string Output)> Verify(params string[] args)
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/") ? "Release" : "Debug";
        var dll = Path.Combine(Root(), "tools", "Vape.Funds.Verify", "bin", configuration, "net10.0", "Vape.Funds.Verify.dll");
        return Run("dotnet", [dll, .. args]);
    }

    private async Task<string> Get(string url)
    {
        var result = await app.Host.Scenario(s => { s.Get.Url(url); s.StatusCodeShouldBeOk(); });
        return await result.ReadAsTextAsync();
    }

    [Fact]
    public async Task The_command_and_openssl_accept_a_downloaded_ledger_and_refuse_an_edited_one()
    {
        var fund = await _api.FundOk("commune", "T01-X001");
        FundsApi.Ok(await _api.Donate("commune", fund, 7_000_000, "Dòng họ Nguyễn"));
        FundsApi.Ok(await _api.Donate("commune", fund, 3_000_000, null, "ANONYMOUS"));
        var unit = await _api.Org.UnitId("T01-X001");
        var ledger = Path.Combine(_dir.FullName, "ledger.json");
        var key = Path.Combine(_dir.FullName, "ledger-key.pem");
        var json = await Get($"/funds/units/{unit}/ledger.json");
        await File.WriteAllTextAsync(ledger, json);
        await File.WriteAllTextAsync(key, await Get($"/funds/units/{unit}/ledger-key.pem"));

        var valid = await Verify(ledger, key);
        valid.Exit.ShouldBe(0, valid.Output);
        valid.Output.ShouldContain("HỢP LỆ");

        var edited = JsonNode.Parse(json)!;
        edited["entries"]![0]!["memo"] = "Tiền ủng hộ (đã sửa)";
        await File.WriteAllTextAsync(ledger, edited.ToJsonString());
        var broken = await Verify(ledger, key);
        broken.Exit.ShouldBe(1, broken.Output);
        broken.Output.ShouldContain("Dòng 1");

        // A file that brings its own key and signature is caught by the unit's published key.
        using var other = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var forged = JsonNode.Parse(json)!;
        forged["publicKey"] = other.ExportSubjectPublicKeyInfoPem();
        forged["signature"] = Convert.ToBase64String(other.SignData(System.Text.Encoding.UTF8.GetBytes(forged["signedMessage"]!.GetValue<string>()),
            System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.DSASignatureFormat.Rfc3279DerSequence));
        await File.WriteAllTextAsync(ledger, forged.ToJsonString());
        (await Verify(ledger, key)).Exit.ShouldBe(1);

        // The signature alone, with openssl, as docs/funds.md shows.
        var export = JsonNode.Parse(json)!;
        var message = Path.Combine(_dir.FullName, "message.txt");
        var signature = Path.Combine(_dir.FullName, "signature.der");
        await File.WriteAllTextAsync(message, export["signedMessage"]!.GetValue<string>());
        await File.WriteAllBytesAsync(signature, Convert.FromBase64String(export["signature"]!.GetValue<string>()));
        var openssl = await Run("openssl", "dgst", "-sha256", "-verify", key, "-signature", signature, message);
        openssl.Exit.ShouldBe(0, openssl.Output);
        openssl.Output.ShouldContain("Verified OK");
        await File.WriteAllTextAsync(message, export["signedMessage"]!.GetValue<string>().Replace("|2|", "|3|"));
        (await Run("openssl", "dgst", "-sha256", "-verify", key, "-signature", signature, message)).Exit.ShouldNotBe(0);
    }
}
