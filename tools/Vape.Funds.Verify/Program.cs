using System.Text.Json;
using Vape.Funds.Ledger;

// Verifies a unit's ledger downloaded from /funds/units/{unitId}/ledger.json: every line's hash, the chain, the
// double entry, that no fund paid more than it held, and the unit's signature of the head. With a second argument,
// the public key the unit publishes (/funds/units/{unitId}/ledger-key.pem), so that a file cannot bring its own key.
// Exit code 0: valid; 1: broken; 2: unreadable.
if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("Cách dùng: dotnet run --project tools/Vape.Funds.Verify -- <ledger.json> [ledger-key.pem]");
    return 2;
}
LedgerExport? export;
try
{
    await using var file = File.OpenRead(args[0]);
    export = await JsonSerializer.DeserializeAsync<LedgerExport>(file, LedgerChain.Json);
}
catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"Không đọc được tệp sổ quỹ: {e.Message}");
    return 2;
}
if (export?.Entries is null || export.PublicKey is null)
{
    Console.Error.WriteLine("Tệp sổ quỹ không đúng định dạng.");
    return 2;
}
var key = args.Length == 2 ? await File.ReadAllTextAsync(args[1]) : null;
var result = LedgerChain.Verify(export, key);
Console.WriteLine($"Sổ quỹ của {export.UnitName} ({export.UnitId}): {result.Entries} bút toán, đầu chuỗi {export.HeadSeq} {export.HeadHash}");
if (key is null) Console.WriteLine("Lưu ý: chưa đối chiếu khóa công khai của đơn vị (thêm tệp ledger-key.pem tải từ trang của đơn vị).");
foreach (var (account, balance) in result.Balances) Console.WriteLine($"  {account}: {balance:N0}");
if (result.Valid)
{
    Console.WriteLine("HỢP LỆ: chuỗi mã băm, bút toán kép và chữ ký của đơn vị đều đúng.");
    return 0;
}
foreach (var problem in result.Problems) Console.WriteLine("LỖI: " + problem);
return 1;
