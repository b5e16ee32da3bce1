using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace PetitionSite.Site;

// The keys behind form tokens and sign-in cookies live beside the database, so both survive restarts and container
// replacements. Whoever can read them can forge a sign-in cookie, so they are encrypted with a certificate when
// DataProtection:CertificatePath is set, and outside Development the site warns at start-up when they are not.
public static partial class DataProtectionKeys
{
    public static IServiceCollection AddDataProtectionKeys(this IServiceCollection services, IConfiguration configuration)
    {
        var protection = services.AddDataProtection().SetApplicationName("PetitionSite");
        services.AddOptions<KeyProtectionOptions>()
            .Bind(configuration.GetSection(KeyProtectionOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.KeysDirectory), "DataProtection:KeysDirectory must name a folder, such as data/keys.")
            .ValidateOnStart();
        // Read now rather than when first needed: decrypting keys takes the certificate itself, not a way to find it later.
        var certificatePath = configuration[$"{KeyProtectionOptions.Section}:{nameof(KeyProtectionOptions.CertificatePath)}"];
        if (!string.IsNullOrWhiteSpace(certificatePath))
        {
            var contentRoot = configuration[HostDefaults.ContentRootKey] ?? Directory.GetCurrentDirectory();
            protection.ProtectKeysWithCertificate(Load(
                Path.GetFullPath(certificatePath, contentRoot),
                configuration[$"{KeyProtectionOptions.Section}:{nameof(KeyProtectionOptions.CertificatePassword)}"]));
        }

        services.AddOptions<KeyManagementOptions>().Configure<IOptions<KeyProtectionOptions>, IHostEnvironment, ILoggerFactory>((options, settings, environment, loggers) =>
            options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.GetFullPath(settings.Value.KeysDirectory, environment.ContentRootPath)), loggers));
        services.AddHostedService<UnprotectedKeysWarning>();
        return services;
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"DataProtection:CertificatePath {path} could not be read as a .pfx file with DataProtection:CertificatePassword: {ex.Message}", ex);
        }

        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"DataProtection:CertificatePath {path} has no private key, so keys encrypted with it could never be read again.");
    }

    // Outside Development, says at start-up when keys are written in the clear.
    private sealed partial class UnprotectedKeysWarning(
        IOptions<KeyManagementOptions> keys,
        IOptions<KeyProtectionOptions> settings,
        IHostEnvironment environment,
        ILogger<UnprotectedKeysWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (keys.Value.XmlEncryptor is null && !environment.IsDevelopment())
            {
                LogUnprotected(logger, Path.GetFullPath(settings.Value.KeysDirectory, environment.ContentRootPath));
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Warning, Message = "Data Protection keys in {Directory} are stored unencrypted: whoever can read that folder can forge sign-in cookies. " +
            "Set DataProtection:CertificatePath and DataProtection:CertificatePassword (see docs/operations.md)")]
        private static partial void LogUnprotected(ILogger logger, string directory);
    }
}
