using CityScreen.Domain.Ingest;

namespace CityScreen.Grains.Ingest;

/// <summary>What became of one ingest request: accepted (with duplicates counted) or refused with its errors.</summary>
public sealed record IngestOutcome(int Accepted, int Duplicates, ValidationErrors? Errors)
{
    public bool IsValid => Errors is null || Errors.IsEmpty;
}
