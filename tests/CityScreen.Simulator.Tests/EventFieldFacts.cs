using CityScreen.Contracts.Events;

namespace CityScreen.Simulator.Tests;

/// <summary>Every event carries what docs/domain.md §2 asks of its type, in the ranges the ingest API accepts.</summary>
[Collection(TwoDaysCollection.Name)]
public class EventFieldFacts(TwoDays run)
{
    [Fact]
    public void Every_event_has_the_common_fields()
    {
        Assert.All(run.Events, e =>
        {
            Assert.Contains(e.Type, EventTypes.All);
            Assert.Equal("simulator", e.Source);
            Assert.InRange(e.Id.Length, 1, 128);
            Assert.True(e.OccurredAt > run.Start && e.OccurredAt <= run.Now, e.Id);
            if (e.GridId is not null)
            {
                Assert.Contains(e.GridId, TestCity.GridIds);
                Assert.Null(e.CommunityId);
            }
            else
            {
                Assert.False(EventTypes.IsCaseStep(e.Type), e.Id);
                Assert.Contains(e.CommunityId!, TestCity.CommunityIds);
            }
        });
    }

    [Fact]
    public void Every_event_has_the_fields_of_its_type()
    {
        Assert.All(run.Events, e =>
        {
            switch (e.Type)
            {
                case EventTypes.CaseReported:
                    Assert.Contains(e.Kind, CaseVocabulary.Kinds);
                    Assert.Contains(e.Category, CaseVocabulary.Categories);
                    Assert.Contains(e.Level, CaseVocabulary.Levels);
                    Assert.InRange(e.Title!.Length, 4, 200);
                    break;
                case EventTypes.CaseFiled:
                    Assert.True(e.DueAt > e.OccurredAt, e.Id);
                    break;
                case EventTypes.CaseRejected or EventTypes.CaseReopened:
                    Assert.False(string.IsNullOrWhiteSpace(e.Reason));
                    break;
                case EventTypes.CaseDispatched:
                    Assert.False(string.IsNullOrWhiteSpace(e.Department));
                    Assert.NotNull(e.Whistle);
                    break;
                case EventTypes.CaseResponded:
                    Assert.True(e.Department is not null ^ e.MemberId is not null, e.Id);
                    break;
                case EventTypes.CaseRated:
                    Assert.InRange(e.Score!.Value, 1, 5);
                    break;
                case EventTypes.MemberCheckin:
                    Assert.NotNull(e.MemberId);
                    Assert.NotNull(e.UnitId);
                    break;
                case EventTypes.VolunteerLogged:
                    Assert.True(e.MemberId is not null ^ e.TeamId is not null, e.Id);
                    Assert.InRange(e.Hours!.Value, 0.5, 4);
                    break;
                case EventTypes.ProjectClaimed:
                    Assert.NotNull(e.ProjectId);
                    Assert.NotNull(e.UnitId);
                    break;
                case EventTypes.ProjectCompleted:
                    Assert.NotNull(e.ProjectId);
                    break;
                case EventTypes.PointsAwarded:
                    Assert.NotNull(e.PersonId);
                    Assert.InRange(e.Points!.Value, 5, 50);
                    break;
                case EventTypes.MeetingHeld:
                    Assert.NotNull(e.OrgId);
                    Assert.Contains(e.MeetingKind, new[] { "主题党日", "支部党员大会", "支部委员会", "党小组会", "党课" });
                    break;
            }
            if (EventTypes.IsCaseStep(e.Type)) Assert.Matches("^AJ[0-9]{14,}$", e.CaseId!);
        });
    }

    [Fact]
    public void Every_event_survives_the_wire_format()
    {
        foreach (var e in run.Events.Take(5000))
        {
            using var doc = System.Text.Json.JsonDocument.Parse(CityEventJson.Serialize(e));
            var occurredAt = DateTimeOffset.Parse(doc.RootElement.GetProperty("occurredAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(e.OccurredAt, occurredAt);
        }
    }
}
