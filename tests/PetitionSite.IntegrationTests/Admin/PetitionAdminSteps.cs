using System.Globalization;
using System.Net;
using PetitionSite.Accounts;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Admin;

// What an admin does to petitions, through the back office's own forms.
internal static class PetitionAdminSteps
{
    public static string NewSlug(string prefix = "petition") => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    public static Task<(StaffClient Client, StaffMember Member)> SignedInAdminAsync(this SiteFixture fixture) =>
        fixture.Site.SignedInStaffAsync($"admin-{Guid.NewGuid():N}@example.org", Roles.Admin);

    public static List<KeyValuePair<string, string>> PetitionFields(
        string slug,
        string title = "Keep the library open",
        string summary = "The town library should stay open on Saturdays.",
        string body = "The library is *the* place to read.\n\nKeep it open.",
        string goal = "500",
        DateTime? opensAt = null,
        DateTime? closesAt = null) =>
    [
        new("Title", title),
        new("Slug", slug),
        new("Summary", summary),
        new("BodyMarkdown", body),
        new("Goal", goal),
        new("OpensAt", Moment(opensAt)),
        new("ClosesAt", Moment(closesAt)),
    ];

    public static string Moment(DateTime? moment) =>
        moment?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) ?? "";

    public static async Task CreatePetitionAsync(this StaffClient admin, string slug, DateTime? closesAt = null, string title = "Keep the library open")
    {
        using var response = await admin.PostFormAsync("/admin/petitions/new", PetitionFields(slug, title: title, closesAt: closesAt));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }

    public static Task<HttpResponseMessage> ChangeStateAsync(this StaffClient admin, string slug, string change, params KeyValuePair<string, string>[] fields) =>
        admin.PostFormAsync($"/admin/petitions/{slug}/{change}", fields, $"/admin/petitions/{slug}/edit");

    // Presses open, close or reopen on the petition's page, which must succeed.
    public static async Task PressAsync(this StaffClient admin, string slug, string change)
    {
        using var response = await admin.ChangeStateAsync(slug, change);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }

    public static async Task<string> CreateOpenPetitionAsync(this StaffClient admin, DateTime? closesAt = null)
    {
        var slug = NewSlug();
        await admin.CreatePetitionAsync(slug, closesAt);
        await admin.PressAsync(slug, "open");
        return slug;
    }

    // Signs the petition as a supporter would and returns the confirmation link from the email that follows.
    public static async Task<string> SignAndGetLinkAsync(this SiteFixture fixture, Supporter supporter, string slug, SupporterClient? client = null)
    {
        using var response = await (client ?? fixture.NewSupporter()).SignAsync(supporter, slug);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return PetitionSiteFactory.ConfirmationLinkIn(await fixture.Smtp.WaitForMessageToAsync(supporter.Email));
    }
}
