using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using PetitionSite.Signing;
using PetitionSite.Testing;

namespace PetitionSite.IntegrationTests.Site;

// What an attacker, a broken client or a bot may send to every form of the site, through the real pipeline. Each refused
// input gets a 4xx page that says what went wrong (the form again, with the input kept, when the fault is in a field),
// never a 5xx, stores nothing and sends no email. Inputs the rules accept are stored as typed and shown only as text.
public sealed class HostileInputTests(HostileInputTests.Site fixture) : IClassFixture<HostileInputTests.Site>
{
    private const string Slug = PetitionSiteFactory.PetitionSlug;
    private const string PetitionPage = "/petitions/" + Slug;
    private const string SignaturesPath = PetitionPage + "/signatures";
    private const string EditPath = "/admin/petitions/" + Slug + "/edit";
    private const string SearchPath = "/admin/petitions/" + Slug + "/signatures";

    private const string ControlInFirstName = "First name must not contain control characters";
    private const string ControlInLastName = "Last name must not contain control characters";
    private const string BadEmail = "Enter an email address in the correct format, like name@example.com";
    private const string Disposable = "Enter your own email address: addresses from disposable email services are not accepted";
    private const string Expired = "This form had expired. Please check your details and send it again.";
    private const string CannotHandle = "This request could not be handled";
    private const string WrongCredentials = "The email address or the password is not right.";
    private const string NotOnTheList = "Select your country from the list";
    private const string BadPostcode = "Postcode can only contain letters, numbers, spaces and hyphens";
    private const string PageExpired = "This page had expired. Please press the button again.";
    private const string ClientNetworkProblem = "Enter a network as the review shows it";
    private const string DomainProblem = "Enter an email domain such as example.org";
    private const string BadSlug = "Web address can only contain lower-case letters, numbers and single hyphens between words";

    private static readonly Dictionary<string, Hostile> Refused = new()
    {
        // Control characters, line breaks and the header injections they carry, in every text field of the signature form.
        // The framework refuses to read a form with NUL anywhere in it, so there is no form to show again.
        ["signature: NUL in the first name"] = SigningFields(s => [.. s.FormFields().Where(f => f.Key != "Form.FirstName"), new("Form.FirstName", "Ada\0")], CannotHandle, HttpStatusCode.BadRequest),
        ["signature: a bell in the first name"] = Signing(("FirstName", "Ada\u0007"), ControlInFirstName),
        ["signature: a terminal escape sequence in the first name"] = Signing(("FirstName", "\u001b[31mAda\u001b[0m"), ControlInFirstName),
        ["signature: DEL in the first name"] = Signing(("FirstName", "Ada\u007f"), ControlInFirstName),
        ["signature: the C1 reverse line feed in the first name"] = Signing(("FirstName", "Ada\u008DLovelace"), ControlInFirstName),
        ["signature: a tab inside the first name"] = Signing(("FirstName", "Ada\tLovelace"), ControlInFirstName),
        ["signature: CRLF and a Bcc header in the last name"] = Signing(("LastName", "Lovelace\r\nBcc: victim@example.org"), ControlInLastName),
        ["signature: a bare LF and a Cc header in the last name"] = Signing(("LastName", "Lovelace\nCc: victim@example.org"), ControlInLastName),
        ["signature: a bare CR in the last name"] = Signing(("LastName", "Lovelace\rSubject: hi"), ControlInLastName),
        ["signature: a Unicode line separator in the last name"] = Signing(("LastName", "Love\u2028lace"), ControlInLastName),
        ["signature: a Unicode paragraph separator in the last name"] = Signing(("LastName", "Love\u2029lace"), ControlInLastName),
        ["signature: a private-use character in the last name"] = Signing(("LastName", "Love\uE000lace"), ControlInLastName),

        // Direction overrides reverse how a name reads beside others (in lists, the CSV, an email).
        ["signature: a right-to-left override in the first name"] = Signing(("FirstName", "\u202Eecalevol"), ControlInFirstName),
        ["signature: a left-to-right override in the last name"] = Signing(("LastName", "\u202DLovelace"), ControlInLastName),
        ["signature: direction isolates in the last name"] = Signing(("LastName", "\u2067Lovelace\u2069"), ControlInLastName),
        ["signature: a right-to-left embedding in the first name"] = Signing(("FirstName", "\u202BAda\u202C"), ControlInFirstName),

        // Names nobody can see are no names.
        ["signature: a first name of a zero-width space"] = Signing(("FirstName", "\u200B"), "Enter your first name"),
        ["signature: a last name of zero-width joiners and a byte-order mark"] = Signing(("LastName", "\u200D\u200C\uFEFF"), "Enter your last name"),
        ["signature: a first name of soft hyphens and word joiners"] = Signing(("FirstName", "\u00AD\u2060\u00AD"), "Enter your first name"),
        ["signature: a last name of non-breaking and ideographic spaces"] = Signing(("LastName", "\u00A0\u3000\u00A0"), "Enter your last name"),

        // Sizes.
        ["signature: a first name of 101 characters"] = Signing(("FirstName", new string('a', 101)), "First name must be 100 characters or fewer"),
        ["signature: a first name of 10,000 characters"] = Signing(("FirstName", new string('x', 10_000)), "First name must be 100 characters or fewer"),
        ["signature: a last name of 101 Arabic letters"] = Signing(("LastName", new string('ب', 101)), "Last name must be 100 characters or fewer"),
        ["signature: an email address of 255 characters"] = Signing(("Email", new string('a', 243) + "@example.org"), "Email address must be 254 characters or fewer"),
        ["signature: a postcode of 21 characters"] = Signing(("Postcode", new string('1', 21)), "Postcode must be 20 characters or fewer"),
        ["signature: a country of 10,000 characters"] = Signing(("Country", new string('G', 10_000)), NotOnTheList),

        // Email addresses that would add recipients or headers, or could not be delivered as typed.
        ["signature: CRLF and a Bcc header in the email"] = Signing(("Email", "ada@example.org\r\nBcc: victim@example.org"), BadEmail),
        ["signature: a bare LF and a Cc header in the email"] = Signing(("Email", "ada@example.org\nCc: victim@example.org"), BadEmail),
        ["signature: a percent-encoded CRLF typed into the email"] = Signing(("Email", "ada@example.org%0d%0abcc:victim@example.org"), BadEmail),
        ["signature: NUL in the email"] = SigningFields(s => [.. s.FormFields().Where(f => f.Key != "Form.Email"), new("Form.Email", "ada\0@example.org")], CannotHandle, HttpStatusCode.BadRequest),
        ["signature: two addresses separated by a comma"] = Signing(("Email", "ada@example.org,victim@example.org"), BadEmail),
        ["signature: two addresses separated by a semicolon"] = Signing(("Email", "ada@example.org;victim@example.org"), BadEmail),
        ["signature: an empty group of recipients"] = Signing(("Email", "undisclosed-recipients:;"), BadEmail),
        ["signature: markup as the email"] = Signing(("Email", "<script>alert(1)</script>@example.org"), BadEmail),
        ["signature: SQL as the email"] = Signing(("Email", "' OR 1=1;--@example.org"), BadEmail),
        ["signature: a second at sign routing elsewhere"] = Signing(("Email", "ada@example.org@victim.example"), BadEmail),
        ["signature: a fullwidth at sign"] = Signing(("Email", "ada＠example.org"), BadEmail),
        ["signature: an address at an IP literal"] = Signing(("Email", "ada@[127.0.0.1]"), BadEmail),
        ["signature: a right-to-left override in the email"] = Signing(("Email", "ada\u202E@example.org"), BadEmail),
        ["signature: a zero-width space in the email"] = Signing(("Email", "ad\u200Ba@example.org"), BadEmail),

        // Throwaway mailboxes, and the bot trap filled in beside a mistake a person would see.
        ["signature: a disposable address"] = Signing(("Email", "ada@mailinator.com"), Disposable),
        ["signature: a disposable address in capitals"] = Signing(("Email", "ADA@MAILINATOR.COM"), Disposable),
        ["signature: markup in the bot trap beside a bad email"] = SigningFields(s => [.. s.FormFields().Where(f => f.Key != "Form.Email"), new("Form.Email", "ada"), new("Form.Website", "\"><script>alert(1)</script>")], BadEmail),

        // Country and postcode.
        ["signature: SQL as the country"] = Signing(("Country", "GB' OR '1'='1"), NotOnTheList),
        ["signature: markup as the country"] = Signing(("Country", "<b>GB</b>"), NotOnTheList),
        ["signature: markup as the postcode"] = Signing(("Postcode", "<script>"), BadPostcode),
        ["signature: SQL as the postcode"] = Signing(("Postcode", "1' OR '1'='1"), BadPostcode),
        ["signature: CRLF inside the postcode"] = Signing(("Postcode", "SW1A\r\n1AA"), BadPostcode),

        // Fields missing, misnamed or of the wrong type.
        ["signature: a checkbox sent as maybe"] = Signing(("ShowNamePublicly", "maybe"), "The value 'maybe' is not valid"),
        ["signature: only the form token"] = SigningFields(_ => [], "Enter your first name"),
        ["signature: fields without their Form prefix"] = SigningFields(s => [.. s.FormFields().Select(f => new KeyValuePair<string, string>(f.Key["Form.".Length..], f.Value))], "Enter your first name"),
        ["signature: fields named in the jQuery style"] = SigningFields(s => [.. s.FormFields().Select(f => new KeyValuePair<string, string>($"Form[{f.Key["Form.".Length..]}]", f.Value))], "Enter your first name"),

        // Form tokens: missing ones are FormTokenTests' subject; these are the ways one can be wrong.
        ["signature: a made-up form token sent before the real one"] = SigningWithToken(token => [new("__form", "CfDJ8made-up"), new("__form", token)], HttpStatusCode.BadRequest, Expired),
        ["signature: an empty form token"] = SigningWithToken(_ => [new("__form", "")], HttpStatusCode.BadRequest, Expired),
        ["signature: a form token of 10,000 characters"] = SigningWithToken(_ => [new("__form", new string('A', 10_000))], HttpStatusCode.BadRequest, Expired),
        ["signature: a form token with one character changed"] = SigningWithToken(token => [new("__form", token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1])], HttpStatusCode.BadRequest, Expired),
        ["signature: the form token under another name"] = SigningWithToken(token => [new("__RequestVerificationToken", token)], HttpStatusCode.BadRequest, Expired),
        ["signature: the form token in the query string"] = Raw((token, supporter) => (Encoded(supporter.FormFields()), "application/x-www-form-urlencoded", "?__form=" + Uri.EscapeDataString(token)), HttpStatusCode.BadRequest, Expired),

