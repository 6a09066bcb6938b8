namespace Vape.Organization.Contracts;

/// <summary>A member's phone number and e-mail address on file (docs/adr/0185), as other modules may touch them.</summary>
public interface IPersonContacts
{
    /// <summary>
    /// Forgets the person's phone and e-mail (and a change waiting for its code) when their record is erased: the
    /// sealed values are unreadable once the key is gone; this removes the rows and the keyed hash recovery finds them by.
    /// </summary>
    Task EraseAsync(Guid personId, CancellationToken ct);
}
