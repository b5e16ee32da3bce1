using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Petitions;

// First visits share one cached copy of a page, form token included; nothing rendered for one person may reach another.
// Each visit is a new browser, and each test a new site, so every test starts from an empty cache.
public sealed class PageCacheTests : IAsyncLifetime
{
    private const string PetitionPage = "/petitions/" + PetitionSiteFactory.PetitionSlug;
    private const string SetCookieRequest = "Test-Set-Cookie";
    private const string SignedInRequest = "Test-Signed-In";

    private readonly PersonalSite fixture = new();

    public ValueTask InitializeAsync() => fixture.InitializeAsync();

    public ValueTask DisposeAsync() => fixture.DisposeAsync();

    [Fact]
    public async Task First_visitors_share_one_cached_copy_of_the_page()
    {
        var first = await VisitAsync();
        var second = await VisitAsync();

        Assert.Equal(first.FormToken, second.FormToken);
    }

    [Fact]
    public async Task A_page_that_sets_a_cookie_other_than_the_form_cookie_is_not_kept_for_others()
    {
        var remembered = await VisitAsync(setsCookie: "remember-me");
        var stranger = await VisitAsync();
        var nextStranger = await VisitAsync();

        Assert.Contains(remembered.SetCookies, cookie => cookie.StartsWith("remember-me=", StringComparison.Ordinal));
        Assert.NotEqual(remembered.FormToken, stranger.FormToken);
        Assert.Equal(stranger.FormToken, nextStranger.FormToken);
        Assert.DoesNotContain(nextStranger.SetCookies, cookie => cookie.StartsWith("remember-me=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(".AspNetCore.Identity.Application")]
    [InlineData(".AspNetCore.Identity.TwoFactorUserId")]
    public async Task A_request_carrying_a_sign_in_cookie_is_neither_served_from_the_cache_nor_stored(string signInCookie)
    {
        var signedIn = await VisitAsync(carrying: signInCookie);
        var stranger = await VisitAsync();
        var signedInAgain = await VisitAsync(carrying: signInCookie);
        var nextStranger = await VisitAsync();

        // The first signed-in page was not kept for the stranger, the stranger's cached page was not served to the
        // second signed-in request, and that request's page did not replace it.
        Assert.NotEqual(signedIn.FormToken, stranger.FormToken);
        Assert.NotEqual(stranger.FormToken, signedInAgain.FormToken);
        Assert.Equal(stranger.FormToken, nextStranger.FormToken);
    }

    [Fact]
    public async Task A_signed_in_person_is_neither_served_the_cached_page_nor_has_theirs_kept()
    {
        var signedIn = await VisitAsync(signedIn: true);
        var stranger = await VisitAsync();
        var signedInAgain = await VisitAsync(signedIn: true);
        var nextStranger = await VisitAsync();

        Assert.NotEqual(signedIn.FormToken, stranger.FormToken);
        Assert.NotEqual(stranger.FormToken, signedInAgain.FormToken);
        Assert.Equal(stranger.FormToken, nextStranger.FormToken);
    }

    // A first visit from a new browser, optionally signed in, carrying a cookie or asking the page to set one.
    private async Task<Visit> VisitAsync(string? carrying = null, string? setsCookie = null, bool signedIn = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, PetitionPage);
        if (signedIn)
        {
            request.Headers.Add(SignedInRequest, "yes");
        }

        if (carrying is not null)
        {
            request.Headers.Add("Cookie", $"{carrying}=someone-in-particular");
        }

        if (setsCookie is not null)
        {
            request.Headers.Add(SetCookieRequest, setsCookie);
        }

        using var response = await fixture.NewSupporter().Http.SendAsync(request);
        var page = await WebPage.ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return new Visit(page.FormToken, response.Headers.TryGetValues("Set-Cookie", out var cookies) ? [.. cookies] : []);
    }

    private sealed record Visit(string FormToken, IReadOnlyList<string> SetCookies);

    // The site with two additions: a request can arrive signed in, as authentication ahead of the cache would make it,
    // and a page sets the cookie a request names, as a sign-in or a one-off message would.
    private sealed class PersonalSite : SiteFixture
    {
        protected override PetitionSiteFactory CreateSite(TestSmtpServer smtp) => new PersonalSiteFactory(smtp);
    }

    private sealed class PersonalSiteFactory(TestSmtpServer smtp) : PetitionSiteFactory(smtp)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.AddTransient<IStartupFilter, SignsInWhenAsked>();
                services.Configure<MvcOptions>(mvc => mvc.Filters.Add(new SetsRequestedCookie()));
            });
        }
    }

    private sealed class SignsInWhenAsked : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.ContainsKey(SignedInRequest))
                {
                    context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "organiser")], "Test"));
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private sealed class SetsRequestedCookie : IActionFilter
    {
        public void OnActionExecuting(ActionExecutingContext context)
        {
            if (context.HttpContext.Request.Headers.TryGetValue(SetCookieRequest, out var name))
            {
                context.HttpContext.Response.Cookies.Append(name.ToString(), "for-this-visitor-only");
            }
        }

        public void OnActionExecuted(ActionExecutedContext context)
        {
        }
    }
}