        // Bodies that are not the form a browser sends.
        ["signature: JSON with the right fields and token"] = Raw((token, s) => (Utf8($"{{\"Form\":{{\"FirstName\":\"{s.FirstName}\",\"LastName\":\"{s.LastName}\",\"Email\":\"{s.Email}\",\"Country\":\"GB\"}},\"__form\":\"{token}\"}}"), "application/json", ""), HttpStatusCode.UnsupportedMediaType, CannotHandle),
        ["signature: multipart with the right fields and token"] = Raw((token, s) => Multipart(s, token, fileBytes: 0), HttpStatusCode.UnsupportedMediaType, CannotHandle),
        ["signature: multipart with a file of 5 MB beside the fields"] = Raw((token, s) => Multipart(s, token, fileBytes: 5_000_000), HttpStatusCode.UnsupportedMediaType, CannotHandle),
        ["signature: multipart without a boundary"] = Raw((_, _) => (Utf8("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--\r\n"), "multipart/form-data", ""), HttpStatusCode.UnsupportedMediaType, CannotHandle),
        ["signature: multipart cut short"] = Raw((_, _) => (Utf8("--x\r\nContent-Disposition: form-data; name=\"Form.FirstName\"\r\n\r\nAda"), "multipart/form-data; boundary=x", ""), HttpStatusCode.UnsupportedMediaType, CannotHandle),
        ["signature: XML"] = Raw((token, _) => (Utf8($"<Form><FirstName>Ada</FirstName><__form>{token}</__form></Form>"), "application/xml", ""), HttpStatusCode.UnsupportedMediaType, CannotHandle),
        ["signature: the form as text/plain"] = Raw((token, s) => (Encoded([.. s.FormFields(), new("__form", token)]), "text/plain", ""), HttpStatusCode.UnsupportedMediaType, CannotHandle),
        ["signature: the form with no content type"] = Raw((token, s) => (Encoded([.. s.FormFields(), new("__form", token)]), null, ""), HttpStatusCode.BadRequest, Expired),
        ["signature: an empty body"] = Raw((_, _) => ([], "application/x-www-form-urlencoded", ""), HttpStatusCode.BadRequest, Expired),
        ["signature: 64 KB of random bytes"] = Raw((_, _) => (RandomBytes(64 * 1024), "application/x-www-form-urlencoded", ""), HttpStatusCode.BadRequest, CannotHandle),
        ["signature: a hundred extra fields"] = SigningFields(s => [.. s.FormFields(), .. Enumerable.Range(0, 100).Select(i => new KeyValuePair<string, string>($"extra{i}", "1"))], CannotHandle, HttpStatusCode.BadRequest),
        ["signature: a field name of 300 characters"] = SigningFields(s => [.. s.FormFields(), new(new string('k', 300), "1")], CannotHandle, HttpStatusCode.BadRequest),
        ["signature: a last name of 5 MB"] = SigningFields(s => [.. s.FormFields().Where(f => f.Key != "Form.LastName"), new("Form.LastName", new string('x', 5_000_000))], CannotHandle, HttpStatusCode.BadRequest),

