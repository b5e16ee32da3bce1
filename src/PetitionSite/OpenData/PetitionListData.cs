using System.Text.Json.Serialization;

namespace PetitionSite.OpenData;

// The body of GET /petitions.json: every open and closed petition, in the order of the public list.
public sealed record PetitionListData(
    [property: JsonPropertyName("petitions")] IReadOnlyList<PetitionSummaryData> Petitions,
    [property: JsonPropertyName("generatedAt")] DateTime GeneratedAt)
{
    [JsonPropertyName("schema")]
    [JsonPropertyOrder(-1)]
    public int Schema => OpenDataSchema.Version;
}
