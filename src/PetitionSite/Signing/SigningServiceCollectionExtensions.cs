using FluentValidation;
using Microsoft.Extensions.Options;

namespace PetitionSite.Signing;

public static class SigningServiceCollectionExtensions
{
    public static IServiceCollection AddSigning(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SigningOptions>()
            .Bind(configuration.GetSection(SigningOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SigningOptions>, SigningOptionsValidator>();
        services.AddSingleton<CanonicalMailbox>();
        services.AddSingleton<DisposableDomainList>();
        services.AddSingleton<IValidator<SignatureForm>, SignatureFormValidator>();
        services.AddSingleton<SignatureWriter>();
        services.AddSingleton<ISignatureWriter>(provider => provider.GetRequiredService<SignatureWriter>());
        services.AddHostedService(provider => provider.GetRequiredService<SignatureWriter>());
        services.AddSigningRateLimits();
        return services;
    }
}
