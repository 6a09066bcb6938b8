using Vape.Records.Record;

namespace Vape.Records.Badges;

/// <summary>What a credential is made from: an accepted entry of the record (a class, a verified credential, an award) or a title.</summary>
public enum BadgeSource
{
    Entry,
    Title,
}

/// <summary>A credential was issued from an achievement of the record (docs/adr/0191): which, by which unit, at which status index.</summary>
public sealed record BadgeIssued(Guid BadgeId, BadgeSource Source, Guid SourceId, Guid UnitId, int StatusIndex, DateTimeOffset At) : IRecordEvent;

/// <summary>A credential was revoked, by the person or an official of the awarding unit; the reason sealed with the person's key.</summary>
public sealed record BadgeRevoked(Guid BadgeId, Guid ActorId, byte[] SealedReason, DateTimeOffset At) : IRecordEvent;
