using PetitionSite.Admin;
using PetitionSite.Confirmation;
using PetitionSite.Data;
using PetitionSite.Email;
using PetitionSite.Petitions;
using PetitionSite.Signing;
using PetitionSite.Site;

if (await ExportSignaturesCommand.TryRunAsync(args))
{
    return;
}

var builder = WebApplication.CreateBuilder(args);

// Configure logging and storage
builder.Services.AddSiteLogging(builder.Configuration);
builder.Services.AddPetitionsDatabase();

// Configure the features
builder.Services.AddSite(builder.Configuration);
builder.Services.AddPetitions();
builder.Services.AddSigning(builder.Configuration);
builder.Services.AddConfirmation();
builder.Services.AddEmail(builder.Configuration);

var app = builder.Build();

// Prepare the database, then serve
await app.InitializeDatabaseAsync();
app.UseSite();
app.MapSite();

await app.RunAsync();
