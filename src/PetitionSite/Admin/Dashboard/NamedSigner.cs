namespace PetitionSite.Admin.Dashboard;

// A confirmed signer who chose to show their name: the name is all an organiser sees of them.
public sealed record NamedSigner(string FirstName, string LastName);
