using System.Globalization;
using System.Text;

namespace Vape.Funds.Donations;

/// <summary>
/// The NAPAS VietQR payload (EMVCo merchant-presented QR): a bank transfer to the fund's account for the pledged
/// amount, with the pledge's reference in the transfer's description, so the bank statement can be matched.
/// </summary>
internal static class VietQr
{
    /// <summary>NAPAS's application id in tag 38.</summary>
    public const string NapasGuid = "A000000727";

    public static string Payload(string bankBin, string account, long amount, string reference)
    {
        var beneficiary = Tlv("00", bankBin) + Tlv("01", account);
        var merchant = Tlv("00", NapasGuid) + Tlv("01", beneficiary) + Tlv("02", "QRIBFTTA");
        var body = new StringBuilder()
            .Append(Tlv("00", "01"))
            .Append(Tlv("01", "12")) // dynamic: one amount, one reference
            .Append(Tlv("38", merchant))
            .Append(Tlv("53", "704"))
            .Append(Tlv("54", amount.ToString(CultureInfo.InvariantCulture)))
            .Append(Tlv("58", "VN"))
            .Append(Tlv("62", Tlv("08", reference)))
            .Append("6304")
            .ToString();
        return body + Crc16CcittFalse(Encoding.ASCII.GetBytes(body)).ToString("X4", CultureInfo.InvariantCulture);
    }

    /// <summary>CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF, no reflection, no final xor), as EMVCo asks.</summary>
    public static ushort Crc16CcittFalse(ReadOnlySpan<byte> data)
    {
        ushort crc = 0xFFFF;
        foreach (var b in data)
        {
            crc ^= (ushort)(b << 8);
            for (var i = 0; i < 8; i++) crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
        }
        return crc;
    }

    private static string Tlv(string tag, string value)
    {
        if (value.Length > 99) throw new ArgumentException($"VietQR field {tag} is longer than 99 characters.");
        return tag + value.Length.ToString("00", CultureInfo.InvariantCulture) + value;
    }
}
