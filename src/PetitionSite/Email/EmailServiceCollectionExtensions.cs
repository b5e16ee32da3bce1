using Microsoft.Extensions.Options;
using MimeKit;

namespace PetitionSite.Email;

public static class EmailServiceCollectionExtensions
{
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmtpOptions>()
            .Bind(configuration.GetSection(SmtpOptions.Section))
            .Validate(o => o.Port is > 0 and < 65536, "Smtp:Port must be between 1 and 65535.")
            .Validate(o => MailboxAddress.TryParse(o.From, out _), "Smtp:From must be an address such as \"PetitionSite <no-reply@example.org>\".")
            .Validate(o => !o.UsesPickupDirectory || !string.IsNullOrWhiteSpace(o.PickupDirectory), "Set Smtp:Host, or Smtp:PickupDirectory for emails to be written to files.")
            .Validate(o => string.IsNullOrEmpty(o.UserName) || !string.IsNullOrEmpty(o.Password), "Smtp:Password is required when Smtp:UserName is set.")
            .ValidateOnStart();
        services.AddOptions<OutboxOptions>()
            .Bind(configuration.GetSection(OutboxOptions.Section))
            .Validate(o => o.BatchSize > 0 && o.MaxAttempts > 0, "Outbox:BatchSize and Outbox:MaxAttempts must be positive.")
            .Validate(o => o.ResendCooldown >= TimeSpan.Zero, "Outbox:ResendCooldown must not be negative.")
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.RetryDelay > TimeSpan.Zero && o.MaxRetryDelay >= o.RetryDelay, "Outbox delays must be positive, with MaxRetryDelay at least RetryDelay.")
            .ValidateOnStart();

        services.AddOptions<DkimOptions>()
            .Bind(configuration.GetSection(DkimOptions.Section))
            .Validate(o => !o.IsPartlySet, "Email:Dkim:Domain, Email:Dkim:Selector and Email:Dkim:PrivateKeyPath go together: set all three to sign emails with DKIM, or none.")
            .Validate<IHostEnvironment>((o, environment) => !o.IsEnabled || File.Exists(o.KeyFileUnder(environment.ContentRootPath)), "Email:Dkim:PrivateKeyPath names no file (a relative path is under the content root).")
            .Validate<IHostEnvironment>((o, environment) => !o.IsEnabled || o.CanCreateSigner(environment.ContentRootPath), "Email:Dkim:PrivateKeyPath must be a readable PEM file holding an RSA private key (BEGIN RSA PRIVATE KEY or BEGIN PRIVATE KEY).")
            .ValidateOnStart();

        services.AddSingleton<EmailSealer>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IMailTransport>(provider => provider.GetRequiredService<IOptions<SmtpOptions>>().Value.UsesPickupDirectory
            ? ActivatorUtilities.CreateInstance<PickupDirectoryMailTransport>(provider)
            : ActivatorUtilities.CreateInstance<SmtpMailTransport>(provider));
        services.AddHostedService<OutboxSender>();
        return services;
    }
}
