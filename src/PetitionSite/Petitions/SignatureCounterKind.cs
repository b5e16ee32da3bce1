namespace PetitionSite.Petitions;

public enum SignatureCounterKind
{
    Hour,
    Country,
    Source,
}
