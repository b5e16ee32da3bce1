using PetitionSite.Accounts;
using PetitionSite.Admin;
using PetitionSite.Admin.Export;
using PetitionSite.Confirmation;
using PetitionSite.Data;
using PetitionSite.Email;
using PetitionSite.Languages;
using PetitionSite.OpenData;
using PetitionSite.Petitions;
using PetitionSite.Privacy;
using PetitionSite.Sharing;
using PetitionSite.Signing;
using PetitionSite.Site;
using PetitionSite.Unsubscribe;
using PetitionSite.Withdrawal;

if (await ExportSignaturesCommand.TryRunAsync(args) || await CreateAdminCommand.TryRunAsync(args))
{
    return;
}

var builder = WebApplication.CreateBuilder(args);

// Configure logging and storage
builder.Services.AddSiteLogging(builder.Configuration);
builder.Services.AddPetitionsDatabase();

// Configure the features
builder.Services.AddSite(builder.Configuration);
builder.Services.AddLanguages();
builder.Services.AddTrustedProxies(builder.Configuration);
builder.Services.AddRateLimits(builder.Configuration);
builder.Services.AddAccounts(builder.Configuration, builder.Environment);
builder.Services.AddPetitions(builder.Configuration);
builder.Services.AddSharing(builder.Configuration);
builder.Services.AddOpenData();
builder.Services.AddSigning(builder.Configuration);
builder.Services.AddConfirmation();
builder.Services.AddWithdrawal();
builder.Services.AddEmail(builder.Configuration);
builder.Services.AddUnsubscribe();
builder.Services.AddAdmin();
builder.Services.AddPrivacy(builder.Configuration);

var app = builder.Build();

// Prepare the database
await app.InitializeDatabaseAsync();

// Configure the middleware, in the order a request meets it
// First: everything after it sees the visitor's address, not the proxy's.
app.UseTrustedProxies();
// Before the error pages, so an error under /fr/ is shown in French.
app.UseLanguageFromAddress();
app.UseSiteErrorPages();
app.UseSecurityHeaders();
app.UseRequestLogging();
app.UseClientDisconnects();
// Before the page cache: a variant of a page's address is redirected, never cached as a second copy.
app.UseCanonicalAddresses();
app.UseRouting();
// After routing: only the endpoint tells whether other sites may frame the response.
app.UseFramingOfEmbeds();
app.UseLongCacheOfIcons();
app.UseRateLimits();
app.UseAuthenticationOfSignedInPeople();
app.UseAuthorization();
// After authentication: the page cache never serves or stores a signed-in person's page.
app.UseOutputCache();
// Inside the cache: a cached page is compressed once, not per request.
app.UseResponseCompression();

// Map the endpoints
app.MapSite();

await app.RunAsync();
