using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Cryptography;
using MimeKit.Utils;
using PetitionSite.Site;

namespace PetitionSite.Email;

// The last step before an email leaves, whatever wrote it and whichever way it goes: every part encoded 7-bit clean with
// its Content-Transfer-Encoding, a Message-Id on the site's own domain, and a DKIM signature when Email:Dkim is set.
public sealed class EmailSealer
{
    // What a DKIM signature covers, when present; RFC 8058 asks for both List-Unsubscribe fields to be signed.
    private static readonly HeaderId[] SignedHeaders =
    [
        HeaderId.From, HeaderId.To, HeaderId.Subject, HeaderId.Date, HeaderId.MessageId, HeaderId.MimeVersion,
        HeaderId.ContentType, HeaderId.AutoSubmitted, HeaderId.ListUnsubscribe, HeaderId.ListUnsubscribePost,
    ];

    private readonly string domain;
    private readonly DkimSigner? signer;
    private readonly TimeProvider time;

    public EmailSealer(IOptions<SiteOptions> site, IOptions<DkimOptions> dkim, IHostEnvironment environment, TimeProvider time)
    {
        domain = site.Value.PublicUri.IdnHost;
        signer = dkim.Value.IsEnabled ? dkim.Value.CreateSigner(environment.ContentRootPath) : null;
        this.time = time;
    }

    public void Seal(MimeMessage message)
    {
        message.Date = time.GetUtcNow();
        message.MessageId = MimeUtils.GenerateMessageId(domain);
        // Quoted-printable or base64, as each part's text needs: names and petitions in any script arrive intact through
        // any relay, and a relay never re-encodes (and so breaks) a signed body.
        message.Prepare(EncodingConstraint.SevenBit);
        signer?.Sign(message, [.. SignedHeaders.Where(message.Headers.Contains)]);
    }
}
