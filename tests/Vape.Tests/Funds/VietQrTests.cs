using System.Globalization;
using System.Text;
using Vape.Funds.Donations;

namespace Vape.Tests.Funds;

/// <summary>The VietQR payload of a pledge (NAPAS EMVCo merchant-presented QR) and its CRC.</summary>
public sealed class VietQrTests
{
    [Fact]
    public void The_CRC_is_CRC16_CCITT_FALSE()
    {
        // The catalogue's check value of CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF) for "123456789".
        VietQr.Crc16CcittFalse(Encoding.ASCII.GetBytes("123456789")).ShouldBe((ushort)0x29B1);
    }

    [Fact]
    public void A_transfer_payload_matches_one_that_banking_apps_scan()
    {
        // The example published with github.com/subiz/vietqr (VietinBank BIN 970415, 120,000 đồng, "ung ho lu lut"),
        // built field by field the same way: 00, 01=12, 38 (A000000727, BIN, account, QRIBFTTA), 53=704, 54, 58=VN, 62/08, 63.
        VietQr.Payload("970415", "0011001932418", 120_000, "ung ho lu lut")
            .ShouldBe("00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C");
    }

    [Fact]
    public void A_changed_character_changes_the_CRC()
    {
        var payload = VietQr.Payload("970436", "0011001234567", 500_000, "VAPE0A1B2C3D4E");
        var body = payload[..^4];
        VietQr.Crc16CcittFalse(Encoding.ASCII.GetBytes(body)).ToString("X4", CultureInfo.InvariantCulture).ShouldBe(payload[^4..]);
        VietQr.Crc16CcittFalse(Encoding.ASCII.GetBytes(body.Replace("500000", "900000"))).ToString("X4", CultureInfo.InvariantCulture).ShouldNotBe(payload[^4..]);
    }
}
