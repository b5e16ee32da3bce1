namespace PetitionSite.Admin.FraudReview;

// What the fraud review shows of one petition at one moment.
public sealed record FraudReviewReport(ReviewedPetition Petition, DateTime Now, IReadOnlyList<ReviewWindow> Windows);
