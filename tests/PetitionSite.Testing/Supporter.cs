namespace PetitionSite.Testing;

// What one person types into the signature form; a fresh address each time keeps tests apart.
public sealed record Supporter(
    string FirstName,
    string LastName,
    string Email,
    string Country = "GB",
    string Postcode = "",
    bool ShowNamePublicly = false,
    bool KeepInformed = false,
    string? Source = null)
{
    public static Supporter New(string firstName = "Ada", string lastName = "Lovelace") =>
        new(firstName, lastName, $"supporter-{Guid.NewGuid():N}@example.org");

    // The fields a browser sends: an unticked checkbox sends nothing.
    public List<KeyValuePair<string, string>> FormFields()
    {
        List<KeyValuePair<string, string>> fields =
        [
            new("Form.FirstName", FirstName),
            new("Form.LastName", LastName),
            new("Form.Email", Email),
            new("Form.Country", Country),
            new("Form.Postcode", Postcode),
        ];
        if (ShowNamePublicly)
        {
            fields.Add(new("Form.ShowNamePublicly", "true"));
        }

        if (KeepInformed)
        {
            fields.Add(new("Form.KeepInformed", "true"));
        }

        // The hidden field the form carries when the page was opened from a link with `?source=`.
        if (Source is not null)
        {
            fields.Add(new("Form.Source", Source));
        }

        return fields;
    }
}
