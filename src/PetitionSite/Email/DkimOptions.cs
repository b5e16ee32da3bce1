using MimeKit.Cryptography;

namespace PetitionSite.Email;

// Bound from "Email:Dkim". Off unless all three are set: then every email is signed for Domain with the key published
// in DNS at {Selector}._domainkey.{Domain}.
public sealed class DkimOptions
{
    public const string Section = "Email:Dkim";

    public string? Domain { get; set; }

    public string? Selector { get; set; }

    // A PEM file holding the RSA private key (PKCS#1 or PKCS#8); a relative path is under the content root.
    public string? PrivateKeyPath { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Domain) && !string.IsNullOrWhiteSpace(Selector) && !string.IsNullOrWhiteSpace(PrivateKeyPath);

    public bool IsPartlySet => !IsEnabled && (!string.IsNullOrWhiteSpace(Domain) || !string.IsNullOrWhiteSpace(Selector) || !string.IsNullOrWhiteSpace(PrivateKeyPath));

    public string KeyFileUnder(string contentRoot) => Path.GetFullPath(PrivateKeyPath!, contentRoot);

    // Relaxed canonicalisation on both: relays that rewrap headers or trim trailing spaces do not break the signature.
    public DkimSigner CreateSigner(string contentRoot) => new(KeyFileUnder(contentRoot), Domain!, Selector!, DkimSignatureAlgorithm.RsaSha256)
    {
        HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
        BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
    };

    public bool CanCreateSigner(string contentRoot)
    {
        try
        {
            CreateSigner(contentRoot);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException or ArgumentException or InvalidCastException)
        {
            return false;
        }
    }
}
