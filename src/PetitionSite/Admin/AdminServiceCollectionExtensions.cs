using PetitionSite.Admin.Audit;
using PetitionSite.Admin.Petitions;

namespace PetitionSite.Admin;

public static class AdminServiceCollectionExtensions
{
    // The back office: dashboards, petition management, moderation, exports and the audit log.
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddSingleton<AuditLog>();
        services.AddSingleton<SignatureCsvExporter>();
        services.AddPetitionManagement();
        return services;
    }
}
