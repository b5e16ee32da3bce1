namespace PetitionSite.Site;

// Bound from "DataProtection": where the keys that protect form tokens and sign-in cookies live, and what encrypts them there.
public sealed class KeyProtectionOptions
{
    public const string Section = "DataProtection";

    public string KeysDirectory { get; set; } = "data/keys";

    // A PKCS#12 (.pfx) file with a private key; when set, every key is encrypted with it before it is written.
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }
}
