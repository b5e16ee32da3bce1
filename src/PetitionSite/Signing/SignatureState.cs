namespace PetitionSite.Signing;

public enum SignatureState
{
    Pending,
    Validated,
    Invalidated,
}
