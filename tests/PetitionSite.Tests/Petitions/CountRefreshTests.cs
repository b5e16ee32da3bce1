using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using PetitionSite.Petitions;

namespace PetitionSite.Tests.Petitions;

// The cached copies of a petition follow its count within CountRefresh's interval, including a copy that a reader's
// render stored just after the refresh, from a count read just before the confirmation.
public sealed class CountRefreshTests : IAsyncLifetime
{
    private const string Slug = "free-walid-daqqah";
    // Far above the one-second interval, far below the minute a copy would otherwise be kept.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly ServiceProvider services = new ServiceCollection().AddPetitionPageCaching().BuildServiceProvider();
    private IOutputCacheStore Store => services.GetRequiredService<IOutputCacheStore>();
    private CountRefresh refresh = null!;

    public async ValueTask InitializeAsync()
    {
        refresh = new CountRefresh(Store);
        await refresh.StartAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_moved_count_drops_the_petitions_cached_copies_and_no_others()
    {
        await StorePageAsync("page", "petition:" + Slug);
        await StorePageAsync("other", "petition:another-petition");

        refresh.CountMoved(Slug);

        await WaitUntilGoneAsync("page");
        Assert.NotNull(await Store.GetAsync("other", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_copy_stored_from_an_old_count_just_after_the_refresh_is_dropped_at_the_next_refresh_without_another_confirmation()
    {
        await StorePageAsync("page", "petition:" + Slug);
        refresh.CountMoved(Slug);
        await WaitUntilGoneAsync("page");

        // A render that read the count before the confirmation finishes now and stores its page.
        await StorePageAsync("page", "petition:" + Slug);

        await WaitUntilGoneAsync("page");
    }

    public async ValueTask DisposeAsync()
    {
        await refresh.StopAsync(CancellationToken.None);
        refresh.Dispose();
        await services.DisposeAsync();
    }

    private ValueTask StorePageAsync(string key, string tag) =>
        Store.SetAsync(key, [1, 2, 3], [tag], TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

    private async Task WaitUntilGoneAsync(string key)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (await Store.GetAsync(key, TestContext.Current.CancellationToken) is not null)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The cached copy '{key}' was never dropped");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
