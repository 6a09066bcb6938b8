using System.Text;
using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;
using Vape.Organization.People;

namespace Vape.Organization.Tree;

/// <summary>
/// An official imports the units below a unit of their subtree from CSV (UTF-8, BOM or not, NFC or NFD).
/// Header: <c>ma_don_vi,ten,loai,ma_cap_tren,ngay_thanh_lap</c>; <c>loai</c> as in the API (VILLAGE,
/// LEARNING_CLAN, ...); <c>ma_cap_tren</c> empty for the unit imported into, or a unit of its subtree or of an
/// earlier line; <c>ngay_thanh_lap</c> <c>yyyy-MM-dd</c> or empty (today). All or nothing, like members.
/// </summary>
public sealed record ImportUnits(Guid UnitId, byte[] Csv, Guid ActorId);

public static class ImportUnitsHandler
{
    public const string Header = "ma_don_vi,ten,loai,ma_cap_tren,ngay_thanh_lap";
    public const int MaxRows = 20_000;

    private sealed record Row(Guid Id, string Code, string Name, UnitKind Kind, Guid ParentId, string Path, DateOnly From);

    public static async Task<(ImportResult, UnitsImported?)> Handle(ImportUnits command, TreeStore tree, OrganizationQueries access,
        IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var root = await tree.LoadAsync(command.UnitId, ct) ?? throw VapeException.NotFound("Không tìm thấy đơn vị.");
        await access.DemandAsync(command.ActorId, Permission.ManageUnits, root.Id, ct);
        TreeRules.Active(root);
        var lines = CsvText.Lines(command.Csv, Header, MaxRows);
        var today = TreeRules.Today(clock);

        var parentCodes = lines.Skip(1).Select(l => l.Split(',')).Where(c => c.Length > 3).Select(c => c[3].Trim().ToUpperInvariant()).Where(c => c.Length > 0);
        var ownCodes = lines.Skip(1).Select(l => l.Split(',')[0].Trim().ToUpperInvariant());
        var existing = await tree.LoadByCodesAsync(parentCodes.Concat(ownCodes).Distinct().ToArray(), ct);
        var known = existing.ToDictionary(u => u.Code);

        var fileUnits = new Dictionary<string, Row>();
        var (rows, problems) = CsvText.ParseRows(lines, 5, (cells, _) =>
        {
            var code = TreeRules.Code(cells[0]);
            if (known.ContainsKey(code) || fileUnits.ContainsKey(code)) throw VapeException.InvalidInput($"Mã đơn vị “{code}” đã được dùng.");
            var name = TreeRules.Name(cells[1]);
            var kind = Enum.GetValues<UnitKind>().FirstOrDefault(k => Constant(k) == cells[2].Trim().ToUpperInvariant(), (UnitKind)(-1));
            if ((int)kind < 0) throw VapeException.InvalidInput($"Loại đơn vị “{cells[2].Trim()}” không hợp lệ.");
            var parentCode = cells[3].Trim().ToUpperInvariant();
            var (parentId, parentPath, parentKind, parentFrom, parentName) = parentCode.Length == 0 ? (root.Id, root.Path, root.Kind, root.EffectiveFrom, root.Name)
                : fileUnits.TryGetValue(parentCode, out var fileParent) ? (fileParent.Id, fileParent.Path, fileParent.Kind, fileParent.From, fileParent.Name)
                : known.TryGetValue(parentCode, out var dbParent) && dbParent.Status == UnitStatus.Active && dbParent.IsSelfOrDescendantOf(root.Id)
                    ? (dbParent.Id, dbParent.Path, dbParent.Kind, dbParent.EffectiveFrom, dbParent.Name)
                    : throw VapeException.InvalidInput($"Không có đơn vị cấp trên mã “{parentCode}” trong cây của “{root.Name}” (hoặc ở dòng trước).");
            TreeRules.FitsUnder(kind, parentKind);
            DateOnly? requested = cells[4].Trim().Length == 0 ? null
                : DateOnly.TryParseExact(cells[4].Trim(), "yyyy-MM-dd", out var d) ? d : throw VapeException.InvalidInput("Ngày thành lập phải có dạng yyyy-MM-dd.");
            var from = TreeRules.Founded(requested, parentFrom, parentName, today);
            var id = Guid.CreateVersion7();
            return fileUnits[code] = new Row(id, code, name, kind, parentId, parentPath + "." + Unit.Label(id), from);
        });
        if (problems.Count > 0 || rows.Count == 0) return (new ImportResult(0, problems), null);

        var sql = new OrganizationSql(session);
        await sql.ExecuteAsync("""
            insert into organization.units (id, code, name, kind, parent_id, path, effective_from, version)
            select id, code, name, kind, parent, path::ltree, effective, 1
              from unnest(@ids, @codes, @names, @kinds, @parents, @paths, @froms) as t(id, code, name, kind, parent, path, effective);
            insert into organization.unit_periods (unit_id, valid_from, name, kind, parent_id, path, status)
            select id, effective_from, name, kind, parent_id, path, status from organization.units where id = any(@ids);
            """, ct, ("ids", rows.Select(r => r.Id).ToArray()), ("codes", rows.Select(r => r.Code).ToArray()),
            ("names", rows.Select(r => r.Name).ToArray()), ("kinds", rows.Select(r => r.Kind.ToString()).ToArray()),
            ("parents", rows.Select(r => r.ParentId).ToArray()), ("paths", rows.Select(r => r.Path).ToArray()),
            ("froms", rows.Select(r => r.From).ToArray()));
        foreach (var r in rows)
            Streams.Start(session, r.Id, new UnitEstablished(r.Id, r.Code, r.Name, r.Kind, r.ParentId, r.From, [], command.ActorId));
        return (new ImportResult(rows.Count, []), new UnitsImported(root.Id, rows.Count));
    }

