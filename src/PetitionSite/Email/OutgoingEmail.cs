using MimeKit;

namespace PetitionSite.Email;

// A composed message, with the link its reader must open kept aside so the pickup folder can log it for local use.
public sealed record OutgoingEmail(MimeMessage Message, string? Link);
