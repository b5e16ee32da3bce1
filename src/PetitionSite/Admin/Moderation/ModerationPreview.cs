namespace PetitionSite.Admin.Moderation;

// How many signatures a change affects, how many of them are confirmed (and so move the public count), and the newest one.
public sealed record ModerationPreview(long Signatures, long Confirmed, long? NewestId);