        // Bytes a browser never sends: broken percent escapes and invalid UTF-8.
        ["signature: bad percent escapes"] = Raw((_, s) => (Latin1(Query(s.FormFields()) + "&Form.FirstName=%E0%A4%A&Form.Email=%%%&__form=%ZZ"), "application/x-www-form-urlencoded", ""), HttpStatusCode.BadRequest, Expired),
        ["signature: invalid UTF-8 bytes in the first name"] = RawFields("Form.FirstName=Ad\u00FF\u00FEa", ControlInFirstName),
        ["signature: a percent-encoded CRLF in the email"] = RawFields("Form.Email=ada%40example.org%0D%0ABcc%3A%20victim%40example.org", BadEmail),
        ["signature: a truncated escape at the end of the postcode"] = RawFields("Form.Postcode=12%", BadPostcode),
        ["signature: a byte-order mark before the first field"] = Raw((token, s) => (Latin1("\u00EF\u00BB\u00BF" + Query([.. s.FormFields(), new("__form", token)])), "application/x-www-form-urlencoded", ""), HttpStatusCode.UnprocessableEntity, "Enter your first name"),
        ["signature: invalid UTF-8 in the first name's field name"] = Raw((token, s) => (Latin1(Query([.. s.FormFields().Where(f => f.Key != "Form.FirstName"), new("__form", token)]) + "&Form.First\u00FFName=Ada"), "application/x-www-form-urlencoded", ""), HttpStatusCode.UnprocessableEntity, "Enter your first name"),

        // The sign-in form.
        ["sign-in: CRLF and a header in the email"] = SigningIn("admin@example.org\r\nBcc: victim@example.org", "password", WrongCredentials),
        ["sign-in: NUL in the email and the password"] = SigningIn("admin\0@example.org", "pass\0word", CannotHandle, HttpStatusCode.BadRequest),
        ["sign-in: SQL as the email"] = SigningIn("' OR '1'='1' --", "' OR '1'='1' --", WrongCredentials),
        ["sign-in: markup as the email"] = SigningIn("\"><script>alert(1)</script>", "password", WrongCredentials),
        ["sign-in: an email of 10,000 characters"] = SigningIn(new string('a', 10_000) + "@example.org", "password", WrongCredentials),
        ["sign-in: a password of 1 MB"] = SigningIn("nobody@example.org", new string('p', 1_000_000), WrongCredentials),
        ["sign-in: a right-to-left override in the email"] = SigningIn("\u202Egro.elpmaxe@nimda", "password", WrongCredentials),
        ["sign-in: an email of spaces and no password"] = SigningIn("   ", "", "Enter your email address and your password."),
        ["sign-in: without the form token"] = Posting("/account/login", _ => Task.FromResult<(byte[], string?)>((Encoded([new("Email", "admin@example.org"), new("Password", "x")]), "application/x-www-form-urlencoded")), HttpStatusCode.BadRequest, CannotHandle),
        ["sign-in: JSON"] = Posting("/account/login", _ => Task.FromResult<(byte[], string?)>((Utf8("{\"Email\":\"admin@example.org\",\"Password\":\"x\"}"), "application/json")), HttpStatusCode.UnsupportedMediaType, CannotHandle),

        // Pressing "Confirm my signature" for a real, unconfirmed signature with a body no browser sends.
        ["confirmation: JSON with the form token"] = Confirming(token => (Utf8($"{{\"__form\":\"{token}\"}}"), "application/json"), HttpStatusCode.UnsupportedMediaType, CannotHandle),
        ["confirmation: multipart with the form token"] = Confirming(token => Multipart([new("__form", token)]), HttpStatusCode.UnsupportedMediaType, CannotHandle),
        ["confirmation: a value of 5 MB"] = Confirming(token => (Encoded([new("__form", token), new("x", new string('x', 5_000_000))]), "application/x-www-form-urlencoded"), HttpStatusCode.BadRequest, CannotHandle),
        ["confirmation: 1,100 fields"] = Confirming(token => (Encoded([new("__form", token), .. Enumerable.Range(0, 1100).Select(i => new KeyValuePair<string, string>($"x{i}", "1"))]), "application/x-www-form-urlencoded"), HttpStatusCode.BadRequest, CannotHandle),
        ["confirmation: 64 KB of random bytes"] = Confirming(_ => (RandomBytes(64 * 1024), "application/x-www-form-urlencoded"), HttpStatusCode.BadRequest, PageExpired),
        ["confirmation: a made-up form token"] = Confirming(_ => (Encoded([new("__form", "CfDJ8made-up")]), "application/x-www-form-urlencoded"), HttpStatusCode.BadRequest, PageExpired),
        ["confirmation: the form token twice"] = Confirming(token => (Encoded([new("__form", token), new("__form", token)]), "application/x-www-form-urlencoded"), HttpStatusCode.BadRequest, PageExpired),

