namespace PetitionSite.Signing;

// Bound from Signing:DisposableDomains: changes to the shipped list of disposable email domains.
public sealed class DisposableDomainOptions
{
    // Refused as well as the shipped list, with their subdomains.
    public List<string> Extra { get; set; } = [];

    // Never refused, with their subdomains, even when listed (a forwarding service the campaign trusts, say).
    public List<string> Allowed { get; set; } = [];
}
