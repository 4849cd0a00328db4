using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CityScreen.Contracts.Events;
using CityScreen.Domain.Cases;
using CityScreen.Domain.CoBuilding;
using CityScreen.Domain.Departments;
using CityScreen.Domain.Time;

namespace CityScreen.Domain.Ingest;

/// <summary>
/// Reads the wire format of <c>POST /api/events</c> into <see cref="CityEvent"/>s, checking every
/// field docs/domain.md §2 asks of each type. It never stops at the first error: a client fixing a
/// batch sees every item and field that is wrong, keyed by its JSON path.
/// </summary>
public static partial class EventParser
{
    public const int MaxIdLength = 128;
    public const int MaxTextLength = 200;

    /// <summary>A person's name (<c>member.registered</c>, points): a name, not a text.</summary>
    public const int MaxPersonNameLength = 32;

    /// <summary>The most departments one whistle may summon.</summary>
    public const int MaxSummoned = 10;
    /// <summary>The longest time a whistle may give a department to arrive (a day).</summary>
    public const int MaxRespondWithinMinutes = 1440;
    /// <summary>The longest <c>limitHours</c> of a filing (a year).</summary>
    public const double MaxLimitHours = 8760;
    public const string NaturalHours = "natural";
    public const string WorkingHours = "working";

    /// <summary>
    /// Parses one event (an object) or a batch (an array). Items are null where they had errors.
    /// <paramref name="reference"/> holds the departments and the working calendar (none: no department is known).
    /// </summary>
    public static IReadOnlyList<CityEvent?> Parse(JsonElement root, ValidationErrors errors, EventReference? reference = null)
    {
        reference ??= EventReference.None;
        switch (root.ValueKind)
        {
            case JsonValueKind.Object:
                return [ParseItem(root, "$", errors, reference)];
            case JsonValueKind.Array:
                var list = new List<CityEvent?>(root.GetArrayLength());
                var i = 0;
                foreach (var item in root.EnumerateArray())
                {
                    var path = $"[{i++}]";
                    if (item.ValueKind != JsonValueKind.Object)
                    {
                        errors.Add(path, "must be an event object");
                        list.Add(null);
                        continue;
                    }
                    list.Add(ParseItem(item, path, errors, reference));
                }
                if (list.Count == 0) errors.Add("$", "the batch is empty");
                return list;
            default:
                errors.Add("$", "the body must be an event object or an array of events");
                return [];
        }
    }

