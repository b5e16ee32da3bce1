using FluentValidation;

namespace PetitionSite.Signing;

public static class SigningServiceCollectionExtensions
{
    public static IServiceCollection AddSigning(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IValidator<SignatureForm>, SignatureFormValidator>();
        services.AddSingleton<SignatureWriter>();
        services.AddSingleton<ISignatureWriter>(provider => provider.GetRequiredService<SignatureWriter>());
        services.AddHostedService(provider => provider.GetRequiredService<SignatureWriter>());
        services.AddSigningRateLimits();
        return services;
    }
}
