using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.FileProviders;
using PetitionSite.Petitions;

namespace PetitionSite.Data;

// Inserts each shipped petition once, keyed by slug, so restarts never duplicate it or overwrite an admin's edits.
internal sealed class PetitionSeeder(IFileProvider texts, TimeProvider time)
{
    private static readonly PetitionSeed[] Seeds =
    [
        new(
            Slug: "free-walid-daqqah",
            Title: "Free Walid Daqqah!",
            Summary: "Call on international actors to demand the immediate release of Palestinian writer Walid Daqqah, imprisoned since 1986 and denied urgent medical care.",
            Goal: 10_000,
            BodyFile: "Content/Petitions/free-walid-daqqah.md"),
    ];

    public async Task SeedAsync(PetitionsDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Petitions.Select(p => p.Slug).ToListAsync(cancellationToken);
        foreach (var seed in Seeds.Where(s => !existing.Contains(s.Slug)))
        {
            var now = time.GetUtcNow().UtcDateTime;
            var petition = new Petition
            {
                Slug = seed.Slug,
                Title = seed.Title,
                Summary = seed.Summary,
                Goal = seed.Goal,
                BodyMarkdown = await ReadAsync(seed.BodyFile, cancellationToken),
                State = PetitionState.Open,
                CreatedAt = now,
                OpenedAt = now,
            };
            db.Petitions.Add(petition);
            await db.SaveChangesAsync(cancellationToken);
            // Its first revision: the text its first signatures are made under.
            db.PetitionRevisions.Add(PetitionRevision.Of(petition, 1, now, by: null));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task<string> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var file = texts.GetFileInfo(path);
        if (!file.Exists)
        {
            throw new FileNotFoundException($"The petition text '{path}' is missing beside the site's binary.", path);
        }

        await using var stream = file.CreateReadStream();
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    private sealed record PetitionSeed(string Slug, string Title, string Summary, int Goal, string BodyFile);
}
