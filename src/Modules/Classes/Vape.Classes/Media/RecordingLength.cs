using System.Buffers.Binary;

namespace Vape.Classes.Media;

/// <summary>How long a Janus recording (`.mjr`) lasts: from its first packet to its last, by the times Janus wrote beside each.</summary>
internal static class RecordingLength
{
    public static int? Seconds(string mjr)
    {
        using var file = File.OpenRead(mjr);
        var head = new byte[10];
        if (file.ReadAtLeast(head, 10, false) < 10 || !head.AsSpan(0, 8).SequenceEqual("MJR00002"u8)) return null;
        file.Position = 10 + BinaryPrimitives.ReadUInt16BigEndian(head.AsSpan(8));
        uint? first = null, last = null;
        while (file.ReadAtLeast(head, 10, false) == 10 && head.AsSpan(0, 4).SequenceEqual("MEET"u8))
        {
            last = BinaryPrimitives.ReadUInt32BigEndian(head.AsSpan(4));
            first ??= last;
            file.Position += BinaryPrimitives.ReadUInt16BigEndian(head.AsSpan(8));
        }
        return first is null ? null : (int)Math.Round((last!.Value - first.Value) / 1000.0);
    }
}
