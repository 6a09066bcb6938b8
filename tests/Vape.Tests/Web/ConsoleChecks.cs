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
}
