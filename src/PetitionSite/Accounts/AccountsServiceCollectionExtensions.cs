using FluentValidation;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using PetitionSite.Data;
using PetitionSite.Email;

namespace PetitionSite.Accounts;

public static class AccountsServiceCollectionExtensions
{
    public const string LoginPath = "/account/login";

    // ASP.NET Core Identity on the site's own database, behind a few pages of our own; nobody can register themselves.
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.Section)).ValidateOnStart();

        services.AddAccountStore();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = LoginPath;
            cookie.LogoutPath = "/account/logout";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            // Signed in without the right: the friendly 403 page, not a redirect to a page that would say the same.
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        // Every cookie Identity sets (sign-in, the half-signed-in two-factor step) is HttpOnly, and Secure outside Development.
        services.PostConfigureAll<CookieAuthenticationOptions>(cookie =>
        {
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });

        services.AddSingleton<IValidator<InvitationForm>, InvitationFormValidator>();
        services.AddScoped<OrganiserInviter>();
        services.AddSingleton<StaffDirectory>();
        services.AddSingleton<InvitationEmails>();
        services.AddSingleton<IEmailComposer, InvitationEmailComposer>();
        services.AddSignInRateLimits();

        services.AddSingleton<IAuthorizationHandler, PetitionOrganiserHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(AccessPolicies.BackOffice, policy => policy.RequireRole(Roles.Admin, Roles.Organiser))
            .AddPolicy(AccessPolicies.Admin, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(AccessPolicies.PetitionOrganiser, policy => policy.RequireAuthenticatedUser().AddRequirements(new PetitionOrganiserRequirement()));
        return services;
    }

    // Accounts, roles and their rules, without the pages: what the create-admin verb needs too.
    public static IServiceCollection AddAccountStore(this IServiceCollection services)
    {
        services.AddIdentity<IdentityUser, IdentityRole>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.Password.RequiredLength = 12;
                identity.Lockout.AllowedForNewUsers = true;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<PetitionsDbContext>()
            .AddDefaultTokenProviders();
        return services;
    }
}
