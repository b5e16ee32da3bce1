namespace PetitionSite.Signing;

// Bound from "RateLimiting". Only load tests turn it off (RateLimiting__Enabled=false).
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    public bool Enabled { get; set; } = true;

    // Generous enough for a household or an office behind one address, tight enough to slow a script.
    public int SignaturesPerAddressPerMinute { get; set; } = 20;
}
