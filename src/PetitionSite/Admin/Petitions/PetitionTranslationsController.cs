using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PetitionSite.Accounts;
using PetitionSite.Site;

namespace PetitionSite.Admin.Petitions;

// A petition's title, summary and text in the site's other languages, for readers of pages in those languages.
[Authorize(Policy = AccessPolicies.Admin)]
public sealed class PetitionTranslationsController(PetitionTranslator translator, IValidator<TranslationForm> validator) : BackOfficeController
{
    [HttpGet("/admin/petitions/{slug}/translations")]
    public async Task<IActionResult> Index(string slug, string? saved, string? removed, CancellationToken cancellationToken)
    {
        var petition = await translator.FindAsync(slug, cancellationToken);
        return petition is null
            ? NotFound()
            : View(new TranslationsPage(petition, Named(petition, saved), Named(petition, removed)));
    }

    [HttpGet("/admin/petitions/{slug}/translations/{language}")]
    public async Task<IActionResult> Edit(string slug, string language, CancellationToken cancellationToken)
    {
        var petition = await translator.FindAsync(slug, cancellationToken);
        if (petition is null || !PetitionTranslator.CanTranslate(petition, language))
        {
            return NotFound();
        }

        var form = petition.In(language) is { } translation
            ? new TranslationForm { Title = translation.Title, Summary = translation.Summary, BodyMarkdown = translation.BodyMarkdown }
            : new TranslationForm();
        return View("Form", new TranslationPage(petition, language, form));
    }

    [HttpPost("/admin/petitions/{slug}/translations/{language}")]
    public async Task<IActionResult> Save([FromRoute] string slug, [FromRoute] string language, [FromForm] TranslationForm form, CancellationToken cancellationToken)
    {
        var petition = await translator.FindAsync(slug, cancellationToken);
        if (petition is null || !PetitionTranslator.CanTranslate(petition, language))
        {
            return NotFound();
        }

        form = form.Normalized();
        var validation = await validator.ValidateAsync(form, cancellationToken);
        foreach (var error in validation.Errors)
        {
            ModelState.AddModelError(error.PropertyName, error.ErrorMessage);
        }

        if (!ModelState.IsValid)
        {
            return View("Form", new TranslationPage(petition, language, form)).WithStatus(StatusCodes.Status422UnprocessableEntity);
        }

        await translator.SaveAsync(petition, language, form, Actor, cancellationToken);
        return new SeeOtherResult($"/admin/petitions/{petition.Slug}/translations?saved={language}");
    }

    [HttpPost("/admin/petitions/{slug}/translations/{language}/remove")]
    public async Task<IActionResult> Remove(string slug, string language, CancellationToken cancellationToken)
    {
        var petition = await translator.FindAsync(slug, cancellationToken);
        if (petition is null || !PetitionTranslator.CanTranslate(petition, language))
        {
            return NotFound();
        }

        await translator.RemoveAsync(petition, language, Actor, cancellationToken);
        return new SeeOtherResult($"/admin/petitions/{petition.Slug}/translations?removed={language}");
    }

    // Only a language the page can name goes into its notice; anything else typed into the address is ignored.
    private static string? Named(TranslatedPetition petition, string? language) =>
        language is not null && PetitionTranslator.CanTranslate(petition, language) ? language : null;
}
