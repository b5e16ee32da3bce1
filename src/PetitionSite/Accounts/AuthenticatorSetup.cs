using System.Buffers.Binary;
using QRCoder;

namespace PetitionSite.Accounts;

// What a person needs to add this site to an authenticator app: the shared key as text, and the same as a QR code.
public sealed record AuthenticatorSetup(string FormattedKey, string QrCodeDataUri, int QrCodeSize)
{
    private const string Issuer = "PetitionSite";

    // Drawn here, as a PNG in the page itself: the key never leaves the site, and the page loads nothing from elsewhere.
    public static AuthenticatorSetup For(string email, string key)
    {
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        var png = PngByteQRCodeHelper.GetQRCode(uri, QRCodeGenerator.ECCLevel.Q, 5);
        // A PNG's width and height are the first fields of its header; the code is square.
        var size = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
        return new AuthenticatorSetup(Format(key), "data:image/png;base64," + Convert.ToBase64String(png), size);
    }

    // Groups of four, lower case, as authenticator apps show keys: easier to type without a slip.
    private static string Format(string key) =>
        string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(group => new string(group)));
}
