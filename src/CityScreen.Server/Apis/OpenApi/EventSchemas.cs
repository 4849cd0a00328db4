using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace CityScreen.Server.Apis.OpenApi;

/// <summary>The event schemas of the OpenAPI document: one per type, and <c>CityEvent</c>, their union discriminated by <c>type</c>.</summary>
public static class EventSchemas
{
    public const string Union = "CityEvent";

    /// <summary>Adds every event schema to <paramref name="document"/>'s components.</summary>
    public static void AddTo(OpenApiDocument document, IDictionary<string, IOpenApiSchema> schemas)
    {
        var mapping = new Dictionary<string, OpenApiSchemaReference>(StringComparer.Ordinal);
        foreach (var (type, fields) in EventCatalog.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var name = EventCatalog.SchemaName(type);
            schemas[name] = TypeSchema(type, fields);
            mapping[type] = new OpenApiSchemaReference(name, document);
        }
        schemas[Union] = new OpenApiSchema
        {
            Description = "One event; its `type` says which of the schemas below it follows.",
            OneOf = [.. mapping.Values.Select(r => (IOpenApiSchema)r)],
            Discriminator = new OpenApiDiscriminator { PropertyName = "type", Mapping = mapping },
        };
    }

    /// <summary>A valid event of <paramref name="type"/>, as an example body.</summary>
    public static JsonObject Example(string type, string id)
    {
        var example = new JsonObject { ["id"] = id, ["type"] = type, ["occurredAt"] = "2026-11-22T09:30:00+08:00", ["source"] = "grid-app", ["gridId"] = "610602001001001" };
        foreach (var field in EventCatalog.Fields[type])
            if (field.Required || field.InExample) example[field.Name] = ExampleValue(field);
        return example;
    }

    private static OpenApiSchema TypeSchema(string type, IReadOnlyList<EventField> fields)
    {
        var all = EventCatalog.Common.Concat(fields).GroupBy(f => f.Name).Select(g => g.Last()).ToList();
        var properties = all.ToDictionary(f => f.Name, f => f.Name == "type"
            ? new OpenApiSchema { Type = JsonSchemaType.String, Const = type, Description = "Always `" + type + "`." }
            : (IOpenApiSchema)FieldSchema(f));
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = $"The event `{type}`.",
            Properties = properties,
            Required = all.Where(f => f.Required).Select(f => f.Name).ToHashSet(),
            Examples = [Example(type, "evt-" + type.Replace('.', '-') + "-1")],
        };
    }

    private static OpenApiSchema FieldSchema(EventField f)
    {
        var schema = f.Kind switch
        {
            EventFieldKind.Time => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
            EventFieldKind.Integer => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            EventFieldKind.Number => new OpenApiSchema { Type = JsonSchemaType.Number, Format = "double" },
            EventFieldKind.YesNo => new OpenApiSchema { Type = JsonSchemaType.Boolean },
            EventFieldKind.Choice => new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. f.Allowed!.Select(a => (JsonNode)JsonValue.Create(a))] },
            EventFieldKind.DepartmentIds => new OpenApiSchema
            {
                Type = JsonSchemaType.Array, MinItems = 1, MaxItems = f.MaxLength, Items = new OpenApiSchema { Type = JsonSchemaType.String },
            },
            EventFieldKind.Ids => new OpenApiSchema
            {
                Type = JsonSchemaType.Array, MaxItems = f.MaxLength, Items = new OpenApiSchema { Type = JsonSchemaType.String },
            },
            EventFieldKind.Location => new OpenApiSchema
            {
                Type = JsonSchemaType.Array, MinItems = 2, MaxItems = 2, Items = new OpenApiSchema { Type = JsonSchemaType.Number, Format = "double" },
            },
            _ => new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = f.MaxLength },
        };
        schema.Description = f.Description;
        if (f.Minimum is { } min) schema.Minimum = min.ToString(CultureInfo.InvariantCulture);
        if (f.Maximum is { } max) schema.Maximum = max.ToString(CultureInfo.InvariantCulture);
        return schema;
    }

    private static JsonNode ExampleValue(EventField f) => f.Kind switch
    {
        EventFieldKind.Time => "2026-11-22T13:30:00+08:00",
        EventFieldKind.Integer => (int)(f.Minimum ?? 1) + (f.Maximum is >= 5 ? 4 : 0),
        EventFieldKind.Number => 2.5,
        EventFieldKind.YesNo => true,
        EventFieldKind.Choice => f.Allowed![0],
        EventFieldKind.DepartmentIds => new JsonArray("610602-cgzf", "610602-zj"),
        EventFieldKind.Ids => new JsonArray(f.Name == "attendeeUnits" ? "unit-1" : f.Name[..^3] + "-1"),
        EventFieldKind.Location => new JsonArray(109.49, 36.59),
        _ => f.Name switch
        {
            "caseId" => "AJ-20261122-0001",
            "by" => "610602001",
            "period" => "2026-Q4",
            "department" => "610602-cgzf",
            "title" => "延河路口垃圾堆积",
            "reason" => "需联合执法",
            "kind" => "joint",
            "siteId" => "610602001001-dqfw",
            _ => f.Name.Replace("Id", "", StringComparison.Ordinal) + "-1",
        },
    };
}
