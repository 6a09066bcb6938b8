using Vape.Records.Contracts;

namespace Vape.Records.Record;

/// <summary>Where an entry came from: the system (class attendance), the learner, or the learner then checked by an official.</summary>
public enum Provenance
{
    System,
    SelfDeclared,
    Verified,
}

/// <summary>Accepted (system or verified), pending an official's check, or rejected with a reason.</summary>
public enum EntryStatus
{
    Accepted,
    Pending,
    Rejected,
}

public enum EntryKind
{
    Activity,
    Credential,
}

/// <summary>What officials may see of a record: the entries, or only the totals. Withdrawing takes effect at once.</summary>
public enum ConsentLevel
{
    Totals,
    Details,
}

public enum TitleKind
{
    LearningCitizen,
    LearningFamily,
    LearningClan,
    LearningCommunity,
    LearningUnit,
}

// The events of a person's record (the module's stream of the person, docs/adr/0062). Everything that says what the
// person learned is sealed with the person's key (see PersonKeys), so that erasure makes it unreadable in the event
// store too.

/// <summary>An event of a person's record, decided by the action's file (<see cref="RecordDecider"/>, docs/adr/0165).</summary>
internal interface IRecordEvent;

internal static class RecordEventTypes
{
    public static readonly Type[] All = [typeof(ActivityRecorded), typeof(CredentialRecorded), typeof(EntryVerified), typeof(EntryRejected),
        typeof(TitleAwarded), typeof(ConsentChanged), typeof(RecordErased), typeof(EntryWithdrawn), typeof(Badges.BadgeIssued), typeof(Badges.BadgeRevoked)];
}

public sealed record ActivityRecorded(Guid EntryId, Provenance Provenance, Guid? AttendanceId, byte[] Sealed, DateTimeOffset At) : IRecordEvent;

public sealed record CredentialRecorded(Guid EntryId, byte[] Sealed, DateTimeOffset At) : IRecordEvent;

public sealed record EntryVerified(Guid EntryId, Guid OfficialId, DateTimeOffset At) : IRecordEvent;

public sealed record EntryRejected(Guid EntryId, Guid OfficialId, byte[] SealedReason, DateTimeOffset At) : IRecordEvent;

/// <summary>The entry's source took it back (a voided xAPI statement): it leaves the record; the event says which and when.</summary>
public sealed record EntryWithdrawn(Guid EntryId, DateTimeOffset At) : IRecordEvent;

public sealed record TitleAwarded(Guid TitleId, TitleKind Kind, int Year, Guid SubjectId, DateTimeOffset At) : IRecordEvent;

public sealed record ConsentChanged(ConsentLevel Level, DateTimeOffset At) : IRecordEvent;

public sealed record RecordErased(DateTimeOffset At) : IRecordEvent;

/// <summary>The sealed part of an activity; a class's attendance also has its minutes with picture and sound (null before them).</summary>
internal sealed record ActivityDetails(string Title, LearningDomain Domain, DateOnly Date, int Minutes, string? Provider,
    string? EvidenceUrl, Guid? EvidenceFileId, Guid? ClassId, int? MinutesWithMedia = null);

/// <summary>The sealed part of a credential (certificate, diploma).</summary>
/// <param name="Award">A scholarship or award of the Funds module (<see cref="RecordFundsAwardHandler"/>): its credential is an award, not a certificate.</param>
internal sealed record CredentialDetails(string Name, string Issuer, DateOnly Date, LearningDomain? Domain, string? EvidenceUrl, Guid? EvidenceFileId,
    bool Award = false);
