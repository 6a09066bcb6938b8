using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Vape.Tests.Web;

/// <summary>
/// Tests may send traffic to 127.0.0.1 only. Chromium's own services (component updates, Google sign-in) looked up
/// Google's host names through the machine's DNS server during every browser test, under Playwright's defaults; the
/// browser is now started with <see cref="WebHost.LoopbackOnly"/>. This watches every connect() the browser and its
/// helper processes make, with strace, while it opens the app's pages as a learner would.
/// </summary>
[Collection(WebCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class BrowserTrafficTests(WebHost web)
{
    [Fact]
    public async Task The_browser_of_the_web_tests_connects_to_127_0_0_1_only_and_asks_no_DNS_server()
    {
        var folder = Directory.CreateTempSubdirectory("vape-strace-");
        try
        {
            var log = Path.Combine(folder.FullName, "connect.log");
            var wrapper = Path.Combine(folder.FullName, "chromium");
            await File.WriteAllTextAsync(wrapper, $"#!/bin/sh\nexec strace -f -qq -e trace=connect -o '{log}' {WebHost.Chromium} \"$@\"\n");
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

            using var playwright = await Playwright.CreateAsync();
            await using (var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            { ExecutablePath = wrapper, Headless = true, Args = WebHost.LoopbackOnly }))
            {
                var page = await browser.NewPageAsync();
                foreach (var path in new[] { "/", "/classes", "/library", "/sign-in" })
                    await page.GotoAsync(web.BaseUrl + path, new() { WaitUntil = WaitUntilState.NetworkIdle });
                // What the background services do a little later, too.
                await page.WaitForTimeoutAsync(3_000);
            }

            var connects = (await File.ReadAllLinesAsync(log)).Where(l => l.Contains("connect(")).ToList();
            var inet = connects.Where(l => l.Contains("AF_INET")).ToList();
            inet.ShouldNotBeEmpty("the browser reached the host on 127.0.0.1, so the log holds its connect() calls");
            inet.Where(l => l.Contains("htons(53)")).ShouldBeEmpty("no DNS query: every name but localhost resolves to nothing inside the browser");
            var elsewhere = inet.Where(l => Ipv4().Match(l) is { Success: true } m && m.Groups[1].Value != "127.0.0.1").ToList();
            elsewhere.ShouldBeEmpty(string.Join("\n", elsewhere));
            // Chromium connects a UDP socket to Google's public IPv6 DNS address to learn whether IPv6 is routable:
            // a connect() on a datagram socket sends no packet. Any other IPv6 address but ::1 is a failure.
            var ipv6 = inet.Where(l => Ipv6().Match(l) is { Success: true } m && m.Groups[1].Value is not ("::1" or "2001:4860:4860::8888")).ToList();
            ipv6.ShouldBeEmpty(string.Join("\n", ipv6));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [GeneratedRegex("inet_addr\\(\"([^\"]+)\"\\)")]
    private static partial Regex Ipv4();

    [GeneratedRegex("inet_pton\\(AF_INET6, \"([^\"]+)\"")]
    private static partial Regex Ipv6();
}
