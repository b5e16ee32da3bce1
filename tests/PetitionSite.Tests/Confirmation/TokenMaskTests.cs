using PetitionSite.Confirmation;

namespace PetitionSite.Tests.Confirmation;

public sealed class TokenMaskTests
{
    [Theory]
    [InlineData("/signatures/confirm/ZDwFVGJv_CEXHdXaKzJGKFkHmzINSQNgHpa9WM3dHVU", "/signatures/confirm/ZDwF…")]
    [InlineData("https://petitions.example.org/signatures/confirm/ZDwFVGJv_CEXHdXaKzJGKFkHmzINSQNgHpa9WM3dHVU", "https://petitions.example.org/signatures/confirm/ZDwF…")]
    [InlineData("/signatures/confirm/ZDwFVGJv_CEXHdXa/extra", "/signatures/confirm/ZDwF…/extra")]
    [InlineData("/signatures/withdraw/ZDwFVGJv_CEXHdXaKzJGKFkHmzINSQNgHpa9WM3dHVU", "/signatures/withdraw/ZDwF…")]
    [InlineData("https://petitions.example.org/signatures/withdraw/ZDwFVGJv_CEXHdXaKzJGKFkHmzINSQNgHpa9WM3dHVU", "https://petitions.example.org/signatures/withdraw/ZDwF…")]
    [InlineData("/account/invitation/ZDwFVGJv_CEXHdXaKzJGKFkHmzINSQNgHpa9WM3dHVU", "/account/invitation/ZDwF…")]
    [InlineData("/signatures/unsubscribe/CfDJ8ZDwFVGJv_CEXHdXaKzJGKFkHmzINSQNgHpa9WM3dHVU", "/signatures/unsubscribe/CfDJ…")]
    [InlineData("https://petitions.example.org/account/invitation/ZDwFVGJv_CEXHdXaKzJGKFkHmzINSQNgHpa9WM3dHVU", "https://petitions.example.org/account/invitation/ZDwF…")]
    public void A_logged_link_keeps_only_the_first_characters_of_its_token(string link, string logged)
    {
        Assert.Equal(logged, TokenMask.InLink(link));
    }

    [Theory]
    [InlineData("/petitions/free-walid-daqqah")]
    [InlineData("/signatures/confirm/abc")]
    [InlineData("/signatures/withdrawn")]
    [InlineData("/")]
    [InlineData("/account/login")]
    public void Other_paths_are_logged_as_they_are(string path)
    {
        Assert.Equal(path, TokenMask.InLink(path));
    }
}
