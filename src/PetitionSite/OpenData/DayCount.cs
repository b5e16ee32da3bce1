using System.Text.Json.Serialization;

namespace PetitionSite.OpenData;

// Signatures confirmed on one UTC day.
public sealed record DayCount(
    [property: JsonPropertyName("date")] DateOnly Date,
    [property: JsonPropertyName("signatures")] int Signatures);
