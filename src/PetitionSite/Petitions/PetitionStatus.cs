namespace PetitionSite.Petitions;

public sealed record PetitionStatus(int Id, bool IsOpen, int Revision);
