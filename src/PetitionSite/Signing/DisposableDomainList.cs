using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace PetitionSite.Signing;

// Email domains that hand out throwaway mailboxes, which would let one person sign as many people. The shipped list
// (Signing/DisposableDomains, refreshed by its script) plus Signing:DisposableDomains:Extra, less its Allowed;
// a subdomain of a listed domain is listed too.
public sealed class DisposableDomainList
{
    // Read once per process, not per site: 120,000 domains take a moment to load and some megabytes to hold.
    private static readonly Lazy<FrozenSet<string>> Shipped = new(LoadShipped);

    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> shipped;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> extra;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> allowed;

    public DisposableDomainList(IOptions<SigningOptions> options)
    {
        shipped = Shipped.Value.GetAlternateLookup<ReadOnlySpan<char>>();
        extra = Domains(options.Value.DisposableDomains.Extra);
        allowed = Domains(options.Value.DisposableDomains.Allowed);
    }

    public static int ShippedCount => Shipped.Value.Count;

    public bool IsDisposable(string? email)
    {
        var at = email?.LastIndexOf('@') ?? -1;
        if (email is null || at < 0)
        {
            return false;
        }

        var domain = AsciiDomain(email[(at + 1)..]);
        return !AnyListed(domain, allowed) && (AnyListed(domain, extra) || AnyListed(domain, shipped));
    }

    // The domain itself or any domain above it: "a.b.mailinator.com", "b.mailinator.com", "mailinator.com", "com".
    private static bool AnyListed(ReadOnlySpan<char> domain, FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> list)
    {
        while (!domain.IsEmpty)
        {
            if (list.Contains(domain))
            {
                return true;
            }

            var dot = domain.IndexOf('.');
            domain = dot < 0 ? [] : domain[(dot + 1)..];
        }

        return false;
    }

    // The list holds domains as DNS does (punycode): a domain typed in its own script is looked up that way.
    private static string AsciiDomain(string domain)
    {
        var lower = domain.Trim().ToLowerInvariant();
        if (lower.All(char.IsAscii))
        {
            return lower;
        }

        try
        {
            return new IdnMapping().GetAscii(lower);
        }
        catch (ArgumentException)
        {
            return lower;
        }
    }

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Domains(IEnumerable<string> domains) =>
        domains.Select(AsciiDomain).ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenSet<string> LoadShipped()
    {
        // index.json lists exact domains and wildcard.json those whose subdomains are used; here both count with subdomains.
        var domains = new List<string>();
        foreach (var file in new[] { "index.json", "wildcard.json" })
        {
            using var stream = typeof(DisposableDomainList).Assembly.GetManifestResourceStream("DisposableDomains/" + file)
                ?? throw new InvalidOperationException($"The build left out the disposable-domain list {file} (Signing/DisposableDomains).");
            domains.AddRange(JsonSerializer.Deserialize<string[]>(stream) ?? []);
        }

        return domains.Select(AsciiDomain).ToFrozenSet(StringComparer.Ordinal);
    }
}
