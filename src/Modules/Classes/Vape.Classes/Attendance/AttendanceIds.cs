using System.Security.Cryptography;
using System.Text;

namespace Vape.Classes.Attendance;

/// <summary>
/// The id of one learner's attendance of one session: a name-based UUID (RFC 9562 version 5, SHA-1) of the
/// session and the person, so that every sending of the same attendance carries the same id and Records can
/// add it exactly once.
/// </summary>
internal static class AttendanceIds
{
    private static readonly Guid Namespace = new("5c1e3a52-7d0b-4f3e-9a51-0c1a55e5a7a0");

    public static Guid For(Guid sessionId, Guid personId)
    {
        var name = Encoding.UTF8.GetBytes($"{sessionId:N}:{personId:N}");
        var ns = Namespace.ToByteArray(bigEndian: true);
        var hash = SHA1.HashData([.. ns, .. name]);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
