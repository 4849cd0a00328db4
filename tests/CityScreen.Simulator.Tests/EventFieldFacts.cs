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
            Assert.Contains(e.Type, Types);
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

    /// <summary>Every type the simulator sends: the contract's list and the 吹哨报到 and workflow steps.</summary>
    public static readonly IReadOnlySet<string> Types = new HashSet<string>(EventTypes.All)
    {
        EventTypes.CaseWhistled, EventTypes.CaseExtended, EventTypes.CaseSuspended, EventTypes.CaseResumed,
        EventTypes.CaseReturned, EventTypes.CaseReassigned, EventTypes.DepartmentRated,
    };

    [Fact]
    public void Every_event_has_the_fields_of_its_type()
    {
        Assert.All(run.Events, AssertFieldsOf);
    }

    [Fact]
    public void Only_12345_calls_name_a_caller_and_only_their_ratings_say_whether_it_is_solved()
    {
        foreach (var steps in run.WholeCases)
        {
            var hotline = steps[0].Kind == "hotline";
            Assert.Equal(hotline, steps[0].CallerId is not null);
            if (steps.FirstOrDefault(e => e.Type == EventTypes.CaseRated) is { } rated) Assert.Equal(hotline, rated.Resolved is not null);
        }
    }

    [Fact]
    public void Ordinary_dispatches_name_a_department_of_the_street_or_a_body_that_is_none()
    {
        var dispatches = run.Events.Where(e => e.Type is EventTypes.CaseDispatched or EventTypes.CaseReassigned).ToList();
        Assert.All(dispatches, e =>
        {
            if (!TestDepartments.NotDepartments.Contains(e.Department!))
                Assert.True(TestDepartments.Serves(e.Department!, TestCity.StreetOf(e.GridId!)), $"{e.Id}: {e.Department}");
        });
        Assert.InRange(TwoDays.Share(dispatches, e => TestDepartments.ById.ContainsKey(e.Department!)), 0.6, 0.95);
    }

    /// <summary>The fields each type needs, in the ranges the ingest API accepts (docs/domain.md §2).</summary>
    internal static void AssertFieldsOf(CityEvent e)
    {
        Assert.Contains(e.Type, Types);
        switch (e.Type)
        {
            case EventTypes.CaseReported:
                Assert.Contains(e.Kind, CaseVocabulary.Kinds);
                Assert.Contains(e.Category, CaseVocabulary.Categories);
                Assert.Contains(e.Level, CaseVocabulary.Levels);
                Assert.InRange(e.Title!.Length, 4, 200);
                if (e.CallerId is not null) Assert.Matches("^caller-[0-9a-f]{13}$", e.CallerId);
                break;
            case EventTypes.CaseFiled:
                // A due time, or a limit the server turns into one, never both.
                if (e.DueAt is null)
                {
                    Assert.InRange(e.LimitHours!.Value, 1, 72);
                    Assert.Contains(e.LimitKind, new[] { "natural", "working" });
                }
                else
                {
                    Assert.True(e.DueAt > e.OccurredAt, e.Id);
                    Assert.Null(e.LimitHours);
                    Assert.Null(e.LimitKind);
                }
                break;
            case EventTypes.CaseRejected or EventTypes.CaseReopened or EventTypes.CaseSuspended or EventTypes.CaseResumed:
                Assert.False(string.IsNullOrWhiteSpace(e.Reason));
                break;
            case EventTypes.CaseDispatched:
                Assert.False(string.IsNullOrWhiteSpace(e.Department));
                Assert.False(e.Whistle);
                break;
            case EventTypes.CaseResponded:
                // A department by its id, a member taking an order, or neither (a body that is not a department).
                Assert.False(e.Department is not null && e.MemberId is not null, e.Id);
                if (e.Department is not null) Assert.True(TestDepartments.Serves(e.Department, TestCity.StreetOf(e.GridId!)), e.Id);
                break;
            case EventTypes.CaseResolved:
                if (e.Department is not null) Assert.True(TestDepartments.Serves(e.Department, TestCity.StreetOf(e.GridId!)), e.Id);
                break;
            case EventTypes.CaseRated:
                Assert.InRange(e.Score!.Value, 1, 5);
                break;
            case EventTypes.CaseWhistled:
                Assert.Equal(TestCity.StreetOf(e.GridId!), e.By);
                Assert.InRange(e.Departments!.Length, 1, 4);
                Assert.Equal(e.Departments.Length, e.Departments.Distinct().Count());
                Assert.All(e.Departments, d => Assert.True(TestDepartments.Serves(d, e.By!), $"{e.Id}: {d} does not serve {e.By}"));
                Assert.False(string.IsNullOrWhiteSpace(e.Reason));
                if (e.RespondWithinMinutes is { } within) Assert.InRange(within, 15, 20);
                break;
            case EventTypes.CaseReturned:
                Assert.True(TestDepartments.Serves(e.Department!, TestCity.StreetOf(e.GridId!)), e.Id);
                Assert.False(string.IsNullOrWhiteSpace(e.Reason));
                break;
            case EventTypes.CaseReassigned:
                Assert.True(TestDepartments.Serves(e.Department!, TestCity.StreetOf(e.GridId!)), e.Id);
                break;
            case EventTypes.CaseExtended:
                Assert.True(e.DueAt > e.OccurredAt, e.Id);
                Assert.False(string.IsNullOrWhiteSpace(e.Reason));
                break;
            case EventTypes.DepartmentRated:
                Assert.Null(e.GridId);
                Assert.Equal(e.By, TestCity.StreetOf(e.CommunityId!));
                Assert.True(TestDepartments.Serves(e.Department!, e.By!), e.Id);
                Assert.InRange(e.Score!.Value, 1, 5);
                Assert.Matches("^[0-9]{4}-[0-9]{2}$", e.Period!);
                Assert.Null(e.CaseId);
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
