namespace PetitionSite.Petitions;

// A line of the petition page's "by country" table: a country's ISO code (null for "Other countries") and its confirmed
// signatures. The page names the country in its own language (Languages/CountryNames).
public sealed record CountryTally(string? Code, int Signatures);
