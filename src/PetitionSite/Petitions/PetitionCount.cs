using System.Text.Json.Serialization;

namespace PetitionSite.Petitions;

// The body of GET /petitions/{slug}/count.json.
public sealed record PetitionCount(
    [property: JsonPropertyName("slug")] string Slug,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("signatures")] int Signatures,
    [property: JsonPropertyName("goal")] int Goal,
    [property: JsonPropertyName("open")] bool Open);
