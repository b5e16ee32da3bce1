using System.Security.Cryptography;
using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Email;

// With Email:Dkim set, every email is signed so that a campaign sending from its own domain reaches inboxes; the
// signature verifies against the public key as it would be published in DNS.
public sealed class DkimSigningTests(DkimSigningTests.SigningSite fixture) : IClassFixture<DkimSigningTests.SigningSite>
{
    [Fact]
    public async Task Every_email_carries_a_signature_that_verifies_with_the_published_key()
    {
        var supporter = Supporter.New("وليد", "Lefèvre");
        await fixture.SignAndGetLinkAsync(supporter);
        var email = await fixture.Smtp.WaitForMessageToAsync(supporter.Email);

        var signature = DkimSignatureOf(email);
        Assert.Contains("d=petitions.test", signature.Value, StringComparison.Ordinal);
        Assert.Contains("s=campaign2026", signature.Value, StringComparison.Ordinal);
        Assert.True(await fixture.Verifier.VerifyAsync(email, signature));
    }

    [Fact]
    public async Task The_signature_covers_the_one_click_unsubscribe_headers()
    {
        var supporter = Supporter.New() with { KeepInformed = true };
        await fixture.SignAndGetLinkAsync(supporter);
        var email = await fixture.Smtp.WaitForMessageToAsync(supporter.Email);

        var signature = DkimSignatureOf(email);
        var signedHeaders = signature.Value.Split(';').Select(t => t.Trim()).Single(t => t.StartsWith("h=", StringComparison.Ordinal));
        Assert.Contains("list-unsubscribe:", signedHeaders.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant() + ":", StringComparison.Ordinal);
        Assert.Contains("list-unsubscribe-post", signedHeaders.ToLowerInvariant(), StringComparison.Ordinal);
        Assert.True(await fixture.Verifier.VerifyAsync(email, signature));
    }

    [Fact]
    public async Task A_signed_email_changed_on_the_way_no_longer_verifies()
    {
        var supporter = Supporter.New();
        await fixture.SignAndGetLinkAsync(supporter);
        var email = await fixture.Smtp.WaitForMessageToAsync(supporter.Email);

        email.Subject = "Please confirm at another site";

        Assert.False(await fixture.Verifier.VerifyAsync(email, DkimSignatureOf(email)));
    }

    [Theory]
    [InlineData("-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n", "must be a readable PEM file holding an RSA private key")]
    [InlineData(null, "names no file")]
    public void A_key_that_cannot_sign_stops_the_site_at_start_naming_the_setting(string? keyFile, string expected)
    {
        var directory = Directory.CreateTempSubdirectory("petitionsite-dkim-").FullName;
        var path = Path.Combine(directory, "dkim.pem");
        if (keyFile is not null)
        {
            File.WriteAllText(path, keyFile);
        }

        using var site = new PetitionSiteFactory(fixture.Smtp, SigningSite.DkimSettings(path));
        var failure = Record.Exception(site.StartServer);
        Directory.Delete(directory, recursive: true);

        Assert.NotNull(failure);
        Assert.Contains("Email:Dkim:PrivateKeyPath", failure.ToString(), StringComparison.Ordinal);
        Assert.Contains(expected, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Half_a_dkim_setting_stops_the_site_at_start()
    {
        using var site = new PetitionSiteFactory(fixture.Smtp, new Dictionary<string, string?> { ["Email:Dkim:Domain"] = "petitions.test" });
        var failure = Record.Exception(site.StartServer);

        Assert.NotNull(failure);
        Assert.Contains("go together", failure.ToString(), StringComparison.Ordinal);
    }

    private static Header DkimSignatureOf(MimeMessage email) =>
        email.Headers.Single(h => h.Id == HeaderId.DkimSignature);

    public sealed class SigningSite : SiteFixture
    {
        private readonly string keyDirectory = Directory.CreateTempSubdirectory("petitionsite-dkim-").FullName;

        public DkimVerifier Verifier { get; private set; } = null!;

        public static Dictionary<string, string?> DkimSettings(string keyPath) => new()
        {
            ["Email:Dkim:Domain"] = "petitions.test",
            ["Email:Dkim:Selector"] = "campaign2026",
            ["Email:Dkim:PrivateKeyPath"] = keyPath,
        };

        protected override PetitionSiteFactory CreateSite(TestSmtpServer smtp)
        {
            // A fresh key, as an operator would make with openssl, and its public half as a DNS TXT record.
            using var rsa = RSA.Create(2048);
            var keyPath = Path.Combine(keyDirectory, "dkim.pem");
            File.WriteAllText(keyPath, rsa.ExportPkcs8PrivateKeyPem());
            Verifier = new DkimVerifier(new PublishedKey($"v=DKIM1; k=rsa; p={Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo())}"));
            return new PetitionSiteFactory(smtp, DkimSettings(keyPath));
        }

        // The key is read once, as the site starts.
        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            Directory.Delete(keyDirectory, recursive: true);
        }
    }

    // The TXT record at campaign2026._domainkey.petitions.test, without asking DNS.
    private sealed class PublishedKey(string record) : DkimPublicKeyLocatorBase
    {
        public override AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            GetPublicKey(record);

        public override Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            Task.FromResult(GetPublicKey(record));
    }
}
