using System.Net;
using PetitionSite.IntegrationTests.Admin;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Confirmation;

// Petitions:ConfirmationGraceAfterClose (24 hours here): a signature made before closing still counts if confirmed soon after.
public sealed class GraceAfterCloseTests(GraceAfterCloseTests.NoScheduleFixture fixture) : IClassFixture<GraceAfterCloseTests.NoScheduleFixture>
{
    [Fact]
    public async Task A_signature_made_before_closing_and_confirmed_within_the_grace_counts()
    {
        var (admin, _) = await fixture.SignedInAdminAsync();
        var slug = await admin.CreateOpenPetitionAsync();
        var link = await fixture.SignAndGetLinkAsync(Supporter.New(), slug);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await admin.PressAsync(slug, "close");

        fixture.Clock.Advance(TimeSpan.FromHours(23));
        using var confirmed = await fixture.NewSupporter().ConfirmAsync(link);

        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        var count = await fixture.NewSupporter().CountAsync(slug);
        Assert.Equal((1, false), (count.Signatures, count.Open));
    }

    [Fact]
    public async Task A_signature_confirmed_after_the_grace_does_not_count()
    {
        var (admin, _) = await fixture.SignedInAdminAsync();
        var slug = await admin.CreateOpenPetitionAsync();
        var link = await fixture.SignAndGetLinkAsync(Supporter.New(), slug);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await admin.PressAsync(slug, "close");

        var client = fixture.NewSupporter();
        var formToken = (await client.OpenAsync(link)).FormToken;

        fixture.Clock.Advance(TimeSpan.FromHours(25));
        var page = await client.OpenAsync(link);
        using var pressed = await client.SendConfirmationAsync(link, formToken);

        Assert.Equal(HttpStatusCode.Gone, page.Status);
        Assert.Equal("This petition has closed", page.Document.QuerySelector("h1")?.TextContent);
        Assert.Equal(HttpStatusCode.Gone, pressed.StatusCode);
        Assert.Equal("This petition has closed", (await WebPage.ReadAsync(pressed)).Document.QuerySelector("h1")?.TextContent);
        Assert.Equal(0, (await fixture.NewSupporter().CountAsync(slug)).Signatures);
    }

    [Fact]
    public async Task Nobody_can_sign_after_closing()
    {
        var (admin, _) = await fixture.SignedInAdminAsync();
        var slug = await admin.CreateOpenPetitionAsync();
        var client = fixture.NewSupporter();
        var openPage = await client.OpenAsync($"/petitions/{slug}");
        await admin.PressAsync(slug, "close");
        var supporter = Supporter.New();

        using var response = await client.SendSignatureFormAsync([.. supporter.FormFields(), new("__form", openPage.FormToken)], slug, withFormToken: false);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Empty(await fixture.SignaturesFromAsync(supporter.Email));
    }

    [Fact]
    public async Task Signing_stops_at_the_closing_date_even_before_the_schedule_closes_the_petition()
    {
        var (admin, _) = await fixture.SignedInAdminAsync();
        var now = fixture.Clock.GetUtcNow().UtcDateTime;
        var closesAt = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc).AddMinutes(10);
        var slug = await admin.CreateOpenPetitionAsync(closesAt);
        var client = fixture.NewSupporter();
        var openPage = await client.OpenAsync($"/petitions/{slug}");

        fixture.Clock.Advance(TimeSpan.FromMinutes(11));
        var supporter = Supporter.New();
        using var response = await client.SendSignatureFormAsync([.. supporter.FormFields(), new("__form", openPage.FormToken)], slug, withFormToken: false);
        var page = await WebPage.ReadAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Contains($"It closed on {PetitionSite.Petitions.PetitionDate.Describe(closesAt)}.", page.Document.QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Empty(await fixture.SignaturesFromAsync(supporter.Email));
    }

    // The schedule never runs here, so a petition past its closing date is still "open" in the database.
    public sealed class NoScheduleFixture : ClockedSiteFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Petitions:ScheduleInterval"] = "40.00:00:00",
            ["Petitions:ConfirmationGraceAfterClose"] = "1.00:00:00",
        };
    }
}
