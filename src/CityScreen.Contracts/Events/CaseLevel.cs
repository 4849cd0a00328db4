using System.Text.Json.Serialization;

namespace CityScreen.Contracts.Events;

/// <summary>How grave a case is (the <c>level</c> of <c>case.reported</c>); spelled as <see cref="CaseVocabulary.Levels"/>.</summary>
[JsonConverter(typeof(VocabularyJsonConverter<CaseLevel>))]
public enum CaseLevel
{
    /// <summary>一般</summary>
    Normal,
    /// <summary>较大</summary>
    Major,
    /// <summary>重大</summary>
    Critical,
}
