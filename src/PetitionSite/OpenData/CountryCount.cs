using System.Text.Json.Serialization;

namespace PetitionSite.OpenData;

// Confirmed signatures from one country (ISO 3166-1 alpha-2 code), as the signers chose it on the form.
public sealed record CountryCount(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("signatures")] int Signatures);
