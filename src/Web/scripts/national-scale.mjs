// Issue #21's national-scale numbers, on a host whose database has `seed --scale national` (docs/web.md, "National
// scale"): with the CPU slowed 4× (CDP), (1) Hà Nội's official opens the tree of their subtree and scrolls its units,
// loading every page of children and opening the first communes, while the page records every long task
// (PerformanceObserver); goal: none over 50 ms after the first screen; (2) the centre's official opens the roll-up of
// a directive to the whole tree (~38,000 targets; one is issued first when the centre has none) and the time from
// navigation to the level table drawn is taken; goal: under 1 s. Not in the test run: it needs that database.
//
//   LIGHTHOUSE_DIR=/tmp/lh node src/Web/scripts/national-scale.mjs http://127.0.0.1:5194
//
// puppeteer-core comes from LIGHTHOUSE_DIR (lighthouse brings it); Debian's chromium. Figures taken on a loaded
// machine are not results. TRACE_DIR: a Chromium trace of the tree after its first screen and of each roll-up draw is
// written there and its long tasks explained (long-tasks.mjs); the sampling profiler slows the page, so take the counts
// from a run without it.
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { readFileSync } from "node:fs";
import { graphql } from "./lighthouse-flow.mjs";
import { longTasks, traceCategories } from "./long-tasks.mjs";

const dir = process.env.LIGHTHOUSE_DIR;
if (!dir) throw new Error("LIGHTHOUSE_DIR: a folder where lighthouse@12.2.3 (and so puppeteer-core) is installed");
const base = process.argv[2] ?? "http://127.0.0.1:5194";
const from = createRequire(join(dir, "package.json"));
const puppeteer = (await import(pathToFileURL(from.resolve("puppeteer-core")).href)).default;
const slowdown = Number(process.env.CPU_SLOWDOWN ?? 4);
const traceDir = process.env.TRACE_DIR;

async function traced(page, name, work) {
  if (!traceDir) return work();
  const path = join(traceDir, `${name}.json`);
  await page.tracing.start({ path, categories: traceCategories });
  try {
    return await work();
  } finally {
    await page.tracing.stop();
    const tasks = longTasks(JSON.parse(readFileSync(path, "utf8")).traceEvents);
    console.log(`${name}: ${tasks.length} long tasks in the trace (${path})`);
    for (const t of tasks) console.log(JSON.stringify(t, null, 1));
  }
}

const data = (answer) => {
  if (answer.errors?.length) throw new Error(JSON.stringify(answer.errors));
  return answer.data;
};

async function signedIn(browser, login) {
  const page = await (await browser.createBrowserContext()).newPage();
  await page.setViewport({ width: 360, height: 640, deviceScaleFactor: 2, isMobile: true });
  await page.evaluateOnNewDocument(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: Math.round(e.startTime), ms: Math.round(e.duration) });
    }).observe({ type: "longtask", buffered: true });
  });
  await page.goto(base + "/sign-in", { waitUntil: "networkidle0" });
  await page.waitForSelector(`button[data-login='${login}']:not([disabled])`);
  await page.$eval(`button[data-login='${login}']`, (b) => (b.scrollIntoView(), b.click()));
  await page.waitForFunction(() => !location.pathname.startsWith("/sign-in"));
  const cdp = await page.createCDPSession();
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: slowdown });
  return page;
}

async function scrollTheTree(browser) {
  const page = await signedIn(browser, "province");
  const me = data(await graphql(page, "{ me { roles { unit { id code } } } }")).me;
  const hanoi = me.roles.find((r) => r.unit.code === "T01")?.unit ?? me.roles[0].unit;
  await page.goto(base + `/console/units/${hanoi.id}`, { waitUntil: "networkidle0" });
  await page.waitForSelector("[data-testid='unit-tree'] ul.tree");
  const firstScreen = await page.evaluate(() => performance.now());
  const atFirst = await page.$$eval("[data-testid='unit-tree'] li", (l) => l.length);
  let more = 0;
  let opened = 0;
  await traced(page, "tree", async () => {
  for (;;) {
    const shown = await page.$$eval("[data-testid='unit-tree'] li", (l) => l.length);
    const clicked = await page.evaluate(() => {
      const button = [...document.querySelectorAll("[data-testid='unit-tree'] button.secondary")].find((b) => !b.disabled);
      if (!button) return false;
      button.scrollIntoView();
      button.click();
      return true;
    });
    if (!clicked) {
      if (opened >= 5) break;
      const folded = await page.$$("[data-testid='unit-tree'] button.fold[aria-expanded='false']");
      if (folded.length === 0) break;
      // Clicked in the page, not at its place on the screen: the phone's bottom tab bar may be over it.
      await folded[opened % folded.length].evaluate((b) => (b.scrollIntoView(), b.click()));
      opened++;
    } else more++;
    // The children (or the next page) are drawn when the tree has more items; a unit without children adds none.
    // Polled every 100 ms, not each frame: puppeteer's default polls in requestAnimationFrame, and a trace showed its
    // polling as long tasks of the page (10 s of it for a unit without children).
    await page.waitForFunction((n) => document.querySelectorAll("[data-testid='unit-tree'] li").length > n, { timeout: 10_000, polling: 100 }, shown)
      .catch(() => {});
  }
  for (let y = 0; ; y += 600) {
    const height = await page.evaluate((y) => (window.scrollTo(0, y), document.documentElement.scrollHeight), y);
    await new Promise((r) => setTimeout(r, 50));
    if (y > height) break;
  }
  });
  const result = await page.evaluate((after) => ({
    units: document.querySelectorAll("[data-testid='unit-tree'] li").length,
    longTasks: window.__longTasks.filter((t) => t.start > after),
  }), firstScreen);
  const url = page.url();
  await page.close();
  return { ...result, atFirst, url, pagesLoaded: more, opened };
}