    /// <summary>The API's spelling of a kind: LearningClan → LEARNING_CLAN.</summary>
    private static string Constant(UnitKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
}

/// <summary>Reading an uploaded CSV the same way everywhere: strict UTF-8, BOM dropped, NFC, header checked.</summary>
internal static class CsvText
{
    public const int MaxBytes = 10 * 1024 * 1024;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static List<string> Lines(byte[] csv, string header, int maxRows)
    {
        if (csv.Length > MaxBytes) throw VapeException.InvalidInput($"Tệp CSV lớn quá {MaxBytes / 1024 / 1024} MB.");
        string text;
        try
        {
            text = StrictUtf8.GetString(csv).TrimStart('\uFEFF').Normalize(NormalizationForm.FormC);
        }
        catch (DecoderFallbackException)
        {
            throw VapeException.InvalidInput("Tệp không phải UTF-8: hãy lưu lại dưới dạng “CSV UTF-8”.");
        }
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        if (lines.Count == 0 || !string.Equals(lines[0].Trim(), header, StringComparison.OrdinalIgnoreCase))
            throw VapeException.InvalidInput($"Dòng tiêu đề phải là: {header}");
        if (lines.Count - 1 > maxRows) throw VapeException.InvalidInput($"Tối đa {maxRows} dòng mỗi lần nhập.");
        return lines;
    }

    /// <summary>
    /// Every data line through <paramref name="parse"/> (cells, line number; the header is line 1), which throws
    /// <see cref="VapeException"/> for a bad line: the good rows, and each bad line with its number and reason.
    /// </summary>
    public static (List<T> Rows, List<ImportProblem> Problems) ParseRows<T>(List<string> lines, int columns, Func<string[], int, T> parse)
    {
        var rows = new List<T>();
        var problems = new List<ImportProblem>();
        for (var i = 1; i < lines.Count; i++)
        {
            var cells = lines[i].Split(',');
            try
            {
                if (cells.Length != columns) throw VapeException.InvalidInput($"Cần đúng {columns} cột, có {cells.Length}.");
                rows.Add(parse(cells, i + 1));
            }
            catch (VapeException e)
            {
                problems.Add(new ImportProblem(i + 1, e.Message));
            }
        }
        return (rows, problems);
    }
}
