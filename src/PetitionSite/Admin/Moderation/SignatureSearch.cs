using Microsoft.EntityFrameworkCore;
using PetitionSite.Admin.FraudReview;
using PetitionSite.Signing;

namespace PetitionSite.Admin.Moderation;

// The moderation search as typed. The page's results and a bulk change of "every match" both come from Apply, so they agree.
public sealed class SignatureSearch
{
    public string? Email { get; set; }

    public string? Name { get; set; }

    public string? Country { get; set; }

    public string? Source { get; set; }

    // any (or empty), pending, confirmed or invalidated.
    public string? State { get; set; }

    // A client network as the fraud review shows it, a wider range or one address (ClientNetworkRange).
    public string? Network { get; set; }

    // The part of the email address after the @.
    public string? Domain { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    // The newest signature when a bulk change was previewed: later signers are not swept into it.
    public long? UpTo { get; set; }

    public bool IsEmpty =>
        string.IsNullOrWhiteSpace(Email) && string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Country)
        && string.IsNullOrWhiteSpace(Source) && string.IsNullOrWhiteSpace(Network) && string.IsNullOrWhiteSpace(Domain) && State is null or "" or "any" && string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(To);

    // What is wrong with the search, by field name; empty when it can run.
    public Dictionary<string, string> Problems()
    {
        var problems = new Dictionary<string, string>();
        if (State is not (null or "" or "any" or "pending" or "confirmed" or "invalidated"))
        {
            problems[nameof(State)] = "Choose a state from the list.";
        }

        var (from, to) = DateTimeLocalInput.ReadWindow(From, To, nameof(From), nameof(To), problems);

        if (Name?.Trim().Length > SignatureLimits.NameLength)
        {
            problems[nameof(Name)] = $"A name is at most {SignatureLimits.NameLength} characters.";
        }

        if (Email?.Trim().Length > SignatureLimits.EmailLength)
        {
            problems[nameof(Email)] = $"An email address is at most {SignatureLimits.EmailLength} characters.";
        }

        if (!ClientNetworkRange.TryParse(Network, out _, out var networkProblem))
        {
            problems[nameof(Network)] = networkProblem!;
        }

        if (EmailDomain.Problem(Domain) is { } domainProblem)
        {
            problems[nameof(Domain)] = domainProblem;
        }

        return problems;
    }

    // One petition's signatures matching this search. Call only when Problems() is empty.
    public IQueryable<Signature> Apply(IQueryable<Signature> signatures, int petitionId, CanonicalMailbox mailbox)
    {
        var query = signatures.Where(s => s.PetitionId == petitionId);
        if (!string.IsNullOrWhiteSpace(Email))
        {
            // The mailbox, as the signer's own lookups find it: any spelling of the address finds the signature.
            var email = mailbox.Of(Email);
            query = query.Where(s => s.NormalizedEmail == email);
        }

        if (!string.IsNullOrWhiteSpace(Name))
        {
            // SQLite's LIKE ignores case (for ASCII letters); the escape keeps a typed % or _ literal.
            var prefix = Name.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(s => EF.Functions.Like(s.FirstName, prefix, "\\") || EF.Functions.Like(s.LastName, prefix, "\\"));
        }

        if (!string.IsNullOrWhiteSpace(Country))
        {
            var country = Country.Trim().ToUpperInvariant();
            query = query.Where(s => s.CountryCode == country);
        }

        if (!string.IsNullOrWhiteSpace(Source))
        {
            var source = SignatureSource.Clean(Source);
            query = query.Where(s => s.Source == source);
        }

        // A network or domain that cannot be read matches nothing: a bulk change must never widen to every signature.
        if (!string.IsNullOrWhiteSpace(Network))
        {
            var range = ClientNetworkRange.Parse(Network);
            var values = range?.Values.ToArray() ?? [];
            query = range?.ByNetwork == true ? query.Where(s => values.Contains(s.ClientNetwork!)) : query.Where(s => values.Contains(s.ClientAddress!));
        }

        if (EmailDomain.Clean(Domain) is { } domain)
        {
            var ending = EmailDomain.Problem(domain) is null ? "@" + domain : "";
            query = ending.Length == 0 ? query.Where(s => false) : query.Where(s => s.NormalizedEmail.EndsWith(ending));
        }

        query = State switch
        {
            "pending" => query.Where(s => s.State == SignatureState.Pending),
            "confirmed" => query.Where(s => s.State == SignatureState.Validated),
            "invalidated" => query.Where(s => s.State == SignatureState.Invalidated),
            _ => query,
        };

        if (DateTimeLocalInput.TryParse(From, out var from) && from is not null)
        {
            query = query.Where(s => s.CreatedAt >= from);
        }

        if (DateTimeLocalInput.TryParse(To, out var to) && to is not null)
        {
            query = query.Where(s => s.CreatedAt < to);
        }

        if (UpTo is { } upTo)
        {
            query = query.Where(s => s.Id <= upTo);
        }

        return query;
    }

    // The search's fields with a value, as name/value pairs: for links to other pages and hidden inputs of bulk forms.
    public IEnumerable<KeyValuePair<string, string>> Fields()
    {
        foreach (var (name, value) in new[]
        {
            (nameof(Email), Email), (nameof(Name), Name), (nameof(Country), Country), (nameof(Source), Source),
            (nameof(Network), Network), (nameof(Domain), Domain), (nameof(State), State), (nameof(From), From), (nameof(To), To),
        })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                yield return new(name, value.Trim());
            }
        }
    }

    public string ToQueryString() => QueryString.Create(Fields().Select(f => new KeyValuePair<string, string?>(f.Key, f.Value))).ToUriComponent();

    // For the audit log: which kinds of filter were used, never the email or name typed.
    public string Describe()
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Email))
        {
            parts.Add("an email address");
        }

        if (!string.IsNullOrWhiteSpace(Name))
        {
            parts.Add("a name prefix");
        }

        if (!string.IsNullOrWhiteSpace(Country))
        {
            parts.Add("country " + Country.Trim().ToUpperInvariant());
        }

        if (!string.IsNullOrWhiteSpace(Source))
        {
            parts.Add("source " + SignatureSource.Clean(Source));
        }

        // A network or a mail domain says where many signatures came from, not who signed; a range narrower than a
        // network is named by the network it lies in, so one host's address never reaches the audit log.
        if (ClientNetworkRange.Parse(Network) is { } range)
        {
            parts.Add(range.ByNetwork ? "network " + range.Network : "addresses within network " + range.Network);
        }

        if (EmailDomain.Clean(Domain) is { } domain && EmailDomain.Problem(domain) is null)
        {
            parts.Add("email domain " + domain);
        }

        if (State is "pending" or "confirmed" or "invalidated")
        {
            parts.Add("state " + State);
        }

        if (DateTimeLocalInput.TryParse(From, out var from) && from is not null)
        {
            parts.Add($"signed from {DateTimeLocalInput.Format(from.Value)} UTC");
        }

        if (DateTimeLocalInput.TryParse(To, out var to) && to is not null)
        {
            parts.Add($"signed before {DateTimeLocalInput.Format(to.Value)} UTC");
        }

        if (UpTo is { } upTo)
        {
            parts.Add($"up to signature #{upTo}");
        }

        return parts.Count == 0 ? "every signature" : string.Join(", ", parts);
    }
}
