using System.Globalization;
using FluentValidation;
using PetitionSite.Signing;

namespace PetitionSite.Admin.Petitions;

// The rules for a petition's title, summary and text, whichever form they are typed into: the petition's own or a translation.
public static class PetitionTextRules
{
    public const int TitleLength = 200;
    public const int SummaryLength = 500;

    // Some twenty times the length of a long petition; a page that size is already slow to read on a phone.
    public const int BodyLength = 100_000;

    public static IRuleBuilderOptions<T, string?> PetitionTitle<T>(this IRuleBuilder<T, string?> title) => title
        .NotEmpty().WithMessage("Enter a title")
        .Must(t => !TextRules.IsInvisible(t)).WithMessage("Enter a title")
        .MaximumLength(TitleLength).WithMessage($"Title must be {TitleLength} characters or fewer")
        .Must(TextRules.IsPlainText).WithMessage("Title must not contain control characters");

    public static IRuleBuilderOptions<T, string?> PetitionSummary<T>(this IRuleBuilder<T, string?> summary) => summary
        .NotEmpty().WithMessage("Enter a summary")
        .Must(t => !TextRules.IsInvisible(t)).WithMessage("Enter a summary")
        .MaximumLength(SummaryLength).WithMessage($"Summary must be {SummaryLength} characters or fewer")
        .Must(TextRules.IsPlainText).WithMessage("Summary must not contain control characters");

    public static IRuleBuilderOptions<T, string?> PetitionText<T>(this IRuleBuilder<T, string?> text) => text
        .NotEmpty().WithMessage("Enter the text of the petition")
        .MaximumLength(BodyLength).WithMessage(string.Create(CultureInfo.InvariantCulture, $"Text of the petition must be {BodyLength:N0} characters or fewer"))
        .Must(TextRules.IsPlainLines).WithMessage("Text of the petition must not contain control characters");

    // A summary is one paragraph: line breaks typed into its box become spaces.
    public static string? NormalizedSummary(string? summary) => summary?.ReplaceLineEndings(" ").Trim();

    // Markdown keeps its leading spaces (they mean code or nesting); only the line endings are made the same.
    public static string? NormalizedText(string? markdown) => markdown?.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
}