    private static CityEvent? ParseItem(JsonElement o, string path, ValidationErrors errors, EventReference reference)
    {
        var r = new FieldReader(o, path, errors, reference.Departments, reference.Sites);
        var id = r.String("id", required: true, MaxIdLength);
        var type = r.String("type", required: true, 64);
        var occurredAt = r.Time("occurredAt", required: true);
        var source = r.String("source", required: true, 64);
        var gridId = r.String("gridId", required: false, MaxIdLength);
        var communityId = r.String("communityId", required: false, MaxIdLength);

        if (type is not null && !EventTypes.All.Contains(type))
        {
            errors.Add($"{path}.type", $"unknown event type '{type}'; expected one of {string.Join(", ", EventTypes.All)}");
            return null;
        }
        if (type is null) return null;

        var isCase = EventTypes.IsCaseStep(type);
        if (isCase && gridId is null)
            r.Fail("gridId", communityId is null ? "is required" : "is required for case steps (a case belongs to a grid, not a community)");
        else if (!isCase && gridId is null && communityId is null)
            r.Fail("gridId", "is required (or communityId, for an activity of a whole community)");
        else if (gridId is not null && communityId is not null)
            r.Fail("communityId", "give either gridId or communityId, not both");

        var e = new CityEvent
        {
            Id = id ?? "",
            Type = type,
            OccurredAt = occurredAt ?? default,
            GridId = gridId,
            CommunityId = gridId is null ? communityId : null,
            Source = source ?? "",
        };

        e = type switch
        {
            EventTypes.CaseReported => e with
            {
                CaseId = r.String("caseId", true),
                Kind = r.OneOf("kind", CaseVocabulary.Kinds),
                Category = r.OneOf("category", CaseVocabulary.Categories),
                Level = r.OneOf("level", CaseVocabulary.Levels),
                Title = r.String("title", true, MaxTextLength),
                Location = r.Location("location"),
            },
            EventTypes.CaseFiled => r.Limit(e with { CaseId = r.String("caseId", true) }, occurredAt, reference.Calendar),
            EventTypes.CaseRejected or EventTypes.CaseReopened => e with
            {
                CaseId = r.String("caseId", true),
                Reason = r.String("reason", true, MaxTextLength),
            },
            // The department of a dispatch stays free text (a name, as upstream sends today); when it is
            // a department id it is kept in Departments too, and counts for that department.
            EventTypes.CaseDispatched => r.DepartmentIfKnown(e with
            {
                CaseId = r.String("caseId", true),
                Department = r.String("department", true),
                Whistle = r.Boolean("whistle") ?? false,
            }),
            // A response names the department that arrived (报到) by its id, as a whistle summons it, or
            // the Party member taking an order; naming neither, the receiver of the dispatch answered
            // (a community or a property company, which are not departments and have no id).
            EventTypes.CaseResponded => e with
            {
                CaseId = r.String("caseId", true),
                Department = r.DepartmentId("department", false),
                MemberId = r.String("memberId", false),
            },
            EventTypes.CaseResolved => e with { CaseId = r.String("caseId", true), Department = r.DepartmentId("department", false) },
            EventTypes.CaseClosed => e with { CaseId = r.String("caseId", true) },
            EventTypes.CaseRated => e with { CaseId = r.String("caseId", true), Score = r.Integer("score", 1, 5), Resolved = r.Boolean("resolved") },
            EventTypes.CaseWhistled => e with
            {
                CaseId = r.String("caseId", true),
                By = r.String("by", true),
                Departments = r.DepartmentIds("departments"),
                Reason = r.String("reason", true, MaxTextLength),
                RespondWithinMinutes = r.OptionalInteger("respondWithinMinutes", 1, MaxRespondWithinMinutes) ?? CaseRules.DefaultRespondWithinMinutes,
            },
            EventTypes.CaseExtended => e with
            {
                CaseId = r.String("caseId", true),
                DueAt = r.DueAt("dueAt", occurredAt),
                Reason = r.String("reason", true, MaxTextLength),
            },
            EventTypes.CaseSuspended or EventTypes.CaseResumed => e with
            {
                CaseId = r.String("caseId", true),
                Reason = r.String("reason", true, MaxTextLength),
            },
            EventTypes.CaseReturned => e with
            {
                CaseId = r.String("caseId", true),
                Department = r.DepartmentId("department", true),
                Reason = r.String("reason", true, MaxTextLength),
            },
            EventTypes.CaseReassigned => e with { CaseId = r.String("caseId", true), Department = r.DepartmentId("department", true) },
            EventTypes.DepartmentRated => r.PeriodOrCase(e with
            {
                Department = r.DepartmentId("department", true),
                By = r.String("by", true),
                Score = r.Integer("score", 1, 5),
            }),
            EventTypes.MemberCheckin => e with { MemberId = r.String("memberId", true), UnitId = r.String("unitId", true) },
            EventTypes.VolunteerLogged => (e with
            {
                MemberId = r.String("memberId", false),
                TeamId = r.String("teamId", false),
                Hours = r.Number("hours", 0, 24, exclusiveMin: true),
            }).CheckVolunteer(r),
            EventTypes.ProjectClaimed => e with { ProjectId = r.String("projectId", true), UnitId = r.String("unitId", true) },
            EventTypes.ProjectCompleted => e with { ProjectId = r.String("projectId", true), UnitId = r.String("unitId", false) },
            EventTypes.PointsAwarded or EventTypes.PointsRedeemed => (e with
            {
                PersonId = r.String("personId", false),
                UnitId = r.String("unitId", false),
                // The person's name as the points system knows it: kept on the server, shown masked (PersonName).
                Name = r.String("name", false, MaxPersonNameLength),
                Points = r.Integer("points", 1, 10_000),
                Reason = r.String("reason", false, MaxTextLength),
            }).CheckHolder(r),
            EventTypes.MeetingHeld => r.Consultation(e with
            {
                OrgId = r.String("orgId", true),
                MeetingKind = r.String("kind", true, 64),
                AttendeeUnits = r.Ids("attendeeUnits", required: false),
            }),
            EventTypes.UnitRegistered => e with
            {
                UnitId = r.String("unitId", true),
                Name = r.String("name", true, MaxTextLength),
                Kind = r.OneOf("kind", CoBuildingVocabulary.UnitKinds),
                AgreementSignedAt = r.Time("agreementSignedAt", required: false),
                PartyMembers = r.OptionalInteger("partyMembers", 0, 100_000),
            },
            EventTypes.MemberRegistered => e with
            {
                MemberId = r.String("memberId", true),
                UnitId = r.String("unitId", true),
                Name = r.String("name", false, MaxPersonNameLength),
                Post = r.String("post", false, MaxTextLength),
            },
            EventTypes.NeedListed => e with
            {
                NeedId = r.String("needId", true),
                Category = r.OneOf("category", CoBuildingVocabulary.Categories),
                Title = r.String("title", true, MaxTextLength),
                Origin = r.OneOf("origin", CoBuildingVocabulary.NeedOrigins),
            },
            EventTypes.ResourceListed => e with
            {
                ResourceId = r.String("resourceId", true),
                UnitId = r.String("unitId", true),
                Category = r.OneOf("category", CoBuildingVocabulary.Categories),
                Title = r.String("title", true, MaxTextLength),
            },
            EventTypes.ProjectPublished => (e with
            {
                ProjectId = r.String("projectId", true),
                Title = r.String("title", true, MaxTextLength),
                NeedIds = r.Ids("needIds", required: true),
                ResourceIds = r.Ids("resourceIds", required: true),
            }).CheckAnswers(r),
            EventTypes.ProjectRated => e with { ProjectId = r.String("projectId", true), Score = r.Integer("score", 1, 5) },
            EventTypes.SiteServed => e with { SiteId = r.SiteId("siteId"), People = r.Integer("people", 1, 10_000) },
            _ => e,
        };
        if (reference.Contains is { } contains && e.By is { } by && (e.GridId ?? e.CommunityId) is { } leaf && !r.Failed
            && !contains(by, leaf))
            r.Fail("by", type == EventTypes.DepartmentRated
                ? $"'{by}' must be the street the rating's {(e.GridId is null ? "communityId" : "gridId")} '{leaf}' lies in"
                : $"'{by}' must be the street or community the case's grid '{leaf}' lies in");
        return r.Failed ? null : e;
    }

