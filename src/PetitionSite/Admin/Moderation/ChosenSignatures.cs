using PetitionSite.Signing;

namespace PetitionSite.Admin.Moderation;

// The signatures a bulk change is for: the ones ticked on the page, or every match of the search.
public sealed record ChosenSignatures(SignatureSearch Search, IReadOnlyList<long>? Ids)
{
    public IQueryable<Signature> Apply(IQueryable<Signature> signatures, int petitionId, CanonicalMailbox mailbox)
    {
        if (Ids is null)
        {
            return Search.Apply(signatures, petitionId, mailbox);
        }

        var ids = Ids.ToArray();
        return signatures.Where(s => s.PetitionId == petitionId && ids.Contains(s.Id));
    }

    // For the audit log: how they were chosen, without anyone's name or address.
    public override string ToString() =>
        Ids is null ? "every match of a search (" + Search.Describe() + ")" : $"{Ids.Count} ticked on the page";
}
