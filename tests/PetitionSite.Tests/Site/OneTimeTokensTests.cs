using System.Buffers.Text;
using PetitionSite.Site;

namespace PetitionSite.Tests.Site;

public sealed class OneTimeTokensTests
{
    [Fact]
    public void A_minted_token_is_43_url_safe_characters()
    {
        var (token, _) = OneTimeTokens.Mint();

        Assert.Equal(43, token.Length);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", token);
        Assert.Equal(token, Uri.EscapeDataString(token));
    }

    [Fact]
    public void Hashing_the_token_from_a_link_finds_the_stored_hash()
    {
        var (token, stored) = OneTimeTokens.Mint();

        Assert.True(OneTimeTokens.TryHash(token, out var hash));
        Assert.Equal(stored, hash);
    }

    [Fact]
    public void A_token_finds_only_its_own_stored_hash()
    {
        var (first, firstStored) = OneTimeTokens.Mint();
        var (second, secondStored) = OneTimeTokens.Mint();

        Assert.True(OneTimeTokens.TryHash(first, out var firstHash));
        Assert.True(OneTimeTokens.TryHash(second, out var secondHash));
        Assert.NotEqual(secondStored, firstHash);
        Assert.NotEqual(firstStored, secondHash);
    }

    [Fact]
    public void A_link_with_its_last_character_changed_is_malformed_or_another_token()
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var (token, stored) = OneTimeTokens.Mint();

        foreach (var last in Alphabet.Where(c => c != token[^1]))
        {
            var changed = OneTimeTokens.TryHash(token[..^1] + last, out var hash);

            Assert.False(changed && hash.SequenceEqual(stored), $"{token[..^1]}{last} hashes like {token}");
        }
    }

    [Fact]
    public void Someone_who_reads_the_stored_hash_cannot_make_a_link_from_it()
    {
        var (_, stored) = OneTimeTokens.Mint();
        var linkFromHash = Base64Url.EncodeToString(stored);

        // The hash is itself 32 bytes, so the link is well formed; it must still not lead back to the signature.
        Assert.True(OneTimeTokens.TryHash(linkFromHash, out var hash));
        Assert.NotEqual(stored, hash);
    }

    public static TheoryData<string> MalformedTokens => new()
    {
        "",
        "abc",
        new string('A', 42),
        new string('A', 44),
        new string('A', 1000),
        new string('A', 42) + "B",
        new string('A', 42) + "_",
        new string('A', 42) + "+",
        new string('A', 42) + "/",
        new string('A', 41) + "==",
        new string('A', 42) + "%",
        new string('A', 21) + " " + new string('A', 21),
        new string('é', 43),
    };

    [Theory]
    [InlineData(null)]
    [MemberData(nameof(MalformedTokens))]
    public void A_malformed_token_is_rejected(string? token)
    {
        Assert.False(OneTimeTokens.TryHash(token, out var hash));
        Assert.Empty(hash);
    }
}
