using Microsoft.Playwright;

namespace PetitionSite.BrowserTests;

// A fresh browser context (own cookies, own viewport) and page for each test, closed when the test ends.
public abstract class PageTest(BrowserFixture browser, BrowserNewContextOptions? options = null) : IAsyncLifetime
{
    private IBrowserContext? context;

    protected IPage Page { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        context = await browser.NewContextAsync(options);
        Page = await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (context is not null)
        {
            await context.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
