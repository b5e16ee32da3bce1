namespace PetitionSite.Petitions;

public sealed class PetitionOptions
{
    public const string Section = "Petitions";

    // A signature made before its petition closed still counts if confirmed within this time after closing.
    public TimeSpan ConfirmationGraceAfterClose { get; set; } = TimeSpan.FromHours(24);

    // How often petitions are opened and closed on their scheduled dates.
    public TimeSpan ScheduleInterval { get; set; } = TimeSpan.FromSeconds(30);
}
