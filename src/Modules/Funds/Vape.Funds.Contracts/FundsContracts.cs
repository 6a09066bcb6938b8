namespace Vape.Funds.Contracts;

/// <summary>A unit's public funds figures as another module may show them (whole đồng, the unit and everything below it).</summary>
public sealed record FundsFigures(Guid UnitId, long Received, long Awarded, long Disbursed, long Held);

/// <summary>Reads of the Funds module for other modules (implemented inside Funds).</summary>
public interface IFundsQueries
{
    Task<FundsFigures> FiguresAsync(Guid unitId, CancellationToken ct);
}
