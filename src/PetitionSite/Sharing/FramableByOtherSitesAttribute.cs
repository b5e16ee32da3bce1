namespace PetitionSite.Sharing;

// Marks the one endpoint other sites may show in a frame; every other response keeps frame-ancestors 'none'.
[AttributeUsage(AttributeTargets.Method)]
public sealed class FramableByOtherSitesAttribute : Attribute
{
}
