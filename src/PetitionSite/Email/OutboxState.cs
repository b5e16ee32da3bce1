namespace PetitionSite.Email;

public enum OutboxState
{
    Pending,
    Sent,
    Failed,
}
