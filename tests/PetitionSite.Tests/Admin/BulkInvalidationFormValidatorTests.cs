using PetitionSite.Admin.FraudReview;

namespace PetitionSite.Tests.Admin;

public sealed class BulkInvalidationFormValidatorTests
{
    private static readonly BulkInvalidationFormValidator Validator = new();

    [Theory]
    [InlineData("203.0.113.0/24", null, null, null)]
    [InlineData(null, "bots.example.net", null, null)]
    [InlineData(null, "@Bots.Example.NET", null, null)]
    [InlineData(null, null, "2026-05-02T10:00", null)]
    [InlineData(null, null, null, "2026-05-02T10:00")]
    [InlineData("2001:db8::/56", "bücher.example", "2026-05-02T10:00", "2026-05-02T10:05")]
    public void Any_one_criterion_with_a_reason_is_enough(string? network, string? domain, string? from, string? to) =>
        Assert.True(Validator.Validate(new BulkInvalidationForm { Network = network, Domain = domain, From = from, To = to, Reason = "Scripted" }).IsValid);

    [Theory]
    [InlineData(null, null, null, null, "Scripted", "Network")]
    [InlineData("10.0.0.0/8", null, null, null, "Scripted", "Network")]
    [InlineData(null, "a@b.example", null, null, "Scripted", "Domain")]
    [InlineData(null, "localhost", null, null, "Scripted", "Domain")]
    [InlineData(null, "bad_domain.example", null, null, "Scripted", "Domain")]
    [InlineData(null, null, "soon", null, "Scripted", "From")]
    [InlineData(null, null, "2026-05-02T10:00", "2026-05-02T10:00", "Scripted", "To")]
    [InlineData("203.0.113.0/24", null, null, null, null, "Reason")]
    public void A_problem_is_reported_against_its_field(string? network, string? domain, string? from, string? to, string? reason, string field)
    {
        var result = Validator.Validate(new BulkInvalidationForm { Network = network, Domain = domain, From = from, To = to, Reason = reason });

        Assert.Equal([field], result.Errors.Select(e => e.PropertyName).Distinct());
    }

    [Fact]
    public void A_reason_over_several_lines_becomes_one_and_is_accepted()
    {
        var form = new BulkInvalidationForm { Network = "203.0.113.0/24", Reason = " Scripted\r\nfrom one range \n" }.Normalized();

        Assert.Equal("Scripted from one range", form.Reason);
        Assert.True(Validator.Validate(form).IsValid);
    }
}
