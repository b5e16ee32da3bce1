using System.Linq.Expressions;
using FluentValidation;

namespace PetitionSite.Signing;

public sealed class SignatureFormValidator : AbstractValidator<SignatureForm>
{
    public SignatureFormValidator(DisposableDomainList disposableDomains)
    {
        NameRule(f => f.FirstName, "first name", "First name");
        NameRule(f => f.LastName, "last name", "Last name");

        RuleFor(f => f.Email)
            .NotEmpty().WithMessage("Enter your email address")
            .MaximumLength(SignatureLimits.EmailLength).WithMessage($"Email address must be {SignatureLimits.EmailLength} characters or fewer")
            .Must(EmailAddressRules.IsDeliverable).WithMessage("Enter an email address in the correct format, like name@example.com")
            // A throwaway mailbox would let one person sign as many: the signature must come from an address its owner keeps.
            .Must(email => !disposableDomains.IsDisposable(email))
            .WithMessage("Enter your own email address: addresses from disposable email services are not accepted");

        RuleFor(f => f.Country)
            .NotEmpty().WithMessage("Select your country")
            .Must(Countries.Contains).WithMessage("Select your country from the list");

        RuleFor(f => f.Postcode)
            .MaximumLength(SignatureLimits.PostcodeLength).WithMessage($"Postcode must be {SignatureLimits.PostcodeLength} characters or fewer")
            .Must(p => p is null || p.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-'))
            .WithMessage("Postcode can only contain letters, numbers, spaces and hyphens");
    }

    private void NameRule(Expression<Func<SignatureForm, string?>> name, string lowerCase, string sentenceCase) =>
        RuleFor(name)
            .NotEmpty().WithMessage($"Enter your {lowerCase}")
            .Must(n => !TextRules.IsInvisible(n)).WithMessage($"Enter your {lowerCase}")
            .MaximumLength(SignatureLimits.NameLength).WithMessage($"{sentenceCase} must be {SignatureLimits.NameLength} characters or fewer")
            .Must(TextRules.IsPlainText).WithMessage($"{sentenceCase} must not contain control characters");
}
