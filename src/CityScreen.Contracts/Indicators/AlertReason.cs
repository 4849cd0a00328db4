using System.Text.Json.Serialization;
using CityScreen.Contracts.Events;

namespace CityScreen.Contracts.Indicators;

/// <summary>Why a case raised an alarm on the wall; spelled as <see cref="CaseVocabulary.AlertReasons"/>.</summary>
[JsonConverter(typeof(VocabularyJsonConverter<AlertReason>))]
public enum AlertReason
{
    /// <summary>A major or critical case was just reported.</summary>
    Reported,
    /// <summary>An open case went past its time limit (turned red).</summary>
    Overdue,
    /// <summary>A street blew the whistle (吹哨) on a case, summoning departments; news for the ticker, never a takeover.</summary>
    Whistled,
    /// <summary>
    /// A case that alarmed (major or critical, or red) was resolved, closed or rejected: its marker on
    /// the wall's map stops pulsing. Never in the ticker, never a takeover.
    /// </summary>
    Handled,
}
