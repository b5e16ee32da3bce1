using System.Text.Json.Serialization;

namespace PetitionSite.Petitions;

// The body of GET /petitions/{slug}/count.json; the language of the title shown stays on the server, for the pages that
// mark a title in another language than theirs.
public sealed record PetitionCount(
    [property: JsonPropertyName("slug")] string Slug,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("signatures")] int Signatures,
    [property: JsonPropertyName("goal")] int Goal,
    [property: JsonPropertyName("open")] bool Open,
    [property: JsonIgnore] string TitleLanguage);
