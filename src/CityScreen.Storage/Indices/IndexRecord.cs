using CityScreen.Domain.Index;

namespace CityScreen.Storage.Indices;

/// <summary>
/// One stored development index: an area on a date under one model version, with everything it
/// was computed from — the pooled inputs, the month's frozen weights — and the explanation, so the
/// number can be traced back and recomputed. <see cref="Stars"/> is set for communities only.
/// </summary>
public sealed record IndexRecord(
    DateOnly Date,
    string AreaId,
    string ModelVersion,
    string Level,
    string? ParentId,
    double? Value,
    string? Grade,
    int? Stars,
    int? Rank,
    double? Change,
    bool Simulated,
    IReadOnlyDictionary<string, double> Inputs,
    FrozenWeights Weights,
    IndexExplanation Explanation);
