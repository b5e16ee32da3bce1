namespace PetitionSite.Withdrawal;

public static class WithdrawalServiceCollectionExtensions
{
    public static IServiceCollection AddWithdrawal(this IServiceCollection services) =>
        services.AddSingleton<SignatureWithdrawal>();
}