    private static CityEvent CheckVolunteer(this CityEvent e, FieldReader r)
    {
        if (e.MemberId is null && e.TeamId is null) r.Fail("memberId", "is required (or teamId)");
        return e;
    }

    /// <summary>Love points belong to a person or a unit, exactly one.</summary>
    private static CityEvent CheckHolder(this CityEvent e, FieldReader r)
    {
        if (e.PersonId is null && e.UnitId is null) r.Fail("personId", "is required (or unitId)");
        else if (e.PersonId is not null && e.UnitId is not null) r.Fail("unitId", "give either personId or unitId, not both");
        return e;
    }

    /// <summary>A project answers at least one need or draws on at least one resource.</summary>
    private static CityEvent CheckAnswers(this CityEvent e, FieldReader r)
    {
        if (e.NeedIds is [] && e.ResourceIds is []) r.Fail("needIds", "a project must name at least one need or resource");
        return e;
    }

    /// <summary>A rated period: a quarter (<c>2026-Q4</c>) or a month (<c>2026-11</c>).</summary>
    [GeneratedRegex(@"^[0-9]{4}-(Q[1-4]|0[1-9]|1[0-2])$")]
    private static partial Regex PeriodPattern();

    /// <summary>Reads typed fields of one item, recording an error per bad field.</summary>
    private sealed class FieldReader(JsonElement o, string path, ValidationErrors errors, DepartmentDirectory departments, ServiceSiteDirectory sites)
    {
        public bool Failed { get; private set; }

        public void Fail(string field, string message)
        {
            errors.Add($"{path}.{field}", message);
            Failed = true;
        }

        public string? String(string field, bool required, int maxLength = MaxIdLength)
        {
            if (!o.TryGetProperty(field, out var p) || p.ValueKind == JsonValueKind.Null)
            {
                if (required) Fail(field, "is required");
                return null;
            }
            if (p.ValueKind != JsonValueKind.String) { Fail(field, "must be a string"); return null; }
            // Control characters never reach a wall, a page or an export (a title with a newline or an escape sequence).
            var s = WithoutControlCharacters(p.GetString()!);
            if (string.IsNullOrWhiteSpace(s)) { Fail(field, "must not be empty"); return null; }
            if (s.Length > maxLength) { Fail(field, $"must be at most {maxLength} characters"); return null; }
            return s;
        }

        /// <summary>A department id of the directory.</summary>
        public string? DepartmentId(string field, bool required)
        {
            var id = String(field, required);
            if (id is not null && !departments.Contains(id))
            {
                Fail(field, $"'{id}' is not a department id of the departments file");
                return null;
            }
            return id;
        }

