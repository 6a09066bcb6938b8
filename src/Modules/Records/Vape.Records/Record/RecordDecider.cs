using System.Collections.Immutable;
using Vape.BuildingBlocks.Errors;

namespace Vape.Records.Record;

/// <summary>
/// What a decision about a person's record reads, under the record's lock (<see cref="RecordStream.OpenAsync"/>): the
/// entries the action is about (by id; the adapter reads only those), the class attendances already recorded that it
/// asks about, and the minutes already learned on the day it is about (<see cref="DayMinutes"/>: read, not folded, since
/// an activity's minutes are sealed). <see cref="RecordState.Apply(IRecordEvent)"/> is the fold of the record's events (docs/adr/0165).
/// </summary>
internal sealed record RecordState
{
    public static readonly RecordState Empty = new();

    public ImmutableDictionary<Guid, RecordedEntry> Entries { get; init; } = ImmutableDictionary<Guid, RecordedEntry>.Empty;
    public ImmutableHashSet<Guid> Attendances { get; init; } = [];
    public long DayMinutes { get; init; }
    public ConsentLevel Consent { get; init; } = ConsentLevel.Totals;
    public bool Erased { get; init; }

    public RecordState Apply(IEnumerable<IRecordEvent> events) => events.Aggregate(this, (state, e) => state.Apply(e));

    public RecordState Apply(IRecordEvent e) => e switch
    {
        ActivityRecorded x => this with
        {
            Entries = Entries.SetItem(x.EntryId, new(EntryKind.Activity, x.Provenance,
                x.Provenance == Provenance.SelfDeclared ? EntryStatus.Pending : EntryStatus.Accepted)),
            Attendances = x.AttendanceId is Guid a ? Attendances.Add(a) : Attendances,
        },
        CredentialRecorded x => this with { Entries = Entries.SetItem(x.EntryId, new(EntryKind.Credential, Provenance.SelfDeclared, EntryStatus.Pending)) },
        EntryVerified x => Change(x.EntryId, entry => entry with { Provenance = Provenance.Verified, Status = EntryStatus.Accepted }),
        EntryRejected x => Change(x.EntryId, entry => entry with { Status = EntryStatus.Rejected }),
        EntryWithdrawn x => this with { Entries = Entries.Remove(x.EntryId) },
        TitleAwarded or Badges.BadgeIssued or Badges.BadgeRevoked => this,
        ConsentChanged x => this with { Consent = x.Level },
        RecordErased => this with { Entries = Entries.Clear(), Attendances = [], Erased = true, Consent = ConsentLevel.Totals },
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "not a record event"),
    };

    private RecordState Change(Guid entryId, Func<RecordedEntry, RecordedEntry> change) =>
        Entries.TryGetValue(entryId, out var entry) ? this with { Entries = Entries.SetItem(entryId, change(entry)) } : this;
}

/// <summary>Where an entry came from and where it stands (what `records.entries` says of it besides its sealed details).</summary>
internal sealed record RecordedEntry(EntryKind Kind, Provenance Provenance, EntryStatus Status);

/// <summary>Seals a value with the person's key (<see cref="PersonKeys.Seal"/>): passed to a decision, so that deciding stays pure.</summary>
internal delegate byte[] Sealer(object value);

/// <summary>The rules several of a record's actions share, written once.</summary>
internal static class RecordDecider
{
    public static Sealer SealWith(byte[] key) => value => PersonKeys.Seal(key, value);

    /// <summary>A day holds at most 24 hours of learning: `minutes` more on `date` must fit beside the day's <see cref="RecordState.DayMinutes"/>.</summary>
    public static void RoomInDay(RecordState state, DateOnly date, int minutes)
    {
        if (state.DayMinutes + minutes > RecordRules.MinutesPerDay)
            throw VapeException.InvalidInput($"Ngày {date:dd/MM/yyyy} đã có {RecordStore.Hours(state.DayMinutes)} giờ học; một ngày có tối đa 24 giờ.");
    }

    /// <summary>No one confirms or rejects an entry of their own record (checked before who may, ADR 0070's order as it was).</summary>
    public static void NotOwn(Guid personId, Guid officialId)
    {
        if (personId == officialId) throw VapeException.NotAllowed("Không ai được tự xác nhận hoặc từ chối mục trong hồ sơ của chính mình.");
    }

    /// <summary>An entry an official may still decide on: in the record, self-declared (not the system's), and pending.</summary>
    public static void Pending(RecordState state, Guid entryId)
    {
        var entry = state.Entries.GetValueOrDefault(entryId) ?? throw NoSuchEntry();
        if (entry.Provenance == Provenance.System) throw VapeException.InvalidInput("Mục do hệ thống ghi nhận (điểm danh lớp học) không cần xác nhận.");
        if (entry.Status != EntryStatus.Pending)
            throw VapeException.InvalidInput(entry.Status == EntryStatus.Rejected ? "Mục này đã bị từ chối trước đó." : "Mục này đã được xác nhận trước đó.");
    }

    public static VapeException NoSuchEntry() => VapeException.NotFound("Không tìm thấy mục này trong hồ sơ học tập.");

    /// <summary>A text from another module, fitted: its fallback when empty, cut at `max` characters.</summary>
    public static string Fit(string? text, string fallback, int max)
    {
        var value = string.IsNullOrWhiteSpace(text) ? fallback : text.Trim();
        return value.Length > max ? value[..max] : value;
    }
}
