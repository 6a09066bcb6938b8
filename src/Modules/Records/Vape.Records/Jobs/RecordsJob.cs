using System.ComponentModel;
using Npgsql;
using Vape.BuildingBlocks.Storage;

namespace Vape.Records.Jobs;

[Description("Loại lệnh dài của Trung ương Hội: dựng lại bản sao cây đơn vị và hội viên, hoặc ghi bù các câu xAPI của Vape.")]
public enum RecordsJobKind
{
    RebuildRecordsCopy,
    BackfillOwnStatements,
}

[Description("Trạng thái của lệnh: chờ chạy, đang chạy, xong, lỗi.")]
public enum RecordsJobStatus
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>
/// One of the centre's long commands (docs/adr/0279): `Done` of `Total` (units and memberships copied; events looked
/// at), `Added` (statements added by a back-fill), who started it and when; `ErrorCode` when it failed.
/// </summary>
public sealed record RecordsJob(Guid Id, RecordsJobKind Kind, RecordsJobStatus Status, long Done, long? Total, long Added, Guid StartedBy,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? ErrorCode)
{
    internal const string Columns = "id, kind, status, done, total, added, started_by, started_at, finished_at, error_code";

    internal static RecordsJob Read(NpgsqlDataReader r) => new(r.GetGuid(0), Enum.Parse<RecordsJobKind>(r.GetString(1)),
        Enum.Parse<RecordsJobStatus>(r.GetString(2)), r.GetInt64(3), r.Get<long?>(4), r.GetInt64(5), r.GetGuid(6),
        r.GetFieldValue<DateTimeOffset>(7), r.Get<DateTimeOffset?>(8), r.Get<string>(9));
}

/// <summary>A job a host has taken: `Runner` names this attempt, and only it may write the job's progress.</summary>
internal sealed record ClaimedJob(Guid Id, RecordsJobKind Kind, Guid StartedBy, Guid Runner, long Done, long Added, Guid? ResumeAfter);
