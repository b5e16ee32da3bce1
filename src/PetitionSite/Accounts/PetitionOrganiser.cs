namespace PetitionSite.Accounts;

// An organiser may watch the petitions an admin assigned them, and no others.
public sealed class PetitionOrganiser
{
    public int PetitionId { get; set; }

    public required string UserId { get; set; }

    public DateTime AssignedAt { get; set; }
}
