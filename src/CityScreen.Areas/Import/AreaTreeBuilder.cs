using NetTopologySuite.Operation.Union;

namespace CityScreen.Areas.Import;

/// <summary>
/// Merges the records of every file into one tree: synthesizes parents that no file contains, checks that
/// each child is one level below its parent and that one root remains, and sums profiles bottom-up.
/// Linear in the number of areas, apart from the unions of synthesized parents.
/// </summary>
internal static class AreaTreeBuilder
{
    public static AreaTree Build(IReadOnlyList<AreaRecord> records, IReadOnlyList<string> fileNames, IReadOnlyDictionary<string, string>? parentNames = null)
    {
        if (records.Count == 0)
            throw new AreaImportException(fileNames.Count == 0 ? "(no area files)" : string.Join(", ", fileNames), null, null, "contain no areas");

        var byId = new Dictionary<string, AreaRecord>(records.Count, StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (!byId.TryAdd(record.Id, record))
            {
                var origin = record.Origin!;
                throw origin.Error(origin.Options.IdProperty, $"has the id '{record.Id}' that {byId[record.Id].Origin} already has");
            }
        }

        SynthesizeMissingParents(byId, parentNames);
        var root = Link(byId);
        SumProfiles(byId.Values);
        return new AreaTree(ToAreasTopDown(root));
    }

    /// <summary>
    /// A file of grids may name communities that no file describes: each such parent becomes the union of its
    /// children, one level up, named by its id. Going bottom-up lets a synthesized parent have synthesized children.
    /// </summary>
    private static void SynthesizeMissingParents(Dictionary<string, AreaRecord> byId, IReadOnlyDictionary<string, string>? parentNames)
    {
        foreach (var level in AreaLevels.BottomUp())
        {
            var orphans = byId.Values
                .Where(r => r.Level == level && r.ParentId is { } parentId && !byId.ContainsKey(parentId))
                .ToList();
            if (level == AreaLevel.City)
            {
                // DataV city features name their province as parent; the screen's tree ends at the city.
                foreach (var city in orphans)
                    city.ParentId = null;
                continue;
            }
            foreach (var siblings in orphans.GroupBy(r => r.ParentId!, StringComparer.Ordinal))
            {
                byId.Add(siblings.Key, new AreaRecord
                {
                    Id = siblings.Key,
                    Name = parentNames?.GetValueOrDefault(siblings.Key) ?? siblings.Key,
                    Level = level - 1,
                    ParentId = null,
                    Boundary = UnaryUnionOp.Union(siblings.Select(s => s.Boundary).ToList()),
                    Profile = AreaProfile.Empty,
                    Origin = null,
                });
            }
        }
    }

    /// <summary>Fills the children lists and returns the single root.</summary>
    private static AreaRecord Link(Dictionary<string, AreaRecord> byId)
    {
        var roots = new List<AreaRecord>();
        foreach (var record in byId.Values)
        {
            if (record.ParentId is not { } parentId)
            {
                roots.Add(record);
                continue;
            }
            var parent = byId[parentId];
            if (parent.Level != record.Level - 1)
            {
                var origin = record.Origin!;
                throw origin.Error(origin.Options.LevelProperty,
                    $"is '{record.Level.ToApiName()}' but its parent '{parentId}' ({Describe(parent)}) is '{parent.Level.ToApiName()}'; a child must be exactly one level below its parent");
            }
            parent.Children.Add(record);
        }
        foreach (var record in byId.Values)
            record.Children.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));

        roots.Sort((a, b) => a.Level != b.Level ? a.Level.CompareTo(b.Level) : string.CompareOrdinal(a.Id, b.Id));
        if (roots.Count > 1)
            throw SecondRoot(roots[0], roots[1]);
        return roots[0];
    }

    private static AreaImportException SecondRoot(AreaRecord first, AreaRecord second)
    {
        var beside = $"'{second.Id}' would be a second root beside '{first.Id}' ({Describe(first)}); every area must lie below one city";
        if (second.Origin is { } origin)
            return origin.Error(origin.Options.ParentProperty, $"is missing, so {beside}");
        // A synthesized root has no feature of its own: point at the first child that named it.
        var child = second.Children[0];
        while (child.Origin is null)
            child = child.Children[0];
        return child.Origin.Error(child.Origin.Options.ParentProperty,
            $"leads to '{second.Id}', which no file contains; {beside}");
    }

    private static string Describe(AreaRecord record) =>
        record.Origin?.ToString() ?? "synthesized from its children";

    /// <summary>A parent whose file gives no reference data carries the sums of its children.</summary>
    private static void SumProfiles(IEnumerable<AreaRecord> records)
    {
        var byLevel = records.ToLookup(r => r.Level);
        foreach (var level in AreaLevels.BottomUp())
        {
            foreach (var record in byLevel[level])
            {
                if (record.Children.Count > 0 && record.Profile == AreaProfile.Empty)
                    record.Profile = record.Children.Aggregate(AreaProfile.Empty, (sum, child) => sum.Add(child.Profile));
            }
        }
    }

    private static List<Area> ToAreasTopDown(AreaRecord root)
    {
        var areas = new List<Area>();
        var queue = new Queue<AreaRecord>([root]);
        while (queue.TryDequeue(out var record))
        {
            areas.Add(new Area(record.Id, record.Name, record.Level, record.ParentId, record.Boundary, record.Profile,
                record.Children.Select(c => c.Id).ToArray()));
            foreach (var child in record.Children)
                queue.Enqueue(child);
        }
        return areas;
    }
}
