using FluentValidation;

namespace PetitionSite.Admin.FraudReview;

public static class FraudReviewServiceCollectionExtensions
{
    public static IServiceCollection AddFraudReview(this IServiceCollection services)
    {
        services.AddOptions<FraudReviewOptions>()
            .BindConfiguration(FraudReviewOptions.Section)
            .Validate(o => o.FlagShare is > 0 and <= 1, "FraudReview:FlagShare must be a share above 0 and at most 1, such as 0.1 for a tenth of a window.")
            .Validate(o => o.FlagCountPerHour > 0, "FraudReview:FlagCountPerHour must be a positive number, such as 30.")
            .Validate(o => o.MinimumCount > 0, "FraudReview:MinimumCount must be a positive number, such as 10.")
            .Validate(o => o.SpikeFactor > 1, "FraudReview:SpikeFactor must be above 1, such as 5 for five times the median.")
            .Validate(o => o.SpikeMinimum > 0, "FraudReview:SpikeMinimum must be a positive number, such as 10.")
            .Validate(o => o.RowsShown is > 0 and <= 100, "FraudReview:RowsShown must be between 1 and 100.")
            .Validate(o => o.ExtraLargeProviders.All(d => EmailDomain.Clean(d) is not null && EmailDomain.Problem(d) is null), "FraudReview:ExtraLargeProviders must hold email domains such as example.org.")
            .ValidateOnStart();
        services.AddSingleton<IValidator<BulkInvalidationForm>, BulkInvalidationFormValidator>();
        services.AddSingleton<FraudReviewQueries>();
        return services;
    }
}
