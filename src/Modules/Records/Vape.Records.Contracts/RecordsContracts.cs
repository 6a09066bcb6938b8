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
/// Records module adds the activity exactly once however often the message arrives. `MinutesWithMedia`: of the
/// minutes present, those with the class's picture and sound connected (never more; 0 from senders before it).
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
    int MinutesPresent,
    int MinutesWithMedia = 0);

/// <summary>
/// Sent by the Funds module (durable outbox) when a scholarship or award is decided for a person. `AwardId` is
/// the entry's id in the record, so the Records module adds it exactly once however often the message arrives;
/// the entry is a credential already checked by `DecidedBy`, the official who decided the award.
/// </summary>
public sealed record RecordFundsAward(Guid AwardId, Guid PersonId, Guid UnitId, string Name, string Issuer, DateOnly Date, Guid DecidedBy);

/// <summary>
/// Published by the Records module (Wolverine's outbox, with the decision's transaction) when an official verifies or
/// rejects a self-declared entry: what the learner's notifications need (#22). Ids only: the entry's text and the
/// reason stay sealed in the record, read by the learner through `myRecord`.
/// </summary>
public sealed record RecordEntryDecided(Guid EntryId, Guid PersonId, bool Verified, Guid DecidedBy, DateTimeOffset DecidedAt);

/// <summary>
/// Published by the Records module when an official confirms or rejects a proposed title. `PersonIds`: whose record
/// the title goes on when confirmed (the citizen, or the members of the family, clan, community or unit).
/// `Kind`: the `LearningTitleKind` GraphQL name (`LEARNING_CITIZEN`, `LEARNING_FAMILY`, ...).
/// </summary>
public sealed record LearningTitleDecided(Guid ProposalId, string Kind, int Year, Guid SubjectId, IReadOnlyList<Guid> PersonIds, bool Confirmed,
    Guid DecidedBy, DateTimeOffset DecidedAt)
{
    /// <summary>
    /// The Vietnamese name of a title kind, by its GraphQL name (as <see cref="Kind"/>); null for a kind this version
    /// does not know. The one table of these names: the notifications and the record's export both read it.
    /// </summary>
    public static string? KindName(string kind) => kind switch
    {
        "LEARNING_CITIZEN" => "Công dân học tập",
        "LEARNING_FAMILY" => "Gia đình học tập",
        "LEARNING_CLAN" => "Dòng họ học tập",
        "LEARNING_COMMUNITY" => "Cộng đồng học tập",
        "LEARNING_UNIT" => "Đơn vị học tập",
        _ => null,
    };
}

/// <summary>
/// Seals a short personal value (a member's phone number or e-mail address) with the person's key, the one their
/// record is sealed with, so that erasing the record (crypto-shredding) makes it unreadable too (docs/adr/0185).
/// </summary>
public interface IPersonSealing
{
    /// <summary>The value sealed with the person's key (made now if the person has none).</summary>
    Task<byte[]> SealAsync(Guid personId, string value, CancellationToken ct);

    /// <summary>The value again, or null when the person's key is gone (erased) or is another key than it was sealed with.</summary>
    Task<string?> OpenAsync(Guid personId, byte[] sealedValue, CancellationToken ct);
}

/// <summary>Why an official looks at a member's record. Required: every look is logged with it.</summary>
/// <remarks>The one GraphQL enum `RecordPurpose` of every module (ADR 0070): the Funds module asks it for a nomination's evidence.</remarks>
[System.ComponentModel.Description("Mục đích xem hồ sơ: xác minh, đánh giá, hỗ trợ (cán bộ); dịch vụ học tập (LEARNING_SERVICE: ứng dụng xAPI đọc dữ liệu nó giữ); bản quá trình học tập người học tải về (CERTIFIED_HISTORY) và trang kiểm tra bản đó được mở (HISTORY_VERIFICATION). Bắt buộc và được ghi vào nhật ký truy cập.")]
public enum RecordPurpose
{
    Verification,
    Evaluation,
    Support,
    /// <summary>A learning provider (an xAPI client) reads the statements and documents it keeps about the person. Never an official's.</summary>
    LearningService,
    /// <summary>The person downloaded a certified history of their own record (docs/adr/0238). Never an official's.</summary>
    CertifiedHistory,
    /// <summary>Someone opened the verification page of a certified history the person handed out (its QR code). Never an official's.</summary>
    HistoryVerification,
}

/// <summary>
/// An entry of a person's learning record shown as evidence (a nomination's, in the Funds module): an activity (hours)
/// or a credential (issuer), and whether an official has verified it.
/// </summary>
public sealed record RecordEvidenceEntry(Guid EntryId, bool Credential, string Title, string? Issuer, LearningDomain? Domain, DateOnly Date, decimal Hours,
    bool Verified);

/// <summary>
/// The Records module's audited read of chosen entries of a person's record, for another module (implemented inside
/// Records). Every read is a look in the person's access log (the official, the unit they review through, the purpose).
/// </summary>
public interface IRecordEvidence
{
    /// <summary>
    /// The entries, in the order asked, for an official who reviews the person's records (their unit or above), with
    /// an official's purpose, when the person lets officials see details. Refused, with nothing logged: no purpose or
    /// `LearningService` (`INVALID_INPUT`), another official (`NOT_ALLOWED`), consent to totals only (`NOT_ALLOWED`),
    /// an entry that is not the person's or was rejected (`NOT_FOUND`).
    /// </summary>
    Task<IReadOnlyList<RecordEvidenceEntry>> ReadAsync(Guid officialId, Guid personId, IReadOnlyList<Guid> entryIds, RecordPurpose? purpose,
        CancellationToken ct);
}
