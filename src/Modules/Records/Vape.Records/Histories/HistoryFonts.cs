using Microsoft.Extensions.Options;
using PdfSharp.Fonts;

namespace Vape.Records.Histories;

/// <summary>PDFsharp's fonts: DejaVu Sans from <see cref="HistoryOptions.FontDirectory"/>, whatever family a caller names (one resolver per process).</summary>
internal sealed class HistoryFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private static readonly Lock Gate = new();
    private readonly byte[] _regular;
    private readonly byte[] _bold;

    private HistoryFonts(string directory)
    {
        _regular = File.ReadAllBytes(Path.Combine(directory, HistoryOptions.Regular));
        _bold = File.ReadAllBytes(Path.Combine(directory, HistoryOptions.Bold));
    }

    /// <summary>Sets PDFsharp's global resolver once (PDFsharp refuses a second one after a font was used).</summary>
    public static void Install(IOptions<HistoryOptions> options)
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is HistoryFonts) return;
            GlobalFontSettings.FontResolver = new HistoryFonts(options.Value.FontDirectory);
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? "bold" : "regular");

    public byte[] GetFont(string faceName) => faceName == "bold" ? _bold : _regular;
}
