using PetitionSite.Admin.Audit;
using PetitionSite.Admin.Dashboard;
using PetitionSite.Admin.Export;
using PetitionSite.Admin.FraudReview;
using PetitionSite.Admin.Moderation;
using PetitionSite.Admin.Petitions;

namespace PetitionSite.Admin;

public static class AdminServiceCollectionExtensions
{
    // The back office: dashboards, petition management, moderation, the fraud review, exports and the audit log.
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddSingleton<AuditLog>();
        services.AddSingleton<SignatureCsvExporter>();
        services.AddPetitionManagement();
        services.AddSingleton<SignatureModeration>();
        services.AddFraudReview();
        services.AddSingleton<DashboardQueries>();
        return services;
    }
}
