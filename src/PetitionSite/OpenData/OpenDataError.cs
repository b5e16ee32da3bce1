using System.Text.Json.Serialization;

namespace PetitionSite.OpenData;

// The body of a 404 from the open data, so that a script on another site can read why.
public sealed record OpenDataError([property: JsonPropertyName("error")] string Error)
{
    [JsonPropertyName("schema")]
    [JsonPropertyOrder(-1)]
    public int Schema => OpenDataSchema.Version;
}
