using Microsoft.Playwright;
using PetitionSite.BrowserTests;

[assembly: AssemblyFixture(typeof(BrowserFixture))]

namespace PetitionSite.BrowserTests;

// One Playwright driver and one headless Debian Chromium for the whole assembly; every test opens its own context.
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;
    private IBrowser? browser;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }

        // CI runs every test project at once; the 5 s default leaves too little room on a busy machine.
        Assertions.SetDefaultExpectTimeout(10_000);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Running as root needs --no-sandbox; the rest keep Chromium from calling home, which the test machines refuse.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    // A fresh browser context (own cookies, own viewport). Skips the test on a developer machine without Chromium; fails it in CI.
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        var missing = $"Chromium is not installed at {ChromiumPath}: install it with `apt-get install chromium`.";
        var inCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        Assert.SkipWhen(browser is null && !inCi, missing);
        if (browser is null)
        {
            Assert.Fail(missing + " CI=true, so the browser tests must run.");
        }

        var context = await browser.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
