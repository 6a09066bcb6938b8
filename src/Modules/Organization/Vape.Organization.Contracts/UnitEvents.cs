namespace Vape.Organization.Contracts;

/// <summary>Published after a unit's new name is committed. Other modules keep their copies of names up to date.</summary>
public sealed record UnitRenamed(Guid UnitId, string Name, int Version, DateTimeOffset At);
