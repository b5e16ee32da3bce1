namespace PetitionSite.Sharing;

// A drawn share image, with the card it shows and a tag that changes whenever its bytes do.
public sealed record ShareImage(ShareCard Card, byte[] Png, string ETag, DateTimeOffset DrawnAt);
