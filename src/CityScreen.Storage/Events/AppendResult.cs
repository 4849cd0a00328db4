using CityScreen.Contracts.Events;

namespace CityScreen.Storage.Events;

public sealed record AppendResult(IReadOnlyList<CityEvent> Stored, int Duplicates);
