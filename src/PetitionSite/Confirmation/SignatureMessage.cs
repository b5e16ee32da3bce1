using PetitionSite.Email;
using PetitionSite.Languages;

namespace PetitionSite.Confirmation;

// What an email about a signature needs to say, read for a whole batch in one query. UnsubscribeLink: set when the
// signer asked to be kept informed, which makes the email part of ongoing contact (List-Unsubscribe). Language: what it
// is written in, with PetitionTitle in that language where the petition is translated into it.
public sealed record SignatureMessage(
    OutboxMessageKind Kind,
    long SignatureId,
    string FirstName,
    string LastName,
    string Email,
    string PetitionSlug,
    string PetitionTitle,
    string? UnsubscribeLink = null,
    string Language = SiteLanguages.Default);
