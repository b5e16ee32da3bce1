namespace PetitionSite.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    // How long personal data is kept, the jobs that delete it when due, and the page that tells signers both.
    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PrivacyOptions>()
            .Bind(configuration.GetSection(PrivacyOptions.Section))
            .Validate(o => o.RetentionInterval > TimeSpan.Zero && o.RetentionInterval < TimeSpan.FromDays(49), "Privacy:RetentionInterval must be positive and under 49 days, such as 01:00:00.")
            .Validate(
                o => new[] { o.UnconfirmedSignatureDays, o.ClientAddressDays, o.AnonymiseAfterCloseDays, o.SpentLinkDays, o.ExpiredInvitationDays, o.SentEmailDays, o.FailedEmailDays, o.AuditDays }.All(days => days is >= 1 and <= 36_500),
                "Privacy:UnconfirmedSignatureDays, ClientAddressDays, AnonymiseAfterCloseDays, SpentLinkDays, ExpiredInvitationDays, SentEmailDays, FailedEmailDays and AuditDays must each be a whole number of days from 1 to 36500.")
            .ValidateOnStart();
        services.AddSingleton<RetentionJobs>();
        services.AddHostedService(provider => provider.GetRequiredService<RetentionJobs>());
        return services;
    }
}
