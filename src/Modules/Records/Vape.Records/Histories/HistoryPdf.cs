using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace Vape.Records.Histories;

/// <summary>What the printed history shows: the signed payload's content, who signed it, and where to check it.</summary>
internal sealed record HistoryPrint(Guid Id, string Holder, string UnitName, string Origin, DateTimeOffset IssuedAt, IReadOnlyList<HistoryLine> Lines,
    string VerifyUrl);

/// <summary>
/// The certified learning history as an A4 PDF in Vietnamese (docs/adr/0238): the person, the issuing unit and
/// installation, the date, each verified line (date, what, kind, hours, who verified), and a QR code and a link that
/// open the online verification. DejaVu Sans embedded (<see cref="HistoryFonts"/>).
/// </summary>
internal static class HistoryPdf
{
    private const double Margin = 50;
    private const double RowHeight = 15;
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly (string Header, double Width)[] Columns =
        [("Ngày", 62), ("Nội dung", 178), ("Loại", 78), ("Số giờ", 40), ("Xác nhận bởi", 137)];

    public static byte[] Render(HistoryPrint print)
    {
        using var document = new PdfDocument();
        document.Info.Title = LearningHistory.Name;
        document.Info.Creator = "Vape";
        var regular = new XFont(HistoryFonts.Family, 9, XFontStyleEx.Regular);
        var bold = new XFont(HistoryFonts.Family, 9, XFontStyleEx.Bold);
        var title = new XFont(HistoryFonts.Family, 16, XFontStyleEx.Bold);

        var (page, gfx) = NewPage(document);
        var y = Margin;
        gfx.DrawString("HỘI KHUYẾN HỌC VIỆT NAM", bold, XBrushes.Black, new XRect(Margin, y, Width(page), 12), XStringFormats.TopCenter);
        y += 14;
        gfx.DrawString(print.UnitName, regular, XBrushes.Black, new XRect(Margin, y, Width(page), 12), XStringFormats.TopCenter);
        y += 28;
        gfx.DrawString(LearningHistory.Name.ToUpper(Vi), title, XBrushes.Black, new XRect(Margin, y, Width(page), 20), XStringFormats.TopCenter);
        y += 36;
        foreach (var (label, value) in new[]
        {
            ("Họ và tên", print.Holder),
            ("Đơn vị chứng nhận", print.UnitName),
            ("Ngày cấp", print.IssuedAt.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)),
            ("Tổng số giờ học", print.Lines.Sum(l => l.Hours).ToString("0.##", Vi)),
        })
        {
            gfx.DrawString(label + ":", bold, XBrushes.Black, Margin, y, XStringFormats.TopLeft);
            gfx.DrawString(value, regular, XBrushes.Black, Margin + 110, y, XStringFormats.TopLeft);
            y += RowHeight;
        }
        y += 10;
        y = Header(gfx, bold, y);
        if (print.Lines.Count == 0)
        {
            gfx.DrawString("Chưa có mục nào được xác nhận.", regular, XBrushes.Black, Margin, y + 2, XStringFormats.TopLeft);
            y += RowHeight;
        }
        foreach (var line in print.Lines)
        {
            if (y + RowHeight > page.Height.Point - Margin - 20)
            {
                gfx.Dispose();
                (page, gfx) = NewPage(document);
                y = Header(gfx, bold, Margin);
            }
            string[] cells = [line.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), line.Title, line.Kind,
                line.Hours == 0 ? "" : line.Hours.ToString("0.##", Vi), line.VerifiedBy];
            var x = Margin;
            for (var i = 0; i < cells.Length; i++)
            {
                gfx.DrawString(Fit(gfx, cells[i], regular, Columns[i].Width - 4), regular, XBrushes.Black, x + 2, y + 2, XStringFormats.TopLeft);
                x += Columns[i].Width;
            }
            y += RowHeight;
            gfx.DrawLine(XPens.LightGray, Margin, y, Margin + Width(page), y);
        }

        const double qr = 96;
        if (y + qr + 30 > page.Height.Point - Margin - 20)
        {
            gfx.Dispose();
            (page, gfx) = NewPage(document);
            y = Margin;
        }
        y += 24;
        using (var image = XImage.FromStream(new MemoryStream(QrBitmap(print.VerifyUrl))))
            gfx.DrawImage(image, Margin, y, qr, qr);
        page.AddWebLink(new PdfRectangle(gfx.Transformer.WorldToDefaultPage(new XRect(Margin, y, qr, qr))), print.VerifyUrl);
        var textX = Margin + qr + 12;
        var textWidth = Width(page) - qr - 12;
        string[] notes =
        [
            "Kiểm tra trực tuyến: quét mã QR hoặc mở địa chỉ",
            print.VerifyUrl,
            $"Bản này được {print.UnitName} ký số (Ed25519) trên Vape ({print.Origin}).",
            "Trang kiểm tra cho biết bản có đúng như đã ký không; mọi chỗ sửa làm chữ ký không còn khớp.",
            $"Mã bản: {print.Id}",
        ];
        foreach (var note in notes)
        {
            gfx.DrawString(Fit(gfx, note, regular, textWidth), note == print.VerifyUrl ? bold : regular, XBrushes.Black, textX, y, XStringFormats.TopLeft);
            y += RowHeight;
        }
        page.AddWebLink(new PdfRectangle(gfx.Transformer.WorldToDefaultPage(new XRect(textX, y - 4 * RowHeight, textWidth, RowHeight))), print.VerifyUrl);
        gfx.Dispose();

        for (var i = 0; i < document.PageCount; i++)
        {
            using var footer = XGraphics.FromPdfPage(document.Pages[i]);
            footer.DrawString($"Trang {i + 1}/{document.PageCount}", regular, XBrushes.Gray,
                new XRect(Margin, document.Pages[i].Height.Point - Margin, Width(document.Pages[i]), 12), XStringFormats.TopRight);
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>The QR code of a URL as a 24-bit BMP (what PDFsharp imports; QRCoder's PNG is 1-bit), 8 pixels a module, error correction M.</summary>
    public static byte[] QrBitmap(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new BitmapByteQRCode(data).GetGraphic(8);
    }

    private static (PdfPage Page, XGraphics Gfx) NewPage(PdfDocument document)
    {
        var page = document.AddPage();
        page.Size = PageSize.A4;
        return (page, XGraphics.FromPdfPage(page));
    }

    private static double Width(PdfPage page) => page.Width.Point - 2 * Margin;

    private static double Header(XGraphics gfx, XFont bold, double y)
    {
        var x = Margin;
        foreach (var (header, width) in Columns)
        {
            gfx.DrawString(header, bold, XBrushes.Black, x + 2, y + 2, XStringFormats.TopLeft);
            x += width;
        }
        y += RowHeight;
        gfx.DrawLine(XPens.Black, Margin, y, x, y);
        return y;
    }

    /// <summary>The text, cut with an ellipsis to fit the width.</summary>
    private static string Fit(XGraphics gfx, string text, XFont font, double width)
    {
        if (gfx.MeasureString(text, font).Width <= width) return text;
        var cut = text;
        while (cut.Length > 1 && gfx.MeasureString(cut + "…", font).Width > width) cut = cut[..^1];
        return cut.TrimEnd() + "…";
    }
}
