using FluentValidation;
using PetitionSite.Signing;

namespace PetitionSite.Accounts;

public sealed class InvitationFormValidator : AbstractValidator<InvitationForm>
{
    // Identity's own column for an email address.
    public const int EmailLength = 256;

    public InvitationFormValidator() =>
        RuleFor(f => f.Email)
            .NotEmpty().WithMessage("Enter the organiser's email address")
            .MaximumLength(EmailLength).WithMessage($"Email address must be {EmailLength} characters or fewer")
            .Must(EmailAddressRules.IsDeliverable).WithMessage("Enter an email address in the correct format, like name@example.com");
}
