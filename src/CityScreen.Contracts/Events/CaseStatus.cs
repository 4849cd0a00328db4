using System.Text.Json.Serialization;

namespace CityScreen.Contracts.Events;

/// <summary>Where a case stands in its lifecycle, as the case list shows and filters it; spelled as <see cref="CaseVocabulary.Statuses"/>.</summary>
[JsonConverter(typeof(VocabularyJsonConverter<CaseStatus>))]
public enum CaseStatus
{
    /// <summary>在办: filed and not closed.</summary>
    Open,
    /// <summary>已结案</summary>
    Closed,
    /// <summary>不予立案/作废</summary>
    Rejected,
    /// <summary>待立案: reported, not filed yet.</summary>
    Reported,
}
