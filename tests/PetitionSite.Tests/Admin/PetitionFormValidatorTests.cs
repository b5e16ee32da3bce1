using PetitionSite.Admin.Petitions;

namespace PetitionSite.Tests.Admin;

public sealed class PetitionFormValidatorTests
{
    private readonly PetitionFormValidator validator = new();

    private static PetitionForm Valid() => new()
    {
        Title = "Keep the library open",
        Slug = "keep-the-library-open",
        Summary = "The town library should stay open on Saturdays.",
        BodyMarkdown = "Keep it open.",
        Goal = "10,000",
        OpensAt = "2031-05-01T09:00",
        ClosesAt = "2031-06-01T09:00",
    };

    [Fact]
    public void A_complete_form_is_valid()
    {
        var result = validator.Validate(Valid());

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(10_000, Valid().ParsedGoal);
        Assert.Equal(new DateTime(2031, 5, 1, 9, 0, 0, DateTimeKind.Utc), Valid().ParsedOpensAt);
        Assert.Equal(DateTimeKind.Utc, Valid().ParsedClosesAt!.Value.Kind);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("save-the-library")]
    [InlineData("2030-vote")]
    public void Lower_case_words_and_hyphens_make_a_web_address(string slug) =>
        Assert.True(validator.Validate(With(f => f.Slug = slug)).IsValid);

    [Theory]
    [InlineData("Save-the-library")]
    [InlineData("-leading")]
    [InlineData("trailing-")]
    [InlineData("two--hyphens")]
    [InlineData("with space")]
    [InlineData("accentué")]
    [InlineData("new")]
    [InlineData("admin")]
    public void Other_web_addresses_get_one_message(string slug)
    {
        var error = Assert.Single(validator.Validate(With(f => f.Slug = slug)).Errors);

        Assert.Equal(nameof(PetitionForm.Slug), error.PropertyName);
    }

    [Fact]
    public void Long_texts_are_refused()
    {
        var result = validator.Validate(With(f =>
        {
            f.Title = new string('t', PetitionFormValidator.TitleLength + 1);
            f.Slug = new string('s', PetitionFormValidator.SlugLength + 1);
            f.Summary = new string('u', PetitionFormValidator.SummaryLength + 1);
        }));

        Assert.Equal(["Title", "Slug", "Summary"], result.Errors.Select(e => e.PropertyName));
    }

    [Theory]
    [InlineData("Title", "\u200B\u200B", "Enter a title")]
    [InlineData("Title", "Free \u202EdilaW", "Title must not contain control characters")]
    [InlineData("Summary", "\u3164", "Enter a summary")]
    [InlineData("BodyMarkdown", "Free him.\u0007", "Text of the petition must not contain control characters")]
    public void Invisible_texts_and_hidden_controls_are_refused(string field, string value, string message) =>
        Assert.Equal(message, Assert.Single(validator.Validate(With(f => typeof(PetitionForm).GetProperty(field)!.SetValue(f, value))).Errors).ErrorMessage);

    [Fact]
    public void A_body_keeps_its_lines_and_tabs_up_to_its_length()
    {
        Assert.True(validator.Validate(With(f => f.BodyMarkdown = "## Why\r\n\r\n\tcode\n" + new string('b', PetitionFormValidator.BodyLength - 20))).IsValid);
        Assert.Equal(
            "Text of the petition must be 100,000 characters or fewer",
            Assert.Single(validator.Validate(With(f => f.BodyMarkdown = new string('b', PetitionFormValidator.BodyLength + 1))).Errors).ErrorMessage);
    }

    [Theory]
    [InlineData("0", "Goal must be at least 1")]
    [InlineData("-5", "Goal must be a whole number, like 10000")]
    [InlineData("1.5", "Goal must be a whole number, like 10000")]
    [InlineData("", "Enter a goal: the number of signatures the petition aims for")]
    public void A_goal_must_be_a_positive_whole_number(string goal, string message) =>
        Assert.Equal(message, Assert.Single(validator.Validate(With(f => f.Goal = goal)).Errors).ErrorMessage);

    [Fact]
    public void Dates_are_optional_but_closing_must_come_after_opening()
    {
        Assert.True(validator.Validate(With(f => (f.OpensAt, f.ClosesAt) = ("", ""))).IsValid);
        Assert.True(validator.Validate(With(f => f.OpensAt = null)).IsValid);

        var same = Assert.Single(validator.Validate(With(f => f.ClosesAt = f.OpensAt)).Errors);
        Assert.Equal(("ClosesAt", "Closing date must be after the opening date"), (same.PropertyName, same.ErrorMessage));
        Assert.Equal("OpensAt", Assert.Single(validator.Validate(With(f => f.OpensAt = "1 May")).Errors).PropertyName);
    }

    private static PetitionForm With(Action<PetitionForm> change)
    {
        var form = Valid();
        change(form);
        return form;
    }
}
