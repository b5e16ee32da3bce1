using System.Linq.Expressions;
using FluentValidation;
using Microsoft.Extensions.Localization;
using PetitionSite.Languages;

namespace PetitionSite.Signing;

// Messages are looked up when a form is checked, so each comes in the language of the page it was sent from.
public sealed class SignatureFormValidator : AbstractValidator<SignatureForm>
{
    public SignatureFormValidator(DisposableDomainList disposableDomains, IStringLocalizer<SiteText> text)
    {
        NameRule(f => f.FirstName, "FirstName", text);
        NameRule(f => f.LastName, "LastName", text);

        RuleFor(f => f.Email)
            .NotEmpty().WithMessage(_ => text["EnterEmail"])
            .MaximumLength(SignatureLimits.EmailLength).WithMessage(_ => text["EmailTooLong", LocalFormat.Number(SignatureLimits.EmailLength)])
            .Must(EmailAddressRules.IsDeliverable).WithMessage(_ => text["EmailFormat"])
            // A throwaway mailbox would let one person sign as many: the signature must come from an address its owner keeps.
            .Must(email => !disposableDomains.IsDisposable(email))
            .WithMessage(_ => text["EmailDisposable"]);

        RuleFor(f => f.Country)
            .NotEmpty().WithMessage(_ => text["SelectYourCountry"])
            .Must(Countries.Contains).WithMessage(_ => text["CountryFromList"]);

        RuleFor(f => f.Postcode)
            .MaximumLength(SignatureLimits.PostcodeLength).WithMessage(_ => text["PostcodeTooLong", LocalFormat.Number(SignatureLimits.PostcodeLength)])
            .Must(p => p is null || p.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-'))
            .WithMessage(_ => text["PostcodeCharacters"]);
    }

    // field is "FirstName" or "LastName", the start of each of its message keys.
    private void NameRule(Expression<Func<SignatureForm, string?>> name, string field, IStringLocalizer<SiteText> text) =>
        RuleFor(name)
            .NotEmpty().WithMessage(_ => text["Enter" + field])
            .Must(n => !TextRules.IsInvisible(n)).WithMessage(_ => text["Enter" + field])
            .MaximumLength(SignatureLimits.NameLength).WithMessage(_ => text[field + "TooLong", LocalFormat.Number(SignatureLimits.NameLength)])
            .Must(TextRules.IsPlainText).WithMessage(_ => text[field + "ControlCharacters"]);
}
