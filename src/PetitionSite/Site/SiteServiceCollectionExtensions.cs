using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.ResponseCompression;

namespace PetitionSite.Site;

public static class SiteServiceCollectionExtensions
{
    public static IServiceCollection AddSite(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SiteOptions>()
            .Bind(configuration.GetSection(SiteOptions.Section))
            .Validate(
                o => Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps),
                "Site:PublicUrl must be an absolute http or https address, such as https://petitions.example.org.")
            .Validate(o => o.ConfirmationLinkLifetime > TimeSpan.Zero, "Site:ConfirmationLinkLifetime must be positive, such as 7.00:00:00.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Name), "Site:Name must not be empty, such as PetitionSite.")
            .Validate<IWebHostEnvironment>(
                (o, environment) => string.IsNullOrEmpty(o.LogoPath) || SiteOptions.IsFileUnder(environment.WebRootFileProvider, o.LogoPath),
                "Site:LogoPath must name a file under wwwroot, such as img/logo.svg.")
            .Validate(
                o => string.IsNullOrWhiteSpace(o.ContactEmail) || (System.Net.Mail.MailAddress.TryCreate(o.ContactEmail, out var contact) && contact.Address == o.ContactEmail && string.IsNullOrEmpty(contact.DisplayName)),
                "Site:ContactEmail must be a plain email address, such as privacy@example.org, or left empty.")
            .ValidateOnStart();

        services.AddControllersWithViews(mvc =>
        {
            // Validators are called explicitly; MVC must not add its own "required" errors for non-nullable strings.
            mvc.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            mvc.Filters.Add(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
            mvc.Filters.Add(new UnreadableRequestFilter());
            mvc.Conventions.Add(new UrlEncodedFormsOnly());
            mvc.Conventions.Add(new HeadWhereGetConvention());
            // Plain form field names only: the jQuery "a[b]" syntax is not used here, and its parser throws on a name such as "a[".
            mvc.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
            // The address decides which petition a request is about, as authorisation read it: a form field named "slug"
            // must never override it, so route values are read before form fields.
            var route = mvc.ValueProviderFactories.OfType<RouteValueProviderFactory>().Single();
            mvc.ValueProviderFactories.Remove(route);
            mvc.ValueProviderFactories.Insert(0, route);
        }).AddViewOptions(views =>
        {
            // Forms are validated on the server; client-side data-val attributes would only add bytes.
            views.HtmlHelperOptions.ClientValidationEnabled = false;
        });

        // The server's name is nobody's business.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);

        // Names and petition texts in any script stay readable in the HTML instead of becoming &#x...; escapes.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        // Pages are compressed before they are cached, so a cached page is compressed once, not per request.
        services.AddResponseCompression(compression =>
        {
            compression.Providers.Add<BrotliCompressionProvider>();
            compression.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.AddAntiforgery();
        services.AddOptions<AntiforgeryOptions>().Configure<IHostEnvironment>((antiforgery, environment) =>
        {
            // Browsers send the form cookie only over https, except on a developer's machine, which serves plain http.
            antiforgery.Cookie = environment.IsDevelopment() ? new CookieBuilder() : new AlwaysSecureCookieBuilder();
            antiforgery.Cookie.Name = "petition-form";
            // One cookie for the whole site: left unset, its path would be the language prefix (/fr), and a reader who
            // switched language would carry two form cookies of the same name.
            antiforgery.Cookie.Path = "/";
            // Strict keeps other sites from posting a form with it, and the page cache relies on that (see PetitionPageCaching).
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.HttpOnly = true;
            antiforgery.Cookie.IsEssential = true;
            antiforgery.FormFieldName = "__form";
            antiforgery.SuppressXFrameOptionsHeader = true;
        });

        services.AddDataProtectionKeys(configuration);
        return services;
    }
}
