namespace PetitionSite.OpenData;

// The version of the open data's shape (docs/open-data.md). Adding a field keeps it; renaming, removing or changing
// the meaning of one raises it.
public static class OpenDataSchema
{
    public const int Version = 1;
}
