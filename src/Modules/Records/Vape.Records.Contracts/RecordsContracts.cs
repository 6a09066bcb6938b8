namespace Vape.Records.Contracts;

/// <summary>What a learning activity was about. Class topics use the same list, so attendance maps one to one.</summary>
/// <remarks>The one GraphQL enum `LearningDomain` of every module (ADR 0070).</remarks>
[System.ComponentModel.Description("Lĩnh vực học tập (của hồ sơ học tập, lớp học và thư viện): kiến thức chung, khoa học, pháp luật, kỹ năng thiết yếu, kỹ năng số, sức khỏe, văn hóa nghệ thuật, ngoại ngữ, khác.")]
public enum LearningDomain
{
    GeneralKnowledge,
    Science,
    LegalAwareness,
    EssentialSkills,
    DigitalSkills,
    Health,
    CultureAndArts,
    ForeignLanguages,
    Other,
}

/// <summary>
/// Sent by the Classes module (durable outbox) when a session ends, once per learner who met the class's
/// completion rule. `AttendanceId` is the same for the same learner and session every time it is sent, so the
/// Records module adds the activity exactly once however often the message arrives.
/// </summary>
public sealed record RecordClassAttendance(
    Guid AttendanceId,
    Guid PersonId,
    Guid ClassId,
    Guid SessionId,
    Guid UnitId,
    string ClassTitle,
    LearningDomain Domain,
    DateOnly Date,
    int MinutesPresent);

/// <summary>
/// Sent by the Funds module (durable outbox) when a scholarship or award is decided for a person. `AwardId` is
/// the entry's id in the record, so the Records module adds it exactly once however often the message arrives;
/// the entry is a credential already checked by `DecidedBy`, the official who decided the award.
/// </summary>
public sealed record RecordFundsAward(Guid AwardId, Guid PersonId, Guid UnitId, string Name, string Issuer, DateOnly Date, Guid DecidedBy);

/// <summary>
/// Published by the Records module (durable outbox, after the commit) when an official verifies a self-declared
/// entry. Carries ids only: what the entry says stays sealed in the record.
/// </summary>
public sealed record RecordEntryVerified(Guid EntryId, Guid PersonId);

/// <summary>Published by the Records module (durable outbox) when an official rejects an entry; the reason stays sealed in the record.</summary>
public sealed record RecordEntryRejected(Guid EntryId, Guid PersonId);
