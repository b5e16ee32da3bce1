using System.Text.Json.Serialization;

namespace PetitionSite.OpenData;

// One petition in /petitions.json. Times are UTC; state is "open" or "closed".
public sealed record PetitionSummaryData(
    [property: JsonPropertyName("slug")] string Slug,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("signatures")] int Signatures,
    [property: JsonPropertyName("goal")] int Goal,
    [property: JsonPropertyName("openedAt")] DateTime? OpenedAt,
    [property: JsonPropertyName("closesAt")] DateTime? ClosesAt,
    [property: JsonPropertyName("closedAt")] DateTime? ClosedAt,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("dataUrl")] string DataUrl);
