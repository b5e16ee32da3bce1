namespace PetitionSite.Admin.FraudReview;

// The petition a fraud review is about.
public sealed record ReviewedPetition(int Id, string Slug, string Title);
