namespace Vape.Classes;

/// <summary>
/// The time the Classes module reads: the platform's <see cref="TimeProvider"/> unless a test puts a clock of
/// its own here (attendance is about minutes, and tests never wait for them).
/// </summary>
public sealed class ClassesClock(TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();
}
