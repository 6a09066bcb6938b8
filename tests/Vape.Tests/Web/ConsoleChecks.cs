using Microsoft.Playwright;

namespace Vape.Tests.Web;

/// <summary>What every console screen must also be on a phone: axe-clean, and no sideways scrolling at 360 px.</summary>
internal static class ConsoleChecks
{
    public static async Task PhoneFriendly(IPage page, string screenshot)
    {
        await WebHost.ShouldPassAxe(page);
        var (scroll, width) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("innerWidth"));
        scroll.ShouldBeLessThanOrEqualTo(width, $"{screenshot}: the page is {scroll} px wide on a {width} px screen");
        await WebHost.Screenshot(page, screenshot);
    }

    /// <summary>
    /// Signs in a login the sign-in page does not list (part 1's demo logins only): the same Development token, kept as
    /// the app keeps it.
    /// </summary>
    public static async Task SignInWithoutTheButton(IPage page, string login)
    {
        await page.GotoAsync("/sign-in");
        await page.EvaluateAsync("""
            async login => {
              const r = await fetch('/dev/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login }) });
              const b = await r.json();
              sessionStorage.setItem('vape.session', JSON.stringify({ token: b.accessToken, personId: b.personId, name: b.name, login }));
            }
            """, login);
    }
}
