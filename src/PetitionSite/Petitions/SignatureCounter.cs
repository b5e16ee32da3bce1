namespace PetitionSite.Petitions;

// Confirmed signatures of one petition by hour of confirmation, by country and by source, kept current in the
// transactions that confirm, invalidate, reinstate or erase, so a dashboard never counts a million rows.
public sealed class SignatureCounter
{
    public int PetitionId { get; set; }

    public SignatureCounterKind Kind { get; set; }

    // The hour ("2026-11-28T14"), the country code, or the source ("" when none).
    public required string Key { get; set; }

    public int Count { get; set; }
}
