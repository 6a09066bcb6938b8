// Lighthouse's mobile profile (its defaults: simulated slow 4G, 4× CPU slowdown) on the learner's screens, signed in
// as `learner` through the sign-in page first (a user flow in one tab, storage kept), so that home and record are
// measured as a learner sees them. Lighthouse is not a dependency of the app: install it in a scratch folder
// (`npm i -E lighthouse@12.2.3`, which brings puppeteer-core; 13 wants Node 22) and point LIGHTHOUSE_DIR at it.
//
//   LIGHTHOUSE_DIR=/tmp/lh node src/Web/scripts/lighthouse.mjs http://127.0.0.1:5193 [report-folder]
//
// Against a host on 127.0.0.1 with the demo data (Development); Debian's chromium, nothing downloaded. The officials'
// console: lighthouse-console.mjs, the same way.
import { measure } from "./lighthouse-flow.mjs";

await measure({
  flowName: "Vape, a learner on a phone",
  login: "learner",
  file: "lighthouse-learner",
  pagesOf: async (page, base) => {
    await page.goto(base + "/classes", { waitUntil: "networkidle0" });
    const classPath = await page.$eval("ul.cards a[href^='/classes/']", (a) => a.getAttribute("href"));
    return [
      ["home", "/"],
      ["catalogue", "/classes"],
      ["class page", classPath],
      ["record", "/record"],
      ["library", "/library"],
    ];
  },
});
