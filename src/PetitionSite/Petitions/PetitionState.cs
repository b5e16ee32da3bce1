namespace PetitionSite.Petitions;

public enum PetitionState
{
    Pending,
    Open,
    Closed,
    Rejected,
}
