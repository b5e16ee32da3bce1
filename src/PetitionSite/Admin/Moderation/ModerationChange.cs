namespace PetitionSite.Admin.Moderation;

public enum ModerationChange
{
    Invalidate,
    Reinstate,
}
