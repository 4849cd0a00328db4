using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CityScreen.Server.Apis.OpenApi;

/// <summary>
/// Completes the generated document where the code alone cannot tell: the body of
/// <c>POST /api/events</c> (read by the parser, not bound), its examples, and the problem-details
/// answers every client must handle (<see cref="ApiProblems"/>).
/// </summary>
public sealed class IngestContract : IOpenApiDocumentTransformer
{
    private const string Problem = "ProblemDetails";
    private const string ValidationProblem = "ValidationProblemDetails";
    private const string ApiKeyScheme = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        // Clients call their own server's address; the document is the same for every host.
        document.Servers = [];
        document.Info.Title = "CityScreen API";
        document.Info.Description =
            "The public APIs of CityScreen: areas and their live indicators, departments, cases, the development index, " +
            "administration, and the ingest of events from upstream systems (POST /api/events with X-Api-Key). " +
            "Reads take a bearer token, HTTP Basic or a signed-in session. Errors are RFC 7807 problem details.";
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        var schemas = document.Components.Schemas;
        EventSchemas.AddTo(document, schemas);
        schemas[Problem] = ProblemSchema(withErrors: false);
        schemas[ValidationProblem] = ProblemSchema(withErrors: true);
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-Api-Key",
            Description = "An ingest key issued by POST /api/admin/ingest-keys (or configured in CityScreen:Ingest:ApiKeys).",
        };

        if (document.Paths.TryGetValue("/api/events", out var path) && path.Operations?.TryGetValue(HttpMethod.Post, out var post) == true)
            Describe(post, document);
        return Task.CompletedTask;
    }

    private static void Describe(OpenApiOperation post, OpenApiDocument document)
    {
        post.Summary = "Ingest events from an upstream system";
        post.Description =
            "One event or an array of up to CityScreen:Ingest:MaxBatch (1,000 by default). Each is durable in the store before 202. " +
            "A resend of an id already stored counts once (duplicates). Any error refuses the whole request: nothing of it is stored.";
        post.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] }];
        var single = new OpenApiSchemaReference(EventSchemas.Union, document);
        post.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new()
                {
                    Schema = new OpenApiSchema { OneOf = [single, new OpenApiSchema { Type = JsonSchemaType.Array, Items = single, MaxItems = 1000 }] },
                    Examples = new Dictionary<string, IOpenApiExample>
                    {
                        ["one"] = new OpenApiExample { Summary = "One case reported", Value = EventSchemas.Example("case.reported", "evt-0001") },
                        ["batch"] = new OpenApiExample
                        {
                            Summary = "A batch: a case reported and filed, a party member checking in",
                            Value = new JsonArray(
                                EventSchemas.Example("case.reported", "evt-0002"),
                                EventSchemas.Example("case.filed", "evt-0003"),
                                EventSchemas.Example("member.checkin", "evt-0004")),
                        },
                    },
                },
            },
        };
        post.Responses ??= [];
        if (post.Responses.TryGetValue("202", out var accepted) && accepted is OpenApiResponse ok)
        {
            ok.Description = "Stored: how many events were new and how many were resends of stored ids.";
            foreach (var media in ok.Content?.Values ?? [])
                media.Example = new JsonObject { ["accepted"] = 2, ["duplicates"] = 1 };
        }
        post.Responses["400"] = Answer(document, ValidationProblem, "Invalid: `errors` names each bad item and field (`[3].dueAt`, `$.gridId`); nothing was stored.",
            new JsonObject
            {
                ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.1", ["title"] = "The events are invalid; none of them was accepted", ["status"] = 400,
                ["detail"] = "[1].gridId: unknown grid '999999'",
                ["errors"] = new JsonObject { ["[1].gridId"] = new JsonArray("unknown grid '999999'") },
            });
        post.Responses["401"] = Answer(document, Problem, "No X-Api-Key, or an unknown or revoked one.", null);
        post.Responses["403"] = Answer(document, ValidationProblem, "The key may not write to the areas named; `errors` names those items.", null);
        post.Responses["409"] = Answer(document, Problem, "An id already stored with a different content; nothing was stored (send a new id for a new event).", null);
        post.Responses["413"] = Answer(document, Problem, "The body or the batch exceeds the limit; split it.", null);
        post.Responses["429"] = Answer(document, Problem, "This key exceeds its rate; nothing was stored, resend after Retry-After seconds.", null, retryAfter: true);
        post.Responses["503"] = Answer(document, Problem, "Starting, or the store is busy or unavailable; nothing was stored, resend after Retry-After seconds.", null, retryAfter: true);
    }

    private static OpenApiResponse Answer(OpenApiDocument document, string schema, string description, JsonNode? example, bool retryAfter = false) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(schema, document), Example = example },
        },
        Headers = retryAfter
            ? new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait before resending.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
            }
            : null,
    };

    private static OpenApiSchema ProblemSchema(bool withErrors)
    {
        var properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What went wrong." },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Why, and what to do." },
        };
        if (withErrors)
            properties["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Each bad field or JSON path (`[2].occurredAt`) with what is wrong with it.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            };
        return new OpenApiSchema { Type = JsonSchemaType.Object, Description = "RFC 7807 problem details.", Properties = properties };
    }
}
