using FluentValidation;

namespace PetitionSite.Admin.Petitions;

// A translation's fields follow the petition editor's rules for the same fields.
public sealed class TranslationFormValidator : AbstractValidator<TranslationForm>
{
    public TranslationFormValidator()
    {
        // One message per field: the first rule it breaks.
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(f => f.Title).PetitionTitle();
        RuleFor(f => f.Summary).PetitionSummary();
        RuleFor(f => f.BodyMarkdown).PetitionText();
    }
}