        // Pressing "Withdraw my signature" for a real signature with a body no browser sends.
        ["withdrawal: JSON with the form token"] = Withdrawing(token => (Utf8($"{{\"__form\":\"{token}\"}}"), "application/json"), HttpStatusCode.UnsupportedMediaType, CannotHandle),
        ["withdrawal: multipart with the form token"] = Withdrawing(token => Multipart([new("__form", token)]), HttpStatusCode.UnsupportedMediaType, CannotHandle),
        ["withdrawal: a value of 5 MB"] = Withdrawing(token => (Encoded([new("__form", token), new("x", new string('x', 5_000_000))]), "application/x-www-form-urlencoded"), HttpStatusCode.BadRequest, CannotHandle),
        ["withdrawal: 1,100 fields"] = Withdrawing(token => (Encoded([new("__form", token), .. Enumerable.Range(0, 1100).Select(i => new KeyValuePair<string, string>($"x{i}", "1"))]), "application/x-www-form-urlencoded"), HttpStatusCode.BadRequest, CannotHandle),
        ["withdrawal: a made-up form token"] = Withdrawing(_ => (Encoded([new("__form", "CfDJ8made-up")]), "application/x-www-form-urlencoded"), HttpStatusCode.BadRequest, PageExpired),
        ["withdrawal: NUL beside the form token"] = Withdrawing(token => (Encoded([new("__form", token), new("x", "\0")]), "application/x-www-form-urlencoded"), HttpStatusCode.BadRequest, CannotHandle),

        // Stopping the emails of a real signer who asked for them, as a mail provider's one-click post would, but hostile.
        ["unsubscribe: JSON saying One-Click"] = Unsubscribing(Utf8("{\"List-Unsubscribe\":\"One-Click\"}"), "application/json", HttpStatusCode.UnsupportedMediaType, CannotHandle),
        ["unsubscribe: XML saying One-Click"] = Unsubscribing(Utf8("<List-Unsubscribe>One-Click</List-Unsubscribe>"), "application/xml", HttpStatusCode.UnsupportedMediaType, CannotHandle),
        ["unsubscribe: multipart with a file of 5 MB"] = Unsubscribing(Multipart([new("List-Unsubscribe", "One-Click")], 5_000_000), HttpStatusCode.BadRequest, CannotHandle),
        ["unsubscribe: a hundred fields before One-Click"] = Unsubscribing(Encoded([.. Enumerable.Range(0, 100).Select(i => new KeyValuePair<string, string>($"x{i}", "1")), new("List-Unsubscribe", "One-Click")]), "application/x-www-form-urlencoded", HttpStatusCode.BadRequest, CannotHandle),
        ["unsubscribe: another value before One-Click"] = Unsubscribing(Encoded([new("List-Unsubscribe", "yes"), new("List-Unsubscribe", "One-Click")]), "application/x-www-form-urlencoded", HttpStatusCode.BadRequest, "Nothing was changed"),

        // The petition editor (an open petition: its address cannot change) and a new petition.
        ["editor: NUL in the title"] = Editing(("Title", "Free\0 Walid"), CannotHandle, HttpStatusCode.BadRequest),
        ["editor: CRLF in the title"] = Editing(("Title", "Free Walid\r\nX-Injected: 1"), "Title must not contain control characters"),
        ["editor: a right-to-left override in the title"] = Editing(("Title", "Free \u202EdilaW"), "Title must not contain control characters"),
        ["editor: a title of 201 characters"] = Editing(("Title", new string('t', 201)), "Title must be 200 characters or fewer"),
        ["editor: a title of zero-width spaces"] = Editing(("Title", "\u200B\u200B"), "Enter a title"),
        ["editor: a bell in the summary"] = Editing(("Summary", "Free him\u0007"), "Summary must not contain control characters"),
        ["editor: a summary of 501 characters"] = Editing(("Summary", new string('s', 501)), "Summary must be 500 characters or fewer"),
        ["editor: a body of 100,001 characters"] = Editing(("BodyMarkdown", new string('b', 100_001)), "Text of the petition must be 100,000 characters or fewer"),
        ["editor: a bell in the body"] = Editing(("BodyMarkdown", "Free him.\u0007"), "Text of the petition must not contain control characters"),
        ["editor: a goal beyond any number"] = Editing(("Goal", "99999999999999999999"), "Goal must be a whole number"),
        ["editor: a negative goal"] = Editing(("Goal", "-5"), "Goal must be a whole number"),
        ["editor: a goal with an exponent"] = Editing(("Goal", "1e9"), "Goal must be a whole number"),
        ["editor: SQL as the goal"] = Editing(("Goal", "1; UPDATE Petitions SET SignatureCount = 1000000"), "Goal must be a whole number"),
        ["editor: an impossible closing date"] = Editing(("ClosesAt", "2030-13-45T25:61"), "Closing date must be a date and time"),
        ["editor: markup as the closing date"] = Editing(("ClosesAt", "<script>alert(1)</script>"), "Closing date must be a date and time"),
        ["new petition: a web address climbing out of its folder"] = Creating(("Slug", "../admin"), BadSlug),
        ["new petition: markup as the web address"] = Creating(("Slug", "<script>alert(1)</script>"), BadSlug),
        ["new petition: a web address with a Cyrillic letter"] = Creating(("Slug", "frее-walid-daqqah"), BadSlug),
        ["new petition: a line break inside the web address"] = Creating(("Slug", "free\nwalid"), BadSlug),
        ["new petition: a web address of 101 characters"] = Creating(("Slug", new string('a', 101)), "Web address must be 100 characters or fewer"),
        ["editor: without the form token"] = Posting(EditPath, _ => Task.FromResult<(byte[], string?)>((Encoded(EditorFields()), "application/x-www-form-urlencoded")), HttpStatusCode.BadRequest, CannotHandle, asAdmin: true),
        ["editor: JSON with the form token"] = Posting(EditPath, async site => (Utf8($"{{\"Title\":\"x\",\"__form\":\"{(await site.Admin.OpenAsync(EditPath)).FormToken}\"}}"), "application/json"), HttpStatusCode.UnsupportedMediaType, CannotHandle, asAdmin: true),

        // The moderation search (a GET form).
        ["search: a name of 101 characters"] = Searching("?Name=" + new string('n', 101), "A name is at most 100 characters."),
        ["search: an email of 255 characters"] = Searching("?Email=" + new string('e', 243) + "%40example.org", "An email address is at most 254 characters."),
        ["search: SQL as the state"] = Searching("?State=" + Uri.EscapeDataString("pending' OR '1'='1"), "Choose a state from the list."),
        ["search: markup as the start"] = Searching("?From=" + Uri.EscapeDataString("<script>alert(1)</script>"), "Enter the start as a date and time"),
        ["search: an impossible end"] = Searching("?To=2030-02-30T10:00", "Enter the end as a date and time"),

