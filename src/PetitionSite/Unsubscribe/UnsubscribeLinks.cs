using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using PetitionSite.Languages;
using PetitionSite.Site;

namespace PetitionSite.Unsubscribe;

// The address in an email's List-Unsubscribe header. It names one signature in a form only the site can make (Data
// Protection encrypts and authenticates it), so nothing is stored per email, and a guessed or altered link is refused.
public sealed class UnsubscribeLinks(IDataProtectionProvider protection, IOptions<SiteOptions> site)
{
    public const string PathPrefix = "signatures/unsubscribe/";

    // Far longer than any token this makes: anything longer is not worth decrypting.
    private const int MaxTokenLength = 400;

    private readonly IDataProtector protector = protection.CreateProtector("PetitionSite.Unsubscribe.v1");

    // The page opens in `language`, the one the email is written in.
    public string LinkFor(long signatureId, string language = SiteLanguages.Default) =>
        site.Value.LinkTo(LocalAddress.Of(language, PathPrefix + TokenFor(signatureId)));

    public string TokenFor(long signatureId)
    {
        var id = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(id, signatureId);
        return Base64Url.EncodeToString(protector.Protect(id));
    }

    public bool TryRead(string? token, out long signatureId)
    {
        signatureId = 0;
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return false;
        }

        try
        {
            var id = protector.Unprotect(Base64Url.DecodeFromChars(token));
            if (id.Length != sizeof(long))
            {
                return false;
            }

            signatureId = BinaryPrimitives.ReadInt64BigEndian(id);
            return true;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return false;
        }
    }
}
