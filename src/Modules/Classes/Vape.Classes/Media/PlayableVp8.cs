using System.Buffers.Binary;

namespace Vape.Classes.Media;

/// <summary>
/// Keeps only the VP8 frames of a Janus recording (`.mjr`) that a player can decode (docs/adr/0264): janus-pp-rec writes
/// every frame it finds, so a file that begins on a delta frame, or holds a frame cut short where the VideoRoom's
/// recorder switched simulcast layers (the rest of that frame was the old layer's and is dropped) or lost packets,
/// makes Chromium stop with PIPELINE_ERROR_DECODE. Here a frame is kept only when all its packets are there, and after
/// a missing or broken frame nothing is kept until the next whole keyframe; the file starts on one.
/// </summary>
internal static class PlayableVp8
{
    private const int FrameHeader = 10;

    public sealed record Outcome(int Frames, int Dropped);

    /// <summary>
    /// Writes the recording to <paramref name="output"/> with the undecodable frames left out; null (nothing written)
    /// when it is not a VP8 video recording.
    /// </summary>
    public static Outcome? Clean(string input, string output)
    {
        using var source = File.OpenRead(input);
        var (prefix, packets) = Read(source);
        if (packets is null) return null;
        var bySeq = new Dictionary<long, Packet>();
        foreach (var p in packets) bySeq.TryAdd(p.Seq, p);
        var ordered = bySeq.Values.OrderBy(p => p.Seq).ToList();
        var frames = Frames(ordered);
        var keep = new HashSet<long>();
        var decodable = false;
        var next = ordered.Count > 0 ? ordered[0].Seq : 0;
        var dropped = 0;
        foreach (var frame in frames)
        {
            var whole = frame.Whole && Contiguous(bySeq, next, frame.First);
            if (whole && frame.Key) decodable = true;
            else if (!whole) decodable = false;
            if (decodable) foreach (var p in frame.Packets) keep.Add(p.Seq);
            else dropped++;
            next = frame.Last + 1;
        }
        using var target = File.Create(output);
        Copy(source, target, 0, prefix);
        foreach (var p in packets.Where(p => keep.Remove(p.Seq))) Copy(source, target, p.Offset, FrameHeader + p.Length);
        return new(frames.Count - dropped, dropped);
    }

    private static void Copy(FileStream source, FileStream target, long offset, int length)
    {
        var buffer = new byte[length];
        source.Position = offset;
        source.ReadExactly(buffer);
        target.Write(buffer);
    }

    private static bool Contiguous(Dictionary<long, Packet> bySeq, long from, long to)
    {
        for (var s = from; s < to; s++)
            if (!bySeq.ContainsKey(s)) return false;
        return true;
    }

    private sealed record Packet(long Offset, int Length, long Seq, uint Timestamp, bool Marker, bool Start, bool Key, bool Empty);

    private sealed record Frame(List<Packet> Packets)
    {
        public long First => Packets[0].Seq;
        public long Last => Packets[^1].Seq;
        public bool Key => Packets[0].Key;
        public bool Whole => Packets[0].Start && Packets[^1].Marker && Packets.Count == Last - First + 1;
    }

    /// <summary>Packets with a picture, grouped by timestamp in sequence order; packets of padding only belong to no frame.</summary>
    private static List<Frame> Frames(List<Packet> ordered)
    {
        var frames = new List<Frame>();
        foreach (var p in ordered.Where(p => !p.Empty))
        {
            if (frames.Count > 0 && frames[^1].Packets[^1].Timestamp == p.Timestamp) frames[^1].Packets.Add(p);
            else frames.Add(new Frame([p]));
        }
        return frames;
    }

    /// <summary>The header's length (up to the first packet) and each RTP packet with its sequence number unwrapped, in file order; no packets when not VP8.</summary>
    private static (int Prefix, List<Packet>? Packets) Read(FileStream mjr)
    {
        var head = new byte[10];
        if (mjr.ReadAtLeast(head, 10, false) < 10 || !head.AsSpan(0, 8).SequenceEqual("MJR00002"u8)) return (0, null);
        var info = new byte[BinaryPrimitives.ReadUInt16BigEndian(head.AsSpan(8))];
        mjr.ReadExactly(info);
        if (info.AsSpan().IndexOf("\"vp8\""u8) < 0) return (0, null);
        var packets = new List<Packet>();
        var frame = new byte[FrameHeader + ushort.MaxValue];
        long last = -1;
        long at = 10 + info.Length;
        while (mjr.ReadAtLeast(frame.AsSpan(0, FrameHeader), FrameHeader, false) == FrameHeader && frame.AsSpan(0, 4).SequenceEqual("MEET"u8))
        {
            var length = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(8));
            if (mjr.ReadAtLeast(frame.AsSpan(FrameHeader, length), length, false) < length) break;
            if (Parse(frame.AsSpan(FrameHeader, length), last) is { } p)
            {
                packets.Add(p with { Offset = at, Length = length });
                last = p.Seq;
            }
            at += FrameHeader + length;
        }
        return (10 + info.Length, packets);
    }

    private static Packet? Parse(ReadOnlySpan<byte> rtp, long last)
    {
        if (rtp.Length < 12 || rtp[0] >> 6 != 2) return null;
        var seq16 = BinaryPrimitives.ReadUInt16BigEndian(rtp[2..]);
        var seq = last < 0 ? seq16 : Unwrap(last, seq16);
        var header = 12 + 4 * (rtp[0] & 0x0F);
        if ((rtp[0] & 0x10) != 0 && rtp.Length >= header + 4) header += 4 + 4 * BinaryPrimitives.ReadUInt16BigEndian(rtp[(header + 2)..]);
        var end = rtp.Length - ((rtp[0] & 0x20) != 0 ? rtp[^1] : 0);
        var marker = (rtp[1] & 0x80) != 0;
        var timestamp = BinaryPrimitives.ReadUInt32BigEndian(rtp[4..]);
        if (header >= end) return new Packet(0, 0, seq, timestamp, marker, false, false, true);
        var payload = rtp[header..end];
        var at = 1;
        if ((payload[0] & 0x80) != 0 && payload.Length > 1)
        {
            var x = payload[1];
            at = 2;
            if ((x & 0x80) != 0) at += payload.Length > at && (payload[at] & 0x80) != 0 ? 2 : 1;
            if ((x & 0x40) != 0) at++;
            if ((x & 0x30) != 0) at++;
        }
        var start = (payload[0] & 0x10) != 0 && (payload[0] & 0x0F) == 0;
        var key = start && payload.Length > at && (payload[at] & 0x01) == 0;
        return new Packet(0, 0, seq, timestamp, marker, start, key, payload.Length <= at);
    }

    private static long Unwrap(long last, ushort seq)
    {
        var candidate = (last & ~0xFFFFL) | seq;
        if (candidate - last > 0x8000) candidate -= 0x10000;
        else if (last - candidate > 0x8000) candidate += 0x10000;
        return candidate;
    }
}