        // The fraud review's bulk invalidation: nothing may widen it to every signature, nor slip into its audit line.
        ["fraud review: a network of everything"] = Reviewing(("Network", "0.0.0.0/0"), "That range is too wide to match"),
        ["fraud review: SQL after the network"] = Reviewing(("Network", "198.51.100.0/24' OR '1'='1"), ClientNetworkProblem),
        ["fraud review: a network of 10,000 characters"] = Reviewing(("Network", new string('1', 10_000)), ClientNetworkProblem),
        ["fraud review: a LIKE wildcard as the domain"] = Reviewing(("Domain", "%"), DomainProblem),
        ["fraud review: a LIKE wildcard inside the domain"] = Reviewing(("Domain", "%.org"), DomainProblem),
        ["fraud review: CRLF in the domain"] = Reviewing(("Domain", "example.org\r\nBcc: victim@example.org"), DomainProblem),
        ["fraud review: only a reason"] = Reviewing(("Network", ""), "Give a network, an email domain or a time window"),
        ["fraud review: confirmed with a forged preview and no criterion"] = ReviewingFields([new("Network", ""), new("Reason", "Bots"), new("Confirmed", "true"), new("UpTo", "999999999")], "Give a network, an email domain or a time window"),
        ["fraud review: a bell in the reason"] = Reviewing(("Reason", "Bots\u0007"), "The reason must not contain control characters."),
        ["fraud review: a right-to-left override in the reason"] = Reviewing(("Reason", "\u202Estob"), "The reason must not contain control characters."),
        ["fraud review: a reason of 501 characters"] = Reviewing(("Reason", new string('r', 501)), "The reason is at most 500 characters."),
        ["fraud review: an impossible start"] = Reviewing(("From", "2030-02-30T10:00"), "Enter the start as a date and time"),

