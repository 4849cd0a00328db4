using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Cases;

namespace CityScreen.Domain.Ledger;

/// <summary>
/// The values of a ledger at one moment, the cases that turned red since the previous computation,
/// and the earliest instant the values may change with no new event (a case turning yellow or red,
/// a window moving past one of its instants, the next hour).
/// </summary>
public sealed record LedgerResult(IndicatorValues Values, IReadOnlyList<CaseFile> TurnedRed, DateTimeOffset NextChange);
