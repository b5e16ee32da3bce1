using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using PetitionSite.Signing;

namespace PetitionSite.Admin.Petitions;

// The form's own rules. Whether a slug is already taken needs the database, so PetitionEditor checks that.
public sealed partial class PetitionFormValidator : AbstractValidator<PetitionForm>
{
    public const int TitleLength = 200;
    public const int SlugLength = 100;
    public const int SummaryLength = 500;

    // Some twenty times the length of a long petition; a page that size is already slow to read on a phone.
    public const int BodyLength = 100_000;

    // Words the site's own addresses use next to a slug (/admin/petitions/new, say), so no petition may take them.
    public static readonly IReadOnlySet<string> ReservedSlugs = new HashSet<string>(StringComparer.Ordinal)
    {
        "new", "edit", "admin", "account", "petitions", "signatures", "error", "healthz", "css", "js",
    };

    public PetitionFormValidator()
    {
        // One message per field: the first rule it breaks.
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(f => f.Title)
            .NotEmpty().WithMessage("Enter a title")
            .Must(t => !TextRules.IsInvisible(t)).WithMessage("Enter a title")
            .MaximumLength(TitleLength).WithMessage($"Title must be {TitleLength} characters or fewer")
            .Must(TextRules.IsPlainText).WithMessage("Title must not contain control characters");

        RuleFor(f => f.Slug)
            .NotEmpty().WithMessage("Enter a web address for the petition")
            .MaximumLength(SlugLength).WithMessage($"Web address must be {SlugLength} characters or fewer")
            .Matches(SlugPattern()).WithMessage("Web address can only contain lower-case letters, numbers and single hyphens between words, like save-the-library")
            .Must(s => !ReservedSlugs.Contains(s!)).WithMessage(f => $"The web address '{f.Slug}' is used by the site itself: choose another");

        RuleFor(f => f.Summary)
            .NotEmpty().WithMessage("Enter a summary")
            .Must(t => !TextRules.IsInvisible(t)).WithMessage("Enter a summary")
            .MaximumLength(SummaryLength).WithMessage($"Summary must be {SummaryLength} characters or fewer")
            .Must(TextRules.IsPlainText).WithMessage("Summary must not contain control characters");

        RuleFor(f => f.BodyMarkdown)
            .NotEmpty().WithMessage("Enter the text of the petition")
            .MaximumLength(BodyLength).WithMessage(string.Create(CultureInfo.InvariantCulture, $"Text of the petition must be {BodyLength:N0} characters or fewer"))
            .Must(TextRules.IsPlainLines).WithMessage("Text of the petition must not contain control characters");

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