        // Inviting an organiser.
        ["invitation: CRLF and a Bcc header in the email"] = Inviting("new-organiser@example.org\r\nBcc: victim@example.org", BadEmail),
        ["invitation: two addresses"] = Inviting("one@example.org, two@example.org", BadEmail),
        ["invitation: a display name with the address"] = Inviting("\"Admin\" <x@example.org>\r\n", BadEmail),
        ["invitation: NUL in the email"] = Inviting("new\0@example.org", CannotHandle, HttpStatusCode.BadRequest),
        ["invitation: markup as the email"] = Inviting("\"><script>alert(1)</script>@example.org", BadEmail),
        ["invitation: an email of 257 characters"] = Inviting(new string('i', 245) + "@example.org", "Email address must be 256 characters or fewer"),
        ["invitation: without the form token"] = Posting("/admin/people", _ => Task.FromResult<(byte[], string?)>((Encoded([new("Email", "new@example.org")]), "application/x-www-form-urlencoded")), HttpStatusCode.BadRequest, CannotHandle, asAdmin: true),
    };

    public static TheoryData<string> RefusedInputs => [.. Refused.Keys];

    [Theory]
    [MemberData(nameof(RefusedInputs))]
    public async Task A_hostile_input_gets_a_clear_refusal_and_changes_nothing(string input)
    {
        var hostile = Refused[input];
        var arranged = hostile.Arrange is null ? null : await hostile.Arrange(fixture);
        var before = await fixture.StoredAsync();

        var sent = await hostile.Send(fixture, arranged);
        using var response = sent.Response;
        var page = await WebPage.ReadAsync(response);

        Assert.True((int)page.Status < 500, $"{input}: {(int)page.Status}");
        Assert.True(hostile.Status == page.Status, $"{input}: expected {(int)hostile.Status}, got {(int)page.Status}: {page.Text}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(hostile.Message, page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", page.Text, StringComparison.Ordinal);
        if (page.Status == HttpStatusCode.UnprocessableEntity || hostile.Message == Expired)
        {
            Assert.Contains(hostile.Message, page.Document.QuerySelector("[role=alert], .error-summary")?.TextContent, StringComparison.Ordinal);
        }

        foreach (var (selector, typed) in sent.Kept)
        {
            var field = page.Document.QuerySelector(selector);
            Assert.NotNull(field);
            // An empty field is sent back without a value attribute.
            Assert.Equal(AsParsed(typed), field is IElement { LocalName: "textarea" } ? field.TextContent : field.GetAttribute("value") ?? "");
        }

        AssertNoInjectedMarkup(page);
        // Whatever a bot put in the trap is never shown back to it.
        Assert.Equal("", page.Document.QuerySelector("#Form_Website")?.GetAttribute("value") ?? "");
        Assert.Equal(before, await fixture.StoredAsync());
        if (sent.Email is not null)
        {
            Assert.Empty(fixture.Smtp.MessagesTo(sent.Email));
        }
    }

    // Signed as typed: each is a valid signature by the form's rules, even if it looks like an attack.
    private static readonly Dictionary<string, Supporter> Accepted = new()
    {
        ["a script element as the first name"] = Supporter.New("<script>alert(\"owned\")</script>", "Lovelace"),
        ["an attribute breakout and an image as the last name"] = Supporter.New("Ada", "\"><img src=x onerror=alert(1)>"),
        ["SQL as the last name"] = Supporter.New("Robert", "'); DROP TABLE Signatures;--"),
        ["a spreadsheet formula as the first name"] = Supporter.New("=HYPERLINK(\"https://evil.example\",\"x\")", "Formula"),
        ["an emoji name with joiners and skin tones"] = Supporter.New("👩🏽\u200D💻", "🏳\uFE0F\u200D🌈"),
        ["a Cyrillic name that looks Latin"] = Supporter.New("Аdа", "Lоvеlасе"),
        ["a Persian name with a zero-width non-joiner"] = Supporter.New("مهرنوش", "می\u200Cخواه"),
        ["an email address that looks like SQL"] = Supporter.New("Quoted", "Address") with { Email = $"x'or'1'='{Guid.NewGuid():N}@example.org" },
    };

    public static TheoryData<string> AcceptedInputs => [.. Accepted.Keys];

    [Theory]
    [MemberData(nameof(AcceptedInputs))]
    public async Task An_input_the_rules_accept_is_stored_exactly_as_typed(string input)
    {
        var supporter = Accepted[input] with { Email = Accepted[input].Email.Replace("supporter-", $"accepted-{Guid.NewGuid():N}-", StringComparison.Ordinal) };

        using var response = await fixture.NewSupporter().SignAsync(supporter);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var signature = Assert.Single(await fixture.SignaturesFromAsync(supporter.Email));
        Assert.Equal(supporter.FirstName, signature.FirstName);
        Assert.Equal(supporter.LastName, signature.LastName);
        Assert.Equal(supporter.Email, signature.Email);
        Assert.Equal(SignatureState.Pending, signature.State);
        await fixture.Smtp.WaitForMessageToAsync(supporter.Email);
    }

    [Theory]
    [InlineData("%ED%A0%80")] // the UTF-8 form of a lone surrogate
    [InlineData("%C0%AF")] // an overlong UTF-8 slash
    public async Task Percent_escapes_of_bytes_that_are_not_UTF_8_are_kept_as_the_text_that_was_sent(string escapes)
    {
        var supporter = Supporter.New();
        var client = fixture.NewSupporter();
        var token = (await client.OpenAsync(PetitionPage)).FormToken;
        var body = Query([.. supporter.FormFields().Where(f => f.Key != "Form.LastName"), new("__form", token)]) + "&Form.LastName=Love" + escapes + "lace";

        using var response = await client.Http.PostAsync(SignaturesPath, Content(Utf8(body), "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"Love{escapes}lace", Assert.Single(await fixture.SignaturesFromAsync(supporter.Email)).LastName);
    }

    [Fact]
    public async Task A_repeated_email_field_signs_with_the_first_address_and_writes_to_no_other()
    {
        var supporter = Supporter.New("Repeated");
        var other = Supporter.New("Other");

        using var response = await fixture.NewSupporter().SendSignatureFormAsync([.. supporter.FormFields(), new("Form.Email", other.Email)]);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Single(await fixture.SignaturesFromAsync(supporter.Email));
        Assert.Empty(await fixture.SignaturesFromAsync(other.Email));
        await fixture.Smtp.WaitForMessageToAsync(supporter.Email);
        await fixture.AssertNoEmailToAsync(other.Email);
    }

    [Fact]
    public async Task Names_that_look_like_code_are_shown_as_text_wherever_staff_see_them_and_never_on_the_public_page()
    {
        var signers = Accepted.Values.Select(s => s with { Email = $"shown-{Guid.NewGuid():N}@example.org", ShowNamePublicly = true }).ToList();
        foreach (var signer in signers)
        {
            using var confirmed = await fixture.NewSupporter().ConfirmAsync(await fixture.SignAndGetLinkAsync(signer));
            Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        }

        var names = signers.Select(s => $"{s.FirstName} {s.LastName}").ToList();
        var dashboard = await DashboardListingAsync(names);
        Assert.Equal(names.AsEnumerable().Reverse(), dashboard.Document.QuerySelectorAll(".latest-signers li").Take(names.Count).Select(li => WebPage.Normalize(li.TextContent)));
        AssertNoInjectedMarkup(dashboard);

        foreach (var signer in signers)
        {
            var search = await fixture.Admin.OpenAsync($"{SearchPath}?Email={Uri.EscapeDataString(signer.Email)}");
            Assert.Equal(HttpStatusCode.OK, search.Status);
            Assert.Equal($"{signer.FirstName} {signer.LastName}", WebPage.Normalize(search.Document.QuerySelector("tbody th[scope=row]")?.TextContent));
            AssertNoInjectedMarkup(search);
        }

        using var csv = await fixture.Admin.Http.GetAsync($"/admin/petitions/{Slug}/signatures.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var rows = ReadCsv(await csv.Content.ReadAsByteArrayAsync());
        foreach (var signer in signers)
        {
            var row = Assert.Single(rows, r => r["email"] == signer.Email);
            // A formula stays text in a spreadsheet: the exporter puts a quote in front of it.
            Assert.Equal(signer.FirstName.StartsWith('=') ? "'" + signer.FirstName : signer.FirstName, row["first_name"]);
            Assert.Equal(signer.LastName, row["last_name"]);
        }

        var publicPage = await fixture.NewSupporter().OpenAsync(PetitionPage);
        Assert.All(signers, s => Assert.DoesNotContain(s.LastName, publicPage.Document.DocumentElement.OuterHtml, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_terms_that_look_like_code_or_wildcards_find_nothing_and_are_shown_back_as_typed()
    {
        foreach (var term in new[] { "%", "_", "' OR '1'='1", "\"><script>alert(1)</script>", "%' --", "\\" })
        {
            var page = await fixture.Admin.OpenAsync($"{SearchPath}?Name={Uri.EscapeDataString(term)}");

            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(term, page.Document.QuerySelector("#Name")?.GetAttribute("value"));
            Assert.Empty(page.Document.QuerySelectorAll("tbody tr"));
            AssertNoInjectedMarkup(page);
        }
    }

    [Fact]
    public async Task The_site_keeps_signing_after_every_body_it_could_not_read()
    {
        foreach (var hostile in Refused.Where(r => r.Key.StartsWith("signature:", StringComparison.Ordinal) && r.Value.Status != HttpStatusCode.UnprocessableEntity).Select(r => r.Value))
        {
            var arranged = hostile.Arrange is null ? null : await hostile.Arrange(fixture);
            using var response = (await hostile.Send(fixture, arranged)).Response;
            Assert.True((int)response.StatusCode < 500);
        }

        var supporter = Supporter.New("Afterwards");
        await fixture.SignAndGetLinkAsync(supporter);
        Assert.Single(await fixture.SignaturesFromAsync(supporter.Email));
    }

    // The dashboard shares one reading among requests within a second; the signers appear in the next.
    private async Task<WebPage> DashboardListingAsync(IReadOnlyList<string> names)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (true)
        {
            var page = await fixture.Admin.OpenAsync($"/admin/petitions/{Slug}");
            var shown = page.Document.QuerySelectorAll(".latest-signers li").Select(li => WebPage.Normalize(li.TextContent)).ToList();
            if (names.All(shown.Contains) || DateTime.UtcNow > deadline)
            {
                return page;
            }

            await Task.Delay(200);
        }
    }

    private static void AssertNoInjectedMarkup(WebPage page)
    {
        Assert.Empty(page.Document.QuerySelectorAll("script:not([src]), [onerror], [onload], img[src=x]"));
        Assert.All(page.Document.QuerySelectorAll("script[src]"), script => Assert.StartsWith("/js/", script.GetAttribute("src"), StringComparison.Ordinal));
    }

    private static List<Dictionary<string, string>> ReadCsv(byte[] csv)
    {
        using var reader = CsvReader.Create(csv, new CsvReaderOptions());
        var records = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            var headers = reader.Headers;
            records.Add(Enumerable.Range(0, headers.Count).ToDictionary(i => headers[i], reader.GetString));
        }

        return records;
    }

    // How a value kept in a form comes back once an HTML parser has read the page: trimmed as the site trims, NUL as U+FFFD.
    private static string AsParsed(string typed) => typed.Trim().Replace('\0', '\uFFFD');

    // The signature form of a new supporter with these fields changed; a refusal beside a field keeps every text field as typed.
    private static Hostile Signing((string Field, string Value) change, string message) =>
        SigningFields(s => [.. s.FormFields().Where(f => f.Key != "Form." + change.Field), new("Form." + change.Field, change.Value)], message);

    private static Hostile SigningFields(Func<Supporter, List<KeyValuePair<string, string>>> fields, string message, HttpStatusCode status = HttpStatusCode.UnprocessableEntity) =>
        new(async (site, _) =>
        {
            var supporter = Supporter.New();
            var client = site.NewSupporter();
            var token = (await client.OpenAsync(PetitionPage)).FormToken;
            var body = fields(supporter);
            var response = await client.Http.PostAsync(SignaturesPath, Content(Encoded([.. body, new("__form", token)]), "application/x-www-form-urlencoded"));
            var kept = status == HttpStatusCode.UnprocessableEntity
                ? body.Where(f => f.Key is "Form.FirstName" or "Form.LastName" or "Form.Email" or "Form.Postcode").GroupBy(f => f.Key).ToDictionary(g => "#" + g.Key.Replace('.', '_'), g => g.First().Value)
                : [];
            return new Sent(response, supporter.Email, kept);
        }, status, message);

    private static Hostile SigningWithToken(Func<string, List<KeyValuePair<string, string>>> token, HttpStatusCode status, string message) =>
        new(async (site, _) =>
        {
            var supporter = Supporter.New();
            var client = site.NewSupporter();
            var real = (await client.OpenAsync(PetitionPage)).FormToken;
            var response = await client.Http.PostAsync(SignaturesPath, Content(Encoded([.. supporter.FormFields(), .. token(real)]), "application/x-www-form-urlencoded"));
            return new Sent(response, supporter.Email, new() { ["#Form_FirstName"] = supporter.FirstName, ["#Form_Email"] = supporter.Email });
        }, status, message);

    // A valid supporter's fields with one of them replaced by raw text, sent as bytes.
    private static Hostile RawFields(string raw, string message)
    {
        var field = raw[..raw.IndexOf('=', StringComparison.Ordinal)];
        return Raw((token, s) => (Latin1(Query([.. s.FormFields().Where(f => f.Key != field), new("__form", token)]) + "&" + raw), "application/x-www-form-urlencoded", ""), HttpStatusCode.UnprocessableEntity, message);
    }

    private static Hostile Raw(Func<string, Supporter, (byte[] Body, string? ContentType, string Query)> body, HttpStatusCode status, string message) =>
        new(async (site, _) =>
        {
            var supporter = Supporter.New();
            var client = site.NewSupporter();
            var token = (await client.OpenAsync(PetitionPage)).FormToken;
            var (bytes, contentType, query) = body(token, supporter);
            var response = await client.Http.PostAsync(SignaturesPath + query, Content(bytes, contentType));
            return new Sent(response, supporter.Email, []);
        }, status, message);

    private static Hostile SigningIn(string email, string password, string message, HttpStatusCode status = HttpStatusCode.UnprocessableEntity) =>
        new(async (site, _) =>
        {
            var client = site.Site.CreateStaffClient();
            var response = await client.PostFormAsync("/account/login", [new("Email", email), new("Password", password)]);
            return new Sent(response, null, string.IsNullOrWhiteSpace(email) || status != HttpStatusCode.UnprocessableEntity ? [] : new() { ["#Email"] = email });
        }, status, message);

    // Each case presses the button for a signature of its own, made before the test looks at what is stored.
    private static Hostile Confirming(Func<string, (byte[] Body, string? ContentType)> body, HttpStatusCode status, string message) =>
        new(
            async (site, link) =>
            {
                var client = site.NewSupporter();
                var token = (await client.OpenAsync(link!)).FormToken;
                var (bytes, contentType) = body(token);
                var response = await client.Http.PostAsync(new Uri(link!).AbsolutePath, Content(bytes, contentType));
                return new Sent(response, null, []);
            },
            status,
            message,
            site => site.SignAndGetLinkAsync(Supporter.New("Pending")));

    // Each case presses the button for a signature of its own, from the link in its email.
    private static Hostile Withdrawing(Func<string, (byte[] Body, string? ContentType)> body, HttpStatusCode status, string message) =>
        new(
            async (site, link) =>
            {
                var client = site.NewSupporter();
                var token = (await client.OpenAsync(link!)).FormToken;
                var (bytes, contentType) = body(token);
                return new Sent(await client.Http.PostAsync(link, Content(bytes, contentType)), null, []);
            },
            status,
            message,
            async site =>
            {
                var supporter = Supporter.New("Withdrawing");
                await site.SignAndGetLinkAsync(supporter);
                return new Uri(PetitionSiteFactory.WithdrawalLinkIn(await site.Smtp.WaitForMessageToAsync(supporter.Email))).AbsolutePath;
            });

    // Each case posts to the unsubscribe link of a signer of its own who asked to be kept informed, without a cookie, as a mail provider does.
    private static Hostile Unsubscribing(byte[] body, string contentType, HttpStatusCode status, string message) =>
        Unsubscribing((body, contentType), status, message);

    private static Hostile Unsubscribing((byte[] Body, string ContentType) body, HttpStatusCode status, string message) =>
        new(
            async (site, path) => new Sent(await site.Site.CreateClient().PostAsync(path, Content(body.Body, body.ContentType)), null, []),
            status,
            message,
            async site =>
            {
                var supporter = Supporter.New("Informed") with { KeepInformed = true };
                await site.SignAndGetLinkAsync(supporter);
                var email = await site.Smtp.WaitForMessageToAsync(supporter.Email);
                return new Uri(email.Headers[HeaderId.ListUnsubscribe]!.Trim().TrimStart('<').TrimEnd('>')).PathAndQuery;
            });

    private static List<KeyValuePair<string, string>> EditorFields() =>
    [
        new("Title", "Free Walid Daqqah!"), new("Slug", Slug), new("Summary", "Free him."), new("BodyMarkdown", "Free him."),
        new("Goal", "10000"), new("OpensAt", ""), new("ClosesAt", ""),
    ];

    private static Hostile Editing((string Field, string Value) change, string message, HttpStatusCode status = HttpStatusCode.UnprocessableEntity) =>
        new(async (site, _) =>
        {
            var fields = EditorFields().Select(f => f.Key == change.Field ? new(f.Key, change.Value) : f).ToList();
            var response = await site.Admin.PostFormAsync(EditPath, fields);
            return new Sent(response, null, status != HttpStatusCode.UnprocessableEntity ? [] : new() { ["#" + change.Field] = change.Value });
        }, status, message);

    private static Hostile Creating((string Field, string Value) change, string message) =>
        new(async (site, _) =>
        {
            var fields = EditorFields().Select(f => f.Key == "Slug" ? new(f.Key, "a-new-petition") : f).Select(f => f.Key == change.Field ? new(f.Key, change.Value) : f).ToList();
            var response = await site.Admin.PostFormAsync("/admin/petitions/new", fields);
            return new Sent(response, null, new() { ["#Title"] = "Free Walid Daqqah!" });
        }, HttpStatusCode.UnprocessableEntity, message);

    private static Hostile Searching(string query, string message) =>
        new(async (site, _) => new Sent(await site.Admin.Http.GetAsync(SearchPath + query), null, []), HttpStatusCode.UnprocessableEntity, message);

    private static Hostile Reviewing((string Field, string Value) change, string message) =>
        ReviewingFields([new("Network", "198.51.100.0/24"), new("Reason", "Bots from one network")], message, change);

    private static Hostile ReviewingFields(List<KeyValuePair<string, string>> fields, string message, (string Field, string Value)? change = null) =>
        new(async (site, _) =>
        {
            var sent = fields.Where(f => f.Key != change?.Field).Append(new(change?.Field ?? "", change?.Value ?? "")).Where(f => f.Key.Length > 0).ToList();
            var response = await site.Admin.PostFormAsync($"/admin/petitions/{Slug}/review/invalidate", sent, $"/admin/petitions/{Slug}/review");
            var kept = sent.Where(f => f.Key is "Network" or "Domain" or "Reason").ToDictionary(f => "#" + f.Key, f => f.Key == "Reason" ? f.Value.ReplaceLineEndings(" ") : f.Value);
            return new Sent(response, null, kept);
        }, HttpStatusCode.UnprocessableEntity, message);

    private static Hostile Inviting(string email, string message, HttpStatusCode status = HttpStatusCode.UnprocessableEntity) =>
        new(async (site, _) =>
        {
            var response = await site.Admin.PostFormAsync("/admin/people", [new("Email", email)]);
            return new Sent(response, null, status != HttpStatusCode.UnprocessableEntity ? [] : new() { ["#Email"] = email });
        }, status, message);

    private static Hostile Posting(string path, Func<Site, Task<(byte[] Body, string? ContentType)>> body, HttpStatusCode status, string message, bool asAdmin = false) =>
        new(async (site, _) =>
        {
            var http = asAdmin ? site.Admin.Http : site.Site.CreateStaffClient().Http;
            var (bytes, contentType) = await body(site);
            return new Sent(await http.PostAsync(path, Content(bytes, contentType)), null, []);
        }, status, message);

    private static ByteArrayContent Content(byte[] body, string? contentType)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return content;
    }

    private static byte[] Encoded(IEnumerable<KeyValuePair<string, string>> fields) => Utf8(Query(fields));

    // Fields as a browser encodes a form, for a test to append raw text to.
    private static string Query(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    // Each char one byte, so that "\u00FF" in a test's text is the byte 0xFF on the wire.
    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(42).NextBytes(bytes);
        return bytes;
    }

    private static (byte[] Body, string ContentType, string Query) Multipart(Supporter supporter, string token, int fileBytes)
    {
        var (body, contentType) = Multipart([.. supporter.FormFields(), new("__form", token)], fileBytes);
        return (body, contentType, "");
    }

    private static (byte[] Body, string ContentType) Multipart(List<KeyValuePair<string, string>> fields, int fileBytes = 0)
    {
        using var content = new MultipartFormDataContent("hostile-boundary");
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }

        if (fileBytes > 0)
        {
            var file = new ByteArrayContent(new byte[fileBytes]);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, "upload", "upload.bin");
        }

        using var body = new MemoryStream();
        content.CopyTo(body, null, CancellationToken.None);
        return (body.ToArray(), content.Headers.ContentType!.ToString());
    }

    // One hostile request: how to send it (given what Arrange made beforehand, if anything), and the refusal it must get.
    public sealed record Hostile(Func<Site, string?, Task<Sent>> Send, HttpStatusCode Status, string Message, Func<Site, Task<string>>? Arrange = null);

    // The answer, the address that must get no email, and the fields that must come back as typed (selector -> value).
    public sealed record Sent(HttpResponseMessage Response, string? Email, Dictionary<string, string> Kept);

    // Everything a hostile request could change: if any of it moves, something was stored.
    public sealed record Stored(int Signatures, int Confirmed, int Invalidated, int KeptInformed, int Count, int Revision, string Title, int Petitions, int Revisions, int Outbox, int Invitations, int Users);

    public sealed class Site : SiteFixture
    {
        public StaffClient Admin { get; private set; } = null!;

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            Admin = (await Site.SignedInStaffAsync("hostile-admin@example.org")).Client;
        }

        public Task<Stored> StoredAsync() => Site.QueryAsync(async db =>
        {
            var petition = await db.Petitions.AsNoTracking().SingleAsync(p => p.Slug == Slug);
            return new Stored(
                await db.Signatures.CountAsync(),
                await db.Signatures.CountAsync(s => s.State == SignatureState.Validated),
                await db.Signatures.CountAsync(s => s.State == SignatureState.Invalidated),
                await db.Signatures.CountAsync(s => s.KeepInformed),
                petition.SignatureCount,
                petition.Revision,
                petition.Title,
                await db.Petitions.CountAsync(),
                await db.PetitionRevisions.CountAsync(),
                await db.OutboxMessages.CountAsync(),
                await db.Invitations.CountAsync(),
                await db.Users.CountAsync());
        });
    }
}
