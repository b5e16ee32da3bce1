namespace PetitionSite.Admin.Dashboard;

// The dashboard's "make a link for a channel" form: what was typed, the link made from it, or why none could be.
public sealed record ChannelLink(string? Channel = null, string? Link = null, string? Problem = null);
