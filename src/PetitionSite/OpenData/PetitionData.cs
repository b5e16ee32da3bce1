using System.Text.Json.Serialization;

namespace PetitionSite.OpenData;

// The body of GET /petitions/{slug}.json: one petition's confirmed signatures, in total and broken down. Only counts
// of confirmed signatures: nothing about any one signer, nor about signatures awaiting confirmation or invalidated.
public sealed record PetitionData(
    [property: JsonPropertyName("slug")] string Slug,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("signatures")] int Signatures,
    [property: JsonPropertyName("goal")] int Goal,
    [property: JsonPropertyName("openedAt")] DateTime? OpenedAt,
    [property: JsonPropertyName("closesAt")] DateTime? ClosesAt,
    [property: JsonPropertyName("closedAt")] DateTime? ClosedAt,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("byCountry")] IReadOnlyList<CountryCount> ByCountry,
    [property: JsonPropertyName("byDay")] IReadOnlyList<DayCount> ByDay,
    [property: JsonPropertyName("byHour")] IReadOnlyList<HourCount> ByHour,
    [property: JsonPropertyName("generatedAt")] DateTime GeneratedAt)
{
    [JsonPropertyName("schema")]
    [JsonPropertyOrder(-1)]
    public int Schema => OpenDataSchema.Version;
}
