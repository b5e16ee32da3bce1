using PetitionSite.Email;

namespace PetitionSite.Confirmation;

// What an email about a signature needs to say, read for a whole batch in one query. UnsubscribeLink: set when the
// signer asked to be kept informed, which makes the email part of ongoing contact (List-Unsubscribe).
public sealed record SignatureMessage(
    OutboxMessageKind Kind,
    long SignatureId,
    string FirstName,
    string LastName,
    string Email,
    string PetitionSlug,
    string PetitionTitle,
    string? UnsubscribeLink = null);
