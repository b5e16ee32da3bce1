using System.Text.Json.Serialization;

namespace PetitionSite.OpenData;

// Signatures confirmed in the UTC hour starting at Hour.
public sealed record HourCount(
    [property: JsonPropertyName("hour")] DateTime Hour,
    [property: JsonPropertyName("signatures")] int Signatures);