        /// <summary>1–<see cref="MaxSummoned"/> distinct department ids; each unknown one named by its index.</summary>
        public string[]? DepartmentIds(string field)
        {
            if (!o.TryGetProperty(field, out var p) || p.ValueKind == JsonValueKind.Null) { Fail(field, "is required"); return null; }
            if (p.ValueKind != JsonValueKind.Array) { Fail(field, "must be an array of department ids"); return null; }
            var n = p.GetArrayLength();
            if (n is 0 or > MaxSummoned) { Fail(field, $"must name 1 to {MaxSummoned} departments"); return null; }
            var ids = new string[n];
            var ok = true;
            for (var j = 0; j < n; j++)
            {
                var item = p[j];
                var at = $"{field}[{j}]";
                if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString())) { Fail(at, "must be a department id"); ok = false; continue; }
                var id = item.GetString()!;
                if (!departments.Contains(id)) { Fail(at, $"'{id}' is not a department id of the departments file"); ok = false; continue; }
                if (Array.IndexOf(ids, id, 0, j) >= 0) { Fail(at, $"'{id}' is summoned twice"); ok = false; continue; }
                ids[j] = id;
            }
            return ok ? ids : null;
        }

        /// <summary>A dispatch's department, kept as an id too when it is one.</summary>
        public CityEvent DepartmentIfKnown(CityEvent e) =>
            e.Department is { } d && departments.Contains(d) ? e with { Departments = [d] } : e;

        /// <summary><c>dueAt</c>, or <c>limitHours</c> with <c>limitKind</c> turned into a due time from <paramref name="occurredAt"/>.</summary>
        public CityEvent Limit(CityEvent e, DateTimeOffset? occurredAt, WorkingCalendar calendar)
        {
            var hasHours = o.TryGetProperty("limitHours", out var h) && h.ValueKind != JsonValueKind.Null;
            var hasDue = o.TryGetProperty("dueAt", out var d) && d.ValueKind != JsonValueKind.Null;
            if (!hasHours) return e with { DueAt = DueAt("dueAt", occurredAt) };
            if (hasDue) { Fail("dueAt", "give either dueAt or limitHours, not both"); return e; }
            var hours = Number("limitHours", 0, MaxLimitHours, exclusiveMin: true);
            var kind = OneOf("limitKind", [NaturalHours, WorkingHours]);
            if (hours is not { } x || kind is null || occurredAt is not { } start) return e;
            var due = kind == WorkingHours ? calendar.AddWorkingHours(start, x) : start + TimeSpan.FromHours(x);
            return e with { DueAt = due, LimitHours = x, LimitKind = kind };
        }

        /// <summary>A rating names a <c>period</c> or a <c>caseId</c>, exactly one.</summary>
        public CityEvent PeriodOrCase(CityEvent e)
        {
            var period = String("period", false, 16);
            var caseId = String("caseId", false);
            if (period is null && caseId is null) Fail("period", "is required (or caseId)");
            else if (period is not null && caseId is not null) Fail("caseId", "give either period or caseId, not both");
            else if (period is not null && !PeriodPattern().IsMatch(period)) Fail("period", $"'{period}' is not a quarter (2026-Q4) or a month (2026-11)");
            return e with { Period = period, CaseId = caseId };
        }

        /// <summary>An array of distinct non-empty ids (at most <see cref="CoBuildingVocabulary.MaxListedIds"/>); each bad one named by its index.</summary>
        public string[]? Ids(string field, bool required)
        {
            if (!o.TryGetProperty(field, out var p) || p.ValueKind == JsonValueKind.Null)
            {
                if (required) Fail(field, "is required (an array of ids, may be empty)");
                return null;
            }
            if (p.ValueKind != JsonValueKind.Array) { Fail(field, "must be an array of ids"); return null; }
            var n = p.GetArrayLength();
            if (n > CoBuildingVocabulary.MaxListedIds) { Fail(field, $"must name at most {CoBuildingVocabulary.MaxListedIds} ids"); return null; }
            var ids = new string[n];
            var ok = true;
            for (var j = 0; j < n; j++)
            {
                var item = p[j];
                var at = $"{field}[{j}]";
                if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()) || item.GetString()!.Length > MaxIdLength)
                { Fail(at, $"must be an id (a non-empty string of at most {MaxIdLength} characters)"); ok = false; continue; }
                var id = item.GetString()!;
                if (Array.IndexOf(ids, id, 0, j) >= 0) { Fail(at, $"'{id}' is named twice"); ok = false; continue; }
                ids[j] = id;
            }
            return ok ? ids : null;
        }

        /// <summary>A site id of the service sites file.</summary>
        public string? SiteId(string field)
        {
            var id = String(field, true);
            if (id is not null && !sites.TryGet(id, out _))
            {
                Fail(field, $"'{id}' is not a site of the service sites file");
                return null;
            }
            return id;
        }

        /// <summary><c>concluded</c> belongs to a consultation (议事协商) only.</summary>
        public CityEvent Consultation(CityEvent e)
        {
            var concluded = Boolean("concluded");
            if (concluded is not null && e.MeetingKind is not null && e.MeetingKind != CoBuildingVocabulary.Consultation)
                Fail("concluded", $"is only for a meeting of kind '{CoBuildingVocabulary.Consultation}'");
            return e with { Concluded = concluded };
        }

        public int? OptionalInteger(string field, int min, int max) =>
            !o.TryGetProperty(field, out var p) || p.ValueKind == JsonValueKind.Null ? null : Integer(field, min, max);

        private static string WithoutControlCharacters(string s)
        {
            // Checked for every text field of every event: a plain loop, no enumerator, when (as nearly always) there is none.
            foreach (var c in s)
                if (char.IsControl(c)) return string.Concat(s.Where(ch => !char.IsControl(ch)));
            return s;
        }

        public string? OneOf(string field, IReadOnlyList<string> allowed)
        {
            var s = String(field, true, 64);
            if (s is not null && !allowed.Contains(s))
            {
                Fail(field, $"'{s}' is not one of {string.Join(", ", allowed)}");
                return null;
            }
            return s;
        }

        public DateTimeOffset? Time(string field, bool required)
        {
            var s = String(field, required, 64);
            if (s is null) return null;
            if (!DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
                || !HasOffset(s))
            {
                Fail(field, $"'{s}' is not an ISO-8601 time with an offset (e.g. 2026-11-22T09:30:00+08:00)");
                return null;
            }
            return t;
        }

        public DateTimeOffset? DueAt(string field, DateTimeOffset? occurredAt)
        {
            var due = Time(field, true);
            if (due is { } d && occurredAt is { } o2 && d <= o2)
            {
                Fail(field, "must be after occurredAt");
                return null;
            }
            return due;
        }

        public bool? Boolean(string field)
        {
            if (!o.TryGetProperty(field, out var p) || p.ValueKind == JsonValueKind.Null) return null;
            if (p.ValueKind is JsonValueKind.True or JsonValueKind.False) return p.GetBoolean();
            Fail(field, "must be true or false");
            return null;
        }

        public int? Integer(string field, int min, int max)
        {
            if (!o.TryGetProperty(field, out var p) || p.ValueKind == JsonValueKind.Null) { Fail(field, "is required"); return null; }
            if (p.ValueKind != JsonValueKind.Number || !p.TryGetInt32(out var v)) { Fail(field, "must be an integer"); return null; }
            if (v < min || v > max) { Fail(field, $"must be between {min} and {max}"); return null; }
            return v;
        }

        public double? Number(string field, double min, double max, bool exclusiveMin)
        {
            if (!o.TryGetProperty(field, out var p) || p.ValueKind == JsonValueKind.Null) { Fail(field, "is required"); return null; }
            if (p.ValueKind != JsonValueKind.Number) { Fail(field, "must be a number"); return null; }
            var v = p.GetDouble();
            if ((exclusiveMin ? v <= min : v < min) || v > max || !double.IsFinite(v))
            {
                Fail(field, $"must be {(exclusiveMin ? "greater than" : "at least")} {min} and at most {max}");
                return null;
            }
            return v;
        }

        public double[]? Location(string field)
        {
            if (!o.TryGetProperty(field, out var p) || p.ValueKind == JsonValueKind.Null) return null;
            if (p.ValueKind != JsonValueKind.Array || p.GetArrayLength() != 2
                || p[0].ValueKind != JsonValueKind.Number || p[1].ValueKind != JsonValueKind.Number)
            {
                Fail(field, "must be [lon, lat]");
                return null;
            }
            double lon = p[0].GetDouble(), lat = p[1].GetDouble();
            if (lon is < -180 or > 180 || lat is < -90 or > 90)
            {
                Fail(field, "must be [lon, lat] in degrees (lon −180..180, lat −90..90)");
                return null;
            }
            return [lon, lat];
        }

        private static bool HasOffset(string s)
        {
            var t = s.IndexOf('T');
            if (t < 0) t = s.IndexOf(' ');
            if (t < 0) return false;
            var time = s[t..];
            return time.EndsWith('Z') || time.EndsWith('z') || time.Contains('+') || time.LastIndexOf('-') > 0;
        }
    }
}
