// Lighthouse's mobile profile (its defaults: simulated slow 4G, 4× CPU slowdown) on the learner's screens, signed in
// as `learner` through the sign-in page first (a user flow in one tab, storage kept), so that home and record are
// measured as a learner sees them. Lighthouse is not a dependency of the app: install it in a scratch folder
// (`npm i -E lighthouse@12.2.3`, which brings puppeteer-core; 13 wants Node 22) and point LIGHTHOUSE_DIR at it.
//
//   LIGHTHOUSE_DIR=/tmp/lh node src/Web/scripts/lighthouse.mjs http://127.0.0.1:5193 [report-folder]
//
// Against a host on 127.0.0.1 with the demo data (Development); Debian's chromium, nothing downloaded.
import { writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const dir = process.env.LIGHTHOUSE_DIR;
if (!dir) throw new Error("LIGHTHOUSE_DIR: a folder where lighthouse@12.2.3 is installed");
const base = process.argv[2] ?? "http://127.0.0.1:5193";
const out = process.argv[3];
const from = createRequire(join(dir, "package.json"));
const load = async (name) => import(pathToFileURL(from.resolve(name)).href);
const { startFlow } = await load("lighthouse");
const puppeteer = (await load("puppeteer-core")).default;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-dev-shm-usage"],
});
try {
  const page = await browser.newPage();
  await page.goto(base + "/sign-in", { waitUntil: "networkidle0" });
  await page.click("button[data-login='learner']");
  await page.waitForFunction(() => !location.pathname.startsWith("/sign-in"));
  await page.goto(base + "/classes", { waitUntil: "networkidle0" });
  const classPath = await page.$eval("ul.cards a[href^='/classes/']", (a) => a.getAttribute("href"));

  const flow = await startFlow(page, { name: "Vape, a learner on a phone", flags: { disableStorageReset: true } });
  const pages = [
    ["home", "/"],
    ["catalogue", "/classes"],
    ["class page", classPath],
    ["record", "/record"],
    ["library", "/library"],
  ];
  for (const [name, path] of pages) await flow.navigate(base + path, { name, disableStorageReset: true });
  const result = await flow.createFlowResult();
  const row = (lhr) => {
    const score = (c) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
    const ms = (a) => Math.round(lhr.audits[a]?.numericValue ?? NaN);
    return { performance: score("performance"), accessibility: score("accessibility"), bestPractices: score("best-practices"),
      lcpMs: ms("largest-contentful-paint"), tbtMs: ms("total-blocking-time"), cls: lhr.audits["cumulative-layout-shift"]?.numericValue ?? NaN,
      requests: lhr.audits["network-requests"]?.details?.items?.length ?? NaN,
      transferKB: Math.round((lhr.audits["total-byte-weight"]?.numericValue ?? NaN) / 1024 * 10) / 10 };
  };
  const rows = result.steps.map((s, i) => ({ page: pages[i][0], path: pages[i][1], ...row(s.lhr) }));
  console.table(rows);
  for (const [i, s] of result.steps.entries())
    for (const ref of s.lhr.categories.accessibility.auditRefs) {
      const a = s.lhr.audits[ref.id];
      if (a && a.score !== null && a.score < 1) console.log(`${pages[i][0]}: accessibility: ${a.id}: ${a.title}`);
    }
  if (out) {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "lighthouse-learner.json"), JSON.stringify(rows, null, 2));
    writeFileSync(join(out, "lighthouse-learner.html"), await flow.generateReport());
  }
} finally {
  await browser.close();
}
