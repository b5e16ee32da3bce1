using System.Net;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Signing;

// The signature form's honeypot: a field people never see. A bot that fills it gets the page a signer gets, and nothing happens.
public sealed class BotTrapTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task A_form_that_fills_the_trap_gets_the_usual_page_while_nothing_is_stored_or_sent()
    {
        var person = Supporter.New();
        var bot = Supporter.New("Bot");
        using var signed = await fixture.NewSupporter().SignAsync(person);
        var storedBefore = await fixture.StoredSignaturesAsync();

        using var trapped = await fixture.NewSupporter().SendSignatureFormAsync([.. bot.FormFields(), new("Form.Website", "https://spam.example")]);

        Assert.Equal(HttpStatusCode.SeeOther, trapped.StatusCode);
        Assert.Equal(signed.Headers.Location, trapped.Headers.Location);
        Assert.Equal(await signed.Content.ReadAsStringAsync(), await trapped.Content.ReadAsStringAsync());
        var page = await fixture.NewSupporter().OpenAsync(trapped.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(storedBefore, await fixture.StoredSignaturesAsync());
        Assert.Empty(await fixture.SignaturesFromAsync(bot.Email));
        await fixture.AssertNoEmailToAsync(bot.Email);
    }

    [Fact]
    public async Task A_trap_left_empty_as_a_browser_sends_it_signs_as_usual()
    {
        var supporter = Supporter.New();

        using var response = await fixture.NewSupporter().SendSignatureFormAsync([.. supporter.FormFields(), new("Form.Website", "")]);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        await fixture.Smtp.WaitForMessageToAsync(supporter.Email);
        Assert.Single(await fixture.SignaturesFromAsync(supporter.Email));
    }

    [Fact]
    public async Task A_bot_that_fills_the_trap_and_makes_a_mistake_gets_the_mistake_shown_as_anyone_would()
    {
        var bot = Supporter.New("Bot") with { Country = "XX" };

        using var response = await fixture.NewSupporter().SendSignatureFormAsync([.. bot.FormFields(), new("Form.Website", "https://spam.example")]);
        var page = await WebPage.ReadAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Equal("Select your country from the list", Assert.Single(page.Document.QuerySelectorAll(".error-summary a")).TextContent);
        Assert.Equal("", page.ValueOf("#Form_Website"));
        Assert.Empty(await fixture.SignaturesFromAsync(bot.Email));
    }

    [Fact]
    public async Task The_trap_is_hidden_from_people_from_screen_readers_and_from_the_keyboard()
    {
        var page = await fixture.NewSupporter().OpenAsync($"/petitions/{PetitionSiteFactory.PetitionSlug}");

        var trap = page.Document.QuerySelector("form.signature-form input[name='Form.Website']")!;
        Assert.Equal(("-1", "off", "text"), (trap.GetAttribute("tabindex"), trap.GetAttribute("autocomplete"), trap.GetAttribute("type")));
        var wrapper = trap.ParentElement!;
        Assert.Equal(("leave-empty", "true"), (wrapper.ClassName, wrapper.GetAttribute("aria-hidden")));
        Assert.Equal("Leave this field empty", page.Document.QuerySelector("label[for=Form_Website]")?.TextContent);
        var css = await fixture.NewSupporter().Http.GetStringAsync("/css/site.css");
        Assert.Contains(".leave-empty { position: absolute; inset-inline-start: -10000px;", css, StringComparison.Ordinal);
    }
}
