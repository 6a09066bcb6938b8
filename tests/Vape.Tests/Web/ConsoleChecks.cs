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
    /// The element's text against the first background behind it that is not transparent: a contrast of at least 4.5
    /// (WCAG AA). Asked of one element on purpose, where axe may leave a button it cannot place as "incomplete".
    /// </summary>
    public static async Task Legible(ILocator element, string what)
    {
        var ratio = await element.EvaluateAsync<double>("""
            e => {
              const rgb = c => (c.match(/[\d.]+/g) || []).map(Number);
              const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
                .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
              let back = e, bg = [255, 255, 255];
              while (back) { const c = rgb(getComputedStyle(back).backgroundColor); if (c.length === 3 || c[3] > 0) { bg = c; break; } back = back.parentElement; }
              const [a, b] = [lum(rgb(getComputedStyle(e).color)), lum(bg)].sort((x, y) => y - x);
              return (a + 0.05) / (b + 0.05);
            }
            """);
        ratio.ShouldBeGreaterThanOrEqualTo(4.5, $"{what}: its text against its background has a contrast of {ratio:F2}");
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
