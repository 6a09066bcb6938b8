using System.Text;

namespace Vape.BuildingBlocks.Files;

/// <summary>
/// What a file really is, told from its first bytes rather than its name: a PDF renamed to `.png`, or a
/// program renamed to `.pdf`, is refused. The extension says what the uploader claims; the bytes must agree.
/// </summary>
internal static class FileTypes
{
    /// <summary>How many leading bytes <see cref="Matches"/> looks at.</summary>
    public const int HeaderLength = 8192;

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".mp3"] = "audio/mpeg",
        [".m4a"] = "audio/mp4",
        [".ogg"] = "audio/ogg",
        [".wav"] = "audio/wav",
        [".mp4"] = "video/mp4",
        [".webm"] = "video/webm",
        [".epub"] = "application/epub+zip",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".zip"] = "application/zip",
        [".txt"] = "text/plain; charset=utf-8",
        [".csv"] = "text/csv; charset=utf-8",
        [".md"] = "text/markdown; charset=utf-8",
    };

    /// <summary>The extensions Vape accepts, lower case with the dot.</summary>
    public static IReadOnlyCollection<string> Extensions => ByExtension.Keys;

    /// <summary>The content type a name claims, or null when Vape does not take files of that kind.</summary>
    public static string? Claimed(string fileName) => ByExtension.GetValueOrDefault(Path.GetExtension(fileName));

    /// <summary>True when the bytes are what the claimed content type says.</summary>
    public static bool Matches(string claimedContentType, ReadOnlySpan<byte> header) => Family(claimedContentType) switch
    {
        "application/pdf" => header.StartsWith("%PDF-"u8),
        "image/png" => header.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        "image/jpeg" => header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        "image/gif" => header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8),
        "image/webp" => Riff(header, "WEBP"u8),
        "audio/wav" => Riff(header, "WAVE"u8),
        "audio/mpeg" => header.StartsWith("ID3"u8) || (header.Length > 1 && header[0] == 0xFF && (header[1] & 0xE0) == 0xE0),
        "audio/mp4" or "video/mp4" => header.Length >= 12 && header[4..8].SequenceEqual("ftyp"u8),
        "audio/ogg" => header.StartsWith("OggS"u8),
        "video/webm" => header.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]),
        "application/epub+zip" => Zip(header) && header.Length >= 58 && header[30..38].SequenceEqual("mimetype"u8)
                                  && header[38..58].SequenceEqual("application/epub+zip"u8),
        "application/zip" or "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            or "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            or "application/vnd.openxmlformats-officedocument.presentationml.presentation"
            or "application/vnd.oasis.opendocument.text" => Zip(header),
        "text/plain" or "text/csv" or "text/markdown" => Text(header),
        _ => false,
    };

    private static string Family(string contentType) => contentType.Split(';')[0].Trim();

    private static bool Riff(ReadOnlySpan<byte> header, ReadOnlySpan<byte> kind) =>
        header.Length >= 12 && header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual(kind);

    private static bool Zip(ReadOnlySpan<byte> header) => header.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]);

    // Text is UTF-8 without NUL bytes; a header cut in the middle of a character is still text.
    private static bool Text(ReadOnlySpan<byte> header)
    {
        if (header.Contains((byte)0)) return false;
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        for (var trim = 0; trim < 4 && trim <= header.Length; trim++)
        {
            try
            {
                utf8.GetCharCount(header[..(header.Length - trim)]);
                return true;
            }
            catch (DecoderFallbackException) { }
        }
        return false;
    }
}
