using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Cases;

namespace CityScreen.Domain.Ledger;

/// <summary>The values of a ledger at one moment, and the cases that turned red since the previous computation.</summary>
public sealed record LedgerResult(IndicatorValues Values, IReadOnlyList<CaseFile> TurnedRed);
