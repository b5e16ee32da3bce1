using FluentValidation;
using PetitionSite.Admin.Moderation;
using PetitionSite.Signing;

namespace PetitionSite.Admin.FraudReview;

public sealed class BulkInvalidationFormValidator : AbstractValidator<BulkInvalidationForm>
{
    public BulkInvalidationFormValidator()
    {
        RuleFor(f => f.Network)
            .Must((form, _) => form.HasCriterion)
            .WithMessage("Give a network, an email domain or a time window: without one, every signature on the petition would match.")
            .Custom((network, context) =>
            {
                if (!ClientNetworkRange.TryParse(network, out _, out var problem))
                {
                    context.AddFailure(problem!);
                }
            });

        RuleFor(f => f.Domain).Custom((domain, context) =>
        {
            if (EmailDomain.Problem(domain) is { } problem)
            {
                context.AddFailure(problem);
            }
        });

        RuleFor(f => f).Custom((form, context) =>
        {
            var problems = new Dictionary<string, string>();
            DateTimeLocalInput.ReadWindow(form.From, form.To, nameof(form.From), nameof(form.To), problems);
            foreach (var (field, problem) in problems)
            {
                context.AddFailure(field, problem);
            }
        });

        RuleFor(f => f.Reason)
            .NotEmpty().WithMessage("Give the reason for invalidating: it is kept with each signature and in the audit log.")
            .MaximumLength(BulkChangeForm.ReasonLength).WithMessage($"The reason is at most {BulkChangeForm.ReasonLength} characters.")
            .Must(TextRules.IsPlainText).WithMessage("The reason must not contain control characters.");
    }
}
