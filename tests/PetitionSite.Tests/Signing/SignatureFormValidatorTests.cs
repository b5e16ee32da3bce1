using Microsoft.Extensions.Options;
using PetitionSite.Signing;
using PetitionSite.Tests.Languages;

namespace PetitionSite.Tests.Signing;

public sealed class SignatureFormValidatorTests
{
    private const string BadEmail = "Enter an email address in the correct format, like name@example.com";

    private const string Disposable = "Enter your own email address: addresses from disposable email services are not accepted";

    private static readonly SignatureFormValidator Validator = New();

    public static TheoryData<string, string> NamesFromAnyScript => new()
    {
        { "وليد", "دقة" },
        { "אברהם", "כהן" },
        { "李", "小龙" },
        { "山田", "太郎" },
        { "김", "민준" },
        { "Zoë", "Ó Súilleabháin" },
        { "José-María", "Núñez d'Arrigo" },
        { "Ngũgĩ", "wa Thiong'o" },
        { "Дмитрий", "Шостакович" },
        { "مهرنوش", "می\u200Cخواه" },
        { "👩🏽\u200D💻", "🏳️\u200D🌈" },
        { "Ada\u200F", "\u200ELovelace" },
    };

    public static TheoryData<string, string?, string> BadForms => new()
    {
        { "FirstName", "", "Enter your first name" },
        { "FirstName", null, "Enter your first name" },
        { "FirstName", "   ", "Enter your first name" },
        { "FirstName", new string('a', 101), "First name must be 100 characters or fewer" },
        { "FirstName", "Ada\u0000", "First name must not contain control characters" },
        { "FirstName", "Ada\tB", "First name must not contain control characters" },
        { "FirstName", "Ada\r\nBcc: x@evil.org", "First name must not contain control characters" },
        { "FirstName", "Ada\u2028B", "First name must not contain control characters" },
        { "LastName", "", "Enter your last name" },
        { "LastName", new string('ب', 101), "Last name must be 100 characters or fewer" },
        { "LastName", "Love\nlace", "Last name must not contain control characters" },
        { "FirstName", "\u202Eecalevol", "First name must not contain control characters" },
        { "LastName", "\u2067Lovelace\u2069", "Last name must not contain control characters" },
        { "LastName", "Love\uFFFDlace", "Last name must not contain control characters" },
        { "FirstName", "\u200B", "Enter your first name" },
        { "FirstName", "\u00AD\u2060", "Enter your first name" },
        { "LastName", "\u3164", "Enter your last name" },
        { "LastName", "\u0301\u0301", "Enter your last name" },
        { "Email", "ad\u200Ba@example.org", BadEmail },
        { "Email", "ada\u202E@example.org", BadEmail },
        { "Email", "ada@[127.0.0.1]", BadEmail },
        { "Email", "", "Enter your email address" },
        { "Email", "a@b", BadEmail },
        { "Email", "a b@c.org", BadEmail },
        { "Email", "\"x\" <a@b.org>", BadEmail },
        { "Email", "x<a@b.org>", BadEmail },
        { "Email", "ada.example.org", BadEmail },
        { "Email", "ada@example..org", BadEmail },
        { "Email", "ada@.example.org", BadEmail },
        { "Email", "ada@example.org.", BadEmail },
        { "Email", "a@b.org, c@d.org", BadEmail },
        { "Email", "ada@example.org\r\nBcc: x@evil.org", BadEmail },
        { "Email", new string('a', 250) + "@example.org", "Email address must be 254 characters or fewer" },
        { "Email", "ada@mailinator.com", Disposable },
        { "Email", "ada@MailInator.com", Disposable },
        { "Email", "ada@any.sub.mailinator.com", Disposable },
        { "Country", "", "Select your country" },
        { "Country", "XX", "Select your country from the list" },
        { "Country", "United Kingdom", "Select your country from the list" },
        { "Postcode", new string('1', 21), "Postcode must be 20 characters or fewer" },
        { "Postcode", "SW1A;DROP", "Postcode can only contain letters, numbers, spaces and hyphens" },
        { "Postcode", "SW1A\n1AA", "Postcode can only contain letters, numbers, spaces and hyphens" },
    };

    public static TheoryData<string> GoodEmails => new()
    {
        "ada@example.org",
        "Ada.Lovelace+petitions@mail.example.co.uk",
        "o'brien@example.ie",
        "x@sub.domain.example",
        new string('a', 64) + "@" + new string('b', 185) + ".org",
    };

    public static TheoryData<string> GoodPostcodes => new() { "", "SW1A 1AA", "75001", "10115", "H3Z-2Y7", "١٢٣٤٥" };

    [Fact]
    public void A_complete_form_is_valid()
    {
        var result = Validator.Validate(Form());

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Theory]
    [MemberData(nameof(NamesFromAnyScript))]
    public void Names_in_any_script_are_accepted(string firstName, string lastName)
    {
        var result = Validator.Validate(Form(firstName, lastName));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Fact]
    public void Names_of_exactly_100_characters_are_accepted()
    {
        var result = Validator.Validate(Form(new string('é', 100), new string('ب', 100)));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Theory]
    [MemberData(nameof(GoodEmails))]
    public void Deliverable_email_addresses_are_accepted(string email)
    {
        var result = Validator.Validate(FormWith("Email", email));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Theory]
    [MemberData(nameof(GoodPostcodes))]
    public void Postcodes_of_letters_digits_spaces_and_hyphens_are_accepted(string postcode)
    {
        var result = Validator.Validate(FormWith("Postcode", postcode));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Fact]
    public void Every_listed_country_is_accepted()
    {
        Assert.All(Countries.All, country => Assert.True(Validator.Validate(FormWith("Country", country.Code)).IsValid, country.Name));
    }

    [Theory]
    [MemberData(nameof(BadForms))]
    public void A_bad_field_is_rejected_with_a_message_for_the_supporter(string field, string? value, string message)
    {
        var result = Validator.Validate(FormWith(field, value));

        var errors = result.Errors.Where(e => e.PropertyName == field).Select(e => e.ErrorMessage).ToList();
        Assert.Contains(message, errors);
        Assert.All(result.Errors, e => Assert.Equal(field, e.PropertyName));
    }

    [Fact]
    public void An_empty_form_asks_for_every_required_field_first()
    {
        var result = Validator.Validate(new SignatureForm());

        // The page shows the first message of each field.
        Assert.Equal(
            ["Enter your first name", "Enter your last name", "Enter your email address", "Select your country"],
            result.Errors.GroupBy(e => e.PropertyName).Select(g => g.First().ErrorMessage));
    }

    // The validator as the site builds it, with the shipped list of disposable domains.
    public static SignatureFormValidator New() => new(new DisposableDomainList(Options.Create(new SigningOptions())), SiteTexts.Create());

    private static SignatureForm FormWith(string field, string? value)
    {
        var form = Form();
        switch (field)
        {
            case "FirstName":
                form.FirstName = value;
                break;
            case "LastName":
                form.LastName = value;
                break;
            case "Email":
                form.Email = value;
                break;
            case "Country":
                form.Country = value;
                break;
            case "Postcode":
                form.Postcode = value;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(field), field, null);
        }

        return form;
    }

    private static SignatureForm Form(string firstName = "Ada", string lastName = "Lovelace") => new()
    {
        FirstName = firstName,
        LastName = lastName,
        Email = "ada@example.org",
        Country = "GB",
        Postcode = "SW1A 1AA",
    };
}
