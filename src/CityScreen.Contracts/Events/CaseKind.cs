using System.Text.Json.Serialization;

namespace CityScreen.Contracts.Events;

/// <summary>Where a case comes from (the <c>kind</c> of <c>case.reported</c>); spelled as <see cref="CaseVocabulary.Kinds"/>.</summary>
[JsonConverter(typeof(VocabularyJsonConverter<CaseKind>))]
public enum CaseKind
{
    /// <summary>事件: something that happened (a dispute, dumped rubbish ...).</summary>
    Event,
    /// <summary>部件: a piece of public equipment out of order.</summary>
    Part,
    /// <summary>12345工单: a call to the city hotline.</summary>
    Hotline,
    /// <summary>群众点单: a resident's order for a service, taken by a Party member.</summary>
    Order,
}