async function drawTheRollup(browser) {
  const page = await signedIn(browser, "central");
  const me = data(await graphql(page, "{ me { roles { unit { id depth } } } }")).me;
  const centre = me.roles.map((r) => r.unit).sort((a, b) => a.depth - b.depth)[0];
  let directive = data(await graphql(page, "query($u: ID!) { issuedDirectives(unitId: $u, first: 1) { nodes { id targetCount } } }", { u: centre.id }))
    .issuedDirectives.nodes[0];
  if (!directive) {
    const day = (n) => new Date(Date.now() + 7 * 3600_000 + n * 86400_000).toISOString().slice(0, 10);
    directive = data(await graphql(page, "mutation($i: IssueDirectiveInput!) { issueDirective(input: $i) { id targetCount } }", {
      i: { issuerUnitId: centre.id, number: `QG-${Date.now()}`, title: "Về việc đo quy mô toàn quốc", summary: "", issuedOn: day(0),
        acknowledgeBy: day(7), targetKind: "SUBTREE" },
    })).issueDirective;
  }
  const runs = [];
  for (let i = 0; i < 3; i++) {
    runs.push(await traced(page, `rollup-${i + 1}`, async () => {
      await page.goto(base + `/console/directives/${directive.id}`);
      await page.waitForSelector("[data-testid='rollup-levels']", { timeout: 60_000 });
      const run = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => {
        const api = performance.getEntriesByType("resource").filter((e) => e.name.endsWith("/graphql"));
        resolve({ drawnMs: Math.round(performance.now()), graphqlMs: Math.round(Math.max(0, ...api.map((e) => e.duration))),
          overdueShown: document.querySelectorAll("[data-testid='overdue-unit']").length, longTasks: window.__longTasks });
      })));
      if (traceDir) await new Promise((r) => setTimeout(r, 500));
      return run;
    }));
  }
  await page.close();
  return { targets: directive.targetCount, runs };
}

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-dev-shm-usage"],
});
// PARTS=tree or PARTS=rollup runs one of the two (both by default).
const parts = (process.env.PARTS ?? "tree,rollup").split(",");
try {
  if (parts.includes("tree")) {
    const tree = await scrollTheTree(browser);
    const over = tree.longTasks.filter((t) => t.ms > 50);
    console.log(`tree (Hà Nội, ${slowdown}× CPU, ${tree.url}): ${tree.atFirst} units on the first screen, ${tree.units} at the end, ${tree.pagesLoaded} more-pages, ${tree.opened} opened; ` +
      `long tasks after the first screen: ${tree.longTasks.length}, over 50 ms: ${over.length}, longest ${Math.max(0, ...tree.longTasks.map((t) => t.ms))} ms` +
      (over.length ? ` (${over.map((t) => `${t.ms} ms at ${t.start}`).join(", ")})` : ""));
  }
  if (parts.includes("rollup")) {
    const rollup = await drawTheRollup(browser);
    console.log(`roll-up (${rollup.targets} targets, ${slowdown}× CPU): navigation → level table drawn`);
    console.table(rollup.runs.map((r, i) => ({ run: i + 1, drawnMs: r.drawnMs, graphqlMs: r.graphqlMs, longestTaskMs: Math.max(0, ...r.longTasks.map((t) => t.ms)), overdueShown: r.overdueShown })));
  }
} finally {
  await browser.close();
}
