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
