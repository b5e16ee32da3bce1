using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Net.Http.Headers;

namespace PetitionSite.Languages;

// The language is the address's first segment (/fr/petitions/{slug}), so a shared link opens in the language it was
// shared in and the page cache keeps a copy per address. The segment is moved into PathBase: every route, link and
// redirect the site makes (Url.Action, ~/) then stays in the language without naming it. An address without a
// language is English, except that a reader's page asked for without one follows Accept-Language with a 302.
public static class SiteLanguages
{
    public const string Default = "en";

    public static IReadOnlyList<string> All { get; } = [Default, "fr", "ar"];

    // The name of each language in itself, as the switcher shows it.
    public static string NativeNameOf(string language) => language switch
    {
        "fr" => "Français",
        "ar" => "العربية",
        _ => "English",
    };

    // The language of the page being made (from its address), or of the LanguageScope that work in the background runs in.
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    // One of ours, or English: what a stored or asked-for language falls back to.
    public static string KnownOrDefault(string? language) => language is not null && All.Contains(language) ? language : Default;

    // The dir attribute for text written in a language.
    public static string DirectionOf(string language) => language == "ar" ? "rtl" : "ltr";

    public static IServiceCollection AddLanguages(this IServiceCollection services)
    {
        services.AddLocalization(localization => localization.ResourcesPath = "Resources");
        // Texts with markup in them (a count in <strong>) keep it, while the values put into them are encoded.
        services.TryAddSingleton<IHtmlLocalizerFactory, HtmlLocalizerFactory>();
        services.TryAddTransient(typeof(IHtmlLocalizer<>), typeof(HtmlLocalizer<>));
        services.AddSingleton<CountryNames>();
        services.Configure<RequestLocalizationOptions>(localization =>
        {
            var cultures = All.Select(CultureInfo.GetCultureInfo).ToList();
            localization.DefaultRequestCulture = new RequestCulture(Default);
            localization.SupportedCultures = cultures;
            localization.SupportedUICultures = cultures;
            // Only the address decides: no cookie or header may give one address two languages in the cache.
            localization.RequestCultureProviders = [new CustomRequestCultureProvider(static context =>
                Task.FromResult(LanguageOf(context.Request.PathBase) is { } language ? new ProviderCultureResult(language) : null))];
        });
        return services;
    }

    // Before the error pages, so that a 404 or 429 under /fr is re-executed under /fr and shown in French.
    public static WebApplication UseLanguageFromAddress(this WebApplication app)
    {
        app.Use(static (context, next) =>
        {
            var request = context.Request;
            foreach (var language in All)
            {
                if (request.Path.StartsWithSegments("/" + language, StringComparison.Ordinal, out var rest) && !IsBackOffice(rest))
                {
                    request.PathBase = request.PathBase.Add("/" + language);
                    request.Path = rest.HasValue ? rest : "/";
                    return next(context);
                }
            }

            if (IsReadersPage(request))
            {
                // The same address answers differently by header, so no shared cache may keep one answer for all.
                context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
                if (PreferredLanguageOf(request) is { } preferred and not Default)
                {
                    context.Response.Redirect(request.PathBase + "/" + preferred + request.Path + request.QueryString);
                    return Task.CompletedTask;
                }
            }

            return next(context);
        });
        app.UseRequestLocalization();
        return app;
    }

    // The address of the page being shown, in another language: what the switcher and hreflang link to.
    public static string AddressIn(this HttpRequest request, string? language)
    {
        var pathBase = request.PathBase.Value ?? "";
        if (LanguageOf(request.PathBase) is { } current)
        {
            pathBase = pathBase[..^(current.Length + 1)];
        }

        return pathBase + (language is null ? "" : "/" + language) + (request.Path.Value is "/" && language is not null ? "" : request.Path.Value) + request.QueryString;
    }

    private static string? LanguageOf(PathString pathBase)
    {
        var value = pathBase.Value;
        return All.FirstOrDefault(language => value is not null && value.EndsWith("/" + language, StringComparison.Ordinal));
    }

    // The back office is English and has one address: its sign-in cookies are scoped to the path they were set under.
    private static bool IsBackOffice(PathString path) =>
        path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase);

    // The pages a shared or typed link lands on; forms, counts and the back office keep their one address.
    private static bool IsReadersPage(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        var path = request.Path.Value ?? "/";
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            [] or ["petitions"] => true,
            ["petitions", var slug] => !slug.Contains('.', StringComparison.Ordinal),
            ["signatures", "confirm", _] => true,
            _ => false,
        };
    }

    // The highest-weighted language the site speaks; English when the header names none of ours.
    private static string? PreferredLanguageOf(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().AcceptLanguage;
        return accepted
            .Where(value => value.Quality is not 0)
            .OrderByDescending(value => value.Quality ?? 1)
            .Select(value => value.Value.Value?.Split('-')[0].ToLowerInvariant())
            .FirstOrDefault(language => language is not null && All.Contains(language));
    }
}
