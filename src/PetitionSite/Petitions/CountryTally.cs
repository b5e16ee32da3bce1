namespace PetitionSite.Petitions;

// A line of the petition page's "by country" table: a country's name (or "Other countries") and its confirmed signatures.
public sealed record CountryTally(string Name, int Signatures);
