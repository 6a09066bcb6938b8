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
public sealed record ImportUnits(Guid UnitId, byte[] Csv, Guid ActorId)
{
    public const string Header = "ma_don_vi,ten,loai,ma_cap_tren,ngay_thanh_lap";
    public const int MaxRows = 20_000;

    /// <summary>The file's lines (header first), or a refusal of the whole file: an active unit to import into, UTF-8, the header, the size.</summary>
    internal List<string> Check(Unit root)
    {
        TreeRules.Active(root);
        return CsvText.Lines(Csv, Header, MaxRows);
    }

    /// <summary>The codes a decision needs to know about: every line's own code and its parent's (as looked up).</summary>
    internal static string[] Codes(List<string> lines) =>
        lines.Skip(1).Select(l => l.Split(',')).SelectMany(c => c.Length > 3 ? new[] { c[0], c[3] } : [c[0]])
            .Select(TreeRules.CodeKey).Where(c => c.Length > 0).Distinct().ToArray();

    /// <summary>
    /// One unit per line, each with a new id from `newId`, or the lines refused (number and reason; then nothing is
    /// imported): a code used neither in the tree (`known`: the units with the file's codes) nor on an earlier line,
    /// a name, a kind, a parent that is the unit imported into, an active unit of its subtree or an earlier line's,
    /// a kind that may stand under it, a founding date today or earlier and not before the parent's.
    /// </summary>
    internal (IReadOnlyList<UnitEstablished> Events, IReadOnlyList<ImportProblem> Problems) Decide(Unit root, List<string> lines,
        IReadOnlyCollection<Unit> known, DateOnly today, Func<Guid> newId)
    {
        var inTree = known.ToDictionary(u => u.Code);
        var fileUnits = new Dictionary<string, UnitEstablished>();
        var (rows, problems) = CsvText.ParseRows(lines, 5, (cells, _) =>
        {
            var code = TreeRules.Code(cells[0]);
            if (inTree.ContainsKey(code) || fileUnits.ContainsKey(code)) throw VapeException.InvalidInput($"Mã đơn vị “{code}” đã được dùng.");
            var name = TreeRules.Name(cells[1]);
            var kind = Enum.GetValues<UnitKind>().FirstOrDefault(k => string.Equals(Constant(k), cells[2].Trim(), StringComparison.OrdinalIgnoreCase), (UnitKind)(-1));
            if ((int)kind < 0) throw VapeException.InvalidInput($"Loại đơn vị “{cells[2].Trim()}” không hợp lệ.");
            var parentCode = cells[3].Trim().ToUpperInvariant();
            var (parentId, parentKind, parentFrom, parentName) = parentCode.Length == 0 ? (root.Id, root.Kind, root.EffectiveFrom, root.Name)
                : fileUnits.TryGetValue(parentCode, out var fileParent) ? (fileParent.UnitId, fileParent.Kind, fileParent.EffectiveFrom, fileParent.Name)
                : inTree.TryGetValue(parentCode, out var dbParent) && dbParent.Status == UnitStatus.Active && dbParent.IsSelfOrDescendantOf(root.Id)
                    ? (dbParent.Id, dbParent.Kind, dbParent.EffectiveFrom, dbParent.Name)
                    : throw VapeException.InvalidInput($"Không có đơn vị cấp trên mã “{parentCode}” trong cây của “{root.Name}” (hoặc ở dòng trước).");
            TreeRules.FitsUnder(kind, parentKind);
            DateOnly? requested = cells[4].Trim().Length == 0 ? null
                : DateOnly.TryParseExact(cells[4].Trim(), "yyyy-MM-dd", out var d) ? d : throw VapeException.InvalidInput("Ngày thành lập phải có dạng yyyy-MM-dd.");
            var from = TreeRules.Founded(requested, parentFrom, parentName, today);
            return fileUnits[code] = new UnitEstablished(newId(), code, name, kind, parentId, from, [], ActorId);
        });
        return problems.Count > 0 ? ([], problems) : (rows, []);
    }

    /// <summary>The API's spelling of a kind: LearningClan → LEARNING_CLAN.</summary>
    private static string Constant(UnitKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
}

public static class ImportUnitsHandler
{
    public static async Task<(ImportResult, UnitsImported?)> Handle(ImportUnits command, TreeStore tree, OrganizationQueries access,
        IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var root = await tree.LoadAsync(command.UnitId, ct) ?? throw VapeException.NotFound("Không tìm thấy đơn vị.");
        await access.DemandAsync(command.ActorId, Permission.ManageUnits, root.Id, ct);
        var lines = command.Check(root);
        var known = await tree.LoadByCodesAsync(ImportUnits.Codes(lines), ct);
        var (events, problems) = command.Decide(root, lines, known, TreeRules.Today(clock), Guid.CreateVersion7);
        if (problems.Count > 0 || events.Count == 0) return (new ImportResult(0, problems), null);

        // The units' rows in one statement (not one per event as UnitWrites does): an import is up to 20,000 units.
        var state = TreeState.Of([root, .. known]).Apply(events);
        var rows = events.Select(e => state[e.UnitId]!).ToList();
        var sql = new OrganizationSql(session);
        await sql.ExecuteAsync("""
            insert into organization.units (id, code, name, kind, parent_id, path, effective_from, version)
            select id, code, name, kind, parent, path::ltree, effective, 1
              from unnest(@ids, @codes, @names, @kinds, @parents, @paths, @froms) as t(id, code, name, kind, parent, path, effective);
            insert into organization.unit_periods (unit_id, valid_from, name, kind, parent_id, path, status)
            select id, effective_from, name, kind, parent_id, path, status from organization.units where id = any(@ids);
            """, ct, ("ids", rows.Select(r => r.Id).ToArray()), ("codes", rows.Select(r => r.Code).ToArray()),
            ("names", rows.Select(r => r.Name).ToArray()), ("kinds", rows.Select(r => r.Kind.ToString()).ToArray()),
            ("parents", rows.Select(r => r.ParentId!.Value).ToArray()), ("paths", rows.Select(r => r.Path).ToArray()),
            ("froms", rows.Select(r => r.EffectiveFrom).ToArray()));
        foreach (var e in events) Streams.Start(session, e.UnitId, e);
        return (new ImportResult(rows.Count, []), new UnitsImported(root.Id, rows.Count));
    }
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
