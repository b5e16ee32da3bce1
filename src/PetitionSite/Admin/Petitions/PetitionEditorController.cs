using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using PetitionSite.Accounts;
using PetitionSite.Petitions;
using PetitionSite.Site;

namespace PetitionSite.Admin.Petitions;

[Authorize(Policy = AccessPolicies.Admin)]
public sealed class PetitionEditorController(
    PetitionEditor editor,
    IValidator<PetitionForm> validator,
    IOutputCacheStore cachedPages) : BackOfficeController
{
    private const string SlugTaken = "Another petition already has this web address: choose another";

    [HttpGet("/admin/petitions/new")]
    public IActionResult New() => View("Form", new PetitionEditorPage { Form = new PetitionForm() });

    [HttpPost("/admin/petitions/new")]
    public async Task<IActionResult> Create([FromForm] PetitionForm form, [FromForm] string? preview, CancellationToken cancellationToken)
    {
        form = form.Normalized();
        var page = new PetitionEditorPage { Form = form };
        if (preview is not null)
        {
            return Preview(page);
        }

        if (!await IsValidAsync(form, cancellationToken))
        {
            return Again(page);
        }

        if (await editor.CreateAsync(form, Actor, cancellationToken) == PetitionEditOutcome.SlugTaken)
        {
            ModelState.AddModelError(nameof(PetitionForm.Slug), SlugTaken);
            return Again(page);
        }

        return new SeeOtherResult($"/admin/petitions/{form.Slug}/edit?saved=true");
    }

    [HttpGet("/admin/petitions/{slug}/edit")]
    public async Task<IActionResult> Edit(string slug, bool saved, CancellationToken cancellationToken)
    {
        var petition = await editor.FindAsync(slug, cancellationToken);
        return petition is null ? NotFound() : View("Form", new PetitionEditorPage { Form = petition.ToForm(), Petition = petition, Saved = saved });
    }

    // [FromRoute]: MVC reads form fields before route values, and this form has a field named Slug.
    [HttpPost("/admin/petitions/{slug}/edit")]
    public async Task<IActionResult> Update([FromRoute] string slug, [FromForm] PetitionForm form, [FromForm] string? preview, CancellationToken cancellationToken)
    {
        var petition = await editor.FindAsync(slug, cancellationToken);
        if (petition is null)
        {
            return NotFound();
        }

        form = form.Normalized();
        if (!petition.SlugCanChange)
        {
            // The field is read-only on the page; whatever a crafted form sends, the address stays as it is.
            form.Slug = petition.Slug;
        }

        var page = new PetitionEditorPage { Form = form, Petition = petition };
        if (preview is not null)
        {
            return Preview(page);
        }

        if (!await IsValidAsync(form, cancellationToken))
        {
            return Again(page);
        }

        switch (await editor.UpdateAsync(slug, form, Actor, cancellationToken))
        {
            case PetitionEditOutcome.NotFound:
                return NotFound();
            case PetitionEditOutcome.SlugTaken:
                ModelState.AddModelError(nameof(PetitionForm.Slug), SlugTaken);
                return Again(page);
            case PetitionEditOutcome.TranslatedIntoLanguage:
                ModelState.AddModelError(nameof(PetitionForm.Language), $"This petition has a translation into {LanguageNames.InEnglish(form.Language!)}: remove it before choosing that language for the petition itself");
                return Again(page);
            default:
                // The public page shows the new text at once rather than when its cached copy expires.
                await cachedPages.EvictCountOfAsync(slug);
                return new SeeOtherResult($"/admin/petitions/{form.Slug}/edit?saved=true");
        }
    }

    private async Task<bool> IsValidAsync(PetitionForm form, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(form, cancellationToken);
        foreach (var error in validation.Errors)
        {
            ModelState.AddModelError(error.PropertyName, error.ErrorMessage);
        }

        return ModelState.IsValid;
    }

    // Nothing is saved: the form comes back with the text as the public page would show it.
    private ViewResult Preview(PetitionEditorPage page) =>
        View("Form", page with { PreviewHtml = PetitionMarkdown.ToHtml(page.Form.BodyMarkdown ?? "") });

    private ViewResult Again(PetitionEditorPage page) =>
        View("Form", page).WithStatus(StatusCodes.Status422UnprocessableEntity);
}
