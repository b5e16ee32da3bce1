using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Site;

// The keys behind form tokens and sign-in cookies, at rest: encrypted with a certificate when one is set, a warning when not.
public sealed class DataProtectionKeysTests : IAsyncLifetime
{
    private const string Password = "pfx-password";
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("petitionsite-keys-");
    private TestSmtpServer smtp = null!;

    private string KeysDirectory => Path.Combine(folder.FullName, "keys");

    private string CertificatePath => Path.Combine(folder.FullName, "keys.pfx");

    public async ValueTask InitializeAsync()
    {
        smtp = await TestSmtpServer.StartNewAsync();
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=PetitionSite keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        await File.WriteAllBytesAsync(CertificatePath, certificate.Export(X509ContentType.Pfx, Password));
    }

    [Fact]
    public async Task Keys_kept_in_the_clear_outside_Development_are_warned_about_at_start()
    {
        await using var site = Site(withCertificate: false);
        site.StartServer();

        Assert.Single(site.Logs.Mentioning("are stored unencrypted"));
    }

    [Fact]
    public async Task With_a_certificate_keys_are_written_encrypted_and_another_site_with_it_reads_them()
    {
        await using var first = Site(withCertificate: true);
        using var http = first.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false, BaseAddress = PetitionSiteFactory.SecureAddress });
        using var page = await http.GetAsync($"/petitions/{PetitionSiteFactory.PetitionSlug}", TestContext.Current.CancellationToken);
        var formCookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("petition-form=", StringComparison.Ordinal)).Split(';')[0];
        var document = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var formToken = ((IHtmlInputElement)document.QuerySelector("input[name=__form]")!).Value;

        var keys = Directory.GetFiles(KeysDirectory, "key-*.xml").Select(File.ReadAllText).ToList();
        Assert.NotEmpty(keys);
        Assert.All(keys, key =>
        {
            Assert.Contains("<encryptedSecret", key, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", key, StringComparison.Ordinal);
        });
        Assert.Empty(first.Logs.Mentioning("are stored unencrypted"));

        // A replacement site reads the key from disk, which takes the certificate, to accept the form the first one served.
        await using var second = Site(withCertificate: true);
        using var other = second.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false, BaseAddress = PetitionSiteFactory.SecureAddress });
        using var form = new HttpRequestMessage(HttpMethod.Post, $"/petitions/{PetitionSiteFactory.PetitionSlug}/signatures")
        {
            Content = new FormUrlEncodedContent([.. Supporter.New().FormFields(), new("__form", formToken)]),
        };
        form.Headers.Add("Cookie", formCookie);
        using var signed = await other.SendAsync(form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.SeeOther, signed.StatusCode);
    }

    [Fact]
    public async Task A_certificate_that_cannot_be_read_stops_the_site_with_a_message_naming_the_setting()
    {
        await using var site = new PetitionSiteFactory(smtp, new Dictionary<string, string?>
        {
            ["DataProtection:KeysDirectory"] = KeysDirectory,
            ["DataProtection:CertificatePath"] = CertificatePath,
            ["DataProtection:CertificatePassword"] = "wrong password",
        });

        var failure = Assert.ThrowsAny<Exception>(site.StartServer);

        Assert.Contains("DataProtection:CertificatePath", failure.ToString(), StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await smtp.DisposeAsync();
        folder.Delete(recursive: true);
    }

    // Both sites of a test share the keys folder, as a replaced container shares its volume.
    private PetitionSiteFactory Site(bool withCertificate) => new(smtp, new Dictionary<string, string?>
    {
        ["DataProtection:KeysDirectory"] = KeysDirectory,
        ["DataProtection:CertificatePath"] = withCertificate ? CertificatePath : null,
        ["DataProtection:CertificatePassword"] = withCertificate ? Password : null,
    });
}
