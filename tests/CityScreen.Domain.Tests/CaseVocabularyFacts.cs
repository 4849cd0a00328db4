using System.Text.Json;
using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Cases;

namespace CityScreen.Domain.Tests;

/// <summary>The case vocabulary is typed inside and spelled as it always was on the wire.</summary>
public class CaseVocabularyFacts
{
    [Fact]
    public void Every_value_has_its_spelling_and_reads_back()
    {
        Assert.Equal(CaseVocabulary.Kinds, Enum.GetValues<CaseKind>().Select(k => k.ToJsonName()));
        Assert.Equal(CaseVocabulary.Levels, Enum.GetValues<CaseLevel>().Select(l => l.ToJsonName()));
        Assert.Equal(CaseVocabulary.Statuses, Enum.GetValues<CaseStatus>().Select(s => s.ToJsonName()));
        Assert.Equal(CaseVocabulary.AlertReasons, Enum.GetValues<AlertReason>().Select(r => r.ToJsonName()));
        Assert.Equal(["event", "part", "hotline", "order"], CaseVocabulary.Kinds);
        Assert.True(CaseVocabulary.TryParse<CaseLevel>("critical", out var level) && level == CaseLevel.Critical);
        Assert.False(CaseVocabulary.TryParse<CaseLevel>("Critical", out _));
    }

    [Fact]
    public void Json_writes_the_spelling_not_the_enum_name()
    {
        var json = JsonSerializer.Serialize(new { kind = CaseKind.Hotline, level = CaseLevel.Major, status = CaseStatus.Open, reason = AlertReason.Overdue });

        Assert.Equal("""{"kind":"hotline","level":"major","status":"open","reason":"overdue"}""", json);
        Assert.Equal(CaseKind.Order, JsonSerializer.Deserialize<CaseKind>("\"order\""));
    }

    [Fact]
    public void A_case_reads_its_kind_and_level_from_its_report_and_defaults_without_one()
    {
        var s = new Testing.CaseSteps("typed");
        var file = new CaseFile("typed");
        Assert.Equal((CaseKind.Event, CaseLevel.Normal, CaseStatus.Reported), (file.Kind, file.Level, file.Status));

        file.Apply(s.Reported(Testing.CaseSteps.Local(20, 8), "hotline", "critical"));

        Assert.Equal((CaseKind.Hotline, CaseLevel.Critical), (file.Kind, file.Level));
        Assert.True(CaseRules.IsAlarming(file.Level));
    }
}
