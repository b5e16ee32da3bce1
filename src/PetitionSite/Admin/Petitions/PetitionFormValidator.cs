using System.Text.RegularExpressions;
using FluentValidation;
using PetitionSite.Languages;

namespace PetitionSite.Admin.Petitions;

// The form's own rules. Whether a slug is already taken needs the database, so PetitionEditor checks that.
public sealed partial class PetitionFormValidator : AbstractValidator<PetitionForm>
{
    public const int TitleLength = PetitionTextRules.TitleLength;
    public const int SlugLength = 100;
    public const int SummaryLength = PetitionTextRules.SummaryLength;
    public const int BodyLength = PetitionTextRules.BodyLength;

    // Words the site's own addresses use next to a slug (/admin/petitions/new, say), so no petition may take them.
    public static readonly IReadOnlySet<string> ReservedSlugs = new HashSet<string>(StringComparer.Ordinal)
    {
        "new", "edit", "admin", "account", "petitions", "signatures", "error", "healthz", "css", "js",
    };

    public PetitionFormValidator()
    {
        // One message per field: the first rule it breaks.
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(f => f.Title).PetitionTitle();

        RuleFor(f => f.Slug)
            .NotEmpty().WithMessage("Enter a web address for the petition")
            .MaximumLength(SlugLength).WithMessage($"Web address must be {SlugLength} characters or fewer")
            .Matches(SlugPattern()).WithMessage("Web address can only contain lower-case letters, numbers and single hyphens between words, like save-the-library")
            .Must(s => !ReservedSlugs.Contains(s!)).WithMessage(f => $"The web address '{f.Slug}' is used by the site itself: choose another");

        RuleFor(f => f.Summary).PetitionSummary();

        RuleFor(f => f.BodyMarkdown).PetitionText();

        RuleFor(f => f.Language)
            .Must(language => SiteLanguages.All.Contains(language!)).WithMessage("Choose the language the petition is written in");

        RuleFor(f => f.Goal)
            .NotEmpty().WithMessage("Enter a goal: the number of signatures the petition aims for")
            .Must(g => PetitionForm.TryParseGoal(g, out _)).WithMessage("Goal must be a whole number, like 10000")
            .Must(g => !PetitionForm.TryParseGoal(g, out var goal) || goal > 0).WithMessage("Goal must be at least 1");

        RuleFor(f => f.OpensAt)
            .Must(d => PetitionForm.TryParseMoment(d, out _)).WithMessage("Opening date must be a date and time, like 2030-05-01T09:00");

        RuleFor(f => f.ClosesAt)
            .Must(d => PetitionForm.TryParseMoment(d, out _)).WithMessage("Closing date must be a date and time, like 2030-06-01T09:00")
            .Must((f, _) => f.ParsedOpensAt is not { } opens || f.ParsedClosesAt is not { } closes || closes > opens)
            .WithMessage("Closing date must be after the opening date");
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex SlugPattern();
}
