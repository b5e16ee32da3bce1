namespace PetitionSite.Admin.Dashboard;

// A line of a "by country" or "by source" table: what it is called and its confirmed signatures.
public sealed record CountLine(string Label, int Count);
