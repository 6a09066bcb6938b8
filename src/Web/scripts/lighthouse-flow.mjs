// The user flow both Lighthouse scripts share (lighthouse.mjs: the learner's screens; lighthouse-console.mjs: the
// officials' console): Debian's chromium through puppeteer-core, sign in on /sign-in with a demo login, let the
// caller find its pages' addresses, then measure each page in one tab with storage kept (Lighthouse's mobile
// profile: simulated slow 4G, 4× CPU) and print the table. Lighthouse is not a dependency of the app: it is loaded
// from LIGHTHOUSE_DIR (`npm i -E lighthouse@12.2.3` in a scratch folder).
import { writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/** A GraphQL call from the page, with the token the app keeps in sessionStorage (docs/adr/0082). */
export const graphql = (page, query, variables = {}) =>
  page.evaluate(async (query, variables) => {
    const { token } = JSON.parse(sessionStorage.getItem("vape.session") ?? "{}");
    const response = await fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return response.json();
  }, query, variables);

/**
 * Signs in as `login`, asks `pagesOf(page)` for the [name, path] pairs to measure, measures them as one flow and
 * prints one row per page (and every accessibility audit that did not pass). `file`: the report's name in the
 * folder given as the second argument, if any.
 */
export async function measure({ flowName, login, file, pagesOf }) {
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
    await page.click(`button[data-login='${login}']`);
    await page.waitForFunction(() => !location.pathname.startsWith("/sign-in"));
    // PAGES=dashboards,tree measures only those (by the names the caller gives), to repeat one page side by side.
    const only = process.env.PAGES?.split(",").map((p) => p.trim()).filter(Boolean);
    const pages = (await pagesOf(page, base)).filter(([name]) => !only?.length || only.includes(name));

    // With TRACE_DIR the sampling profiler is on too (its functions in long-tasks.mjs' answer); it slows the page a little.
    const traceDir = process.env.TRACE_DIR;
    const flags = { disableStorageReset: true, ...(traceDir ? { additionalTraceCategories: ["disabled-by-default-v8.cpu_profiler"] } : {}) };
    const flow = await startFlow(page, { name: flowName, flags });
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
      writeFileSync(join(out, `${file}.json`), JSON.stringify(rows, null, 2));
      writeFileSync(join(out, `${file}.html`), await flow.generateReport());
      // Each page's own audits (long tasks, main-thread work by kind, script boot-up time by file) for a closer look.
      writeFileSync(join(out, `${file}-flow.json`), JSON.stringify(result));
    }
    // TRACE_DIR: each page's Chromium trace as Lighthouse recorded it (unthrottled: its simulation counts each task 4×,
    // so a task over 12.5 ms here is a long task in its figures), and what those tasks were (long-tasks.mjs).
    if (traceDir) {
      mkdirSync(traceDir, { recursive: true });
      const { longTasks } = await import("./long-tasks.mjs");
      for (const [i, step] of flow.createArtifactsJson().gatherSteps.entries()) {
        const events = step.artifacts.Trace.traceEvents;
        const path = join(traceDir, `${file}-${pages[i][0].replace(/\W+/g, "-")}.json`);
        writeFileSync(path, JSON.stringify({ traceEvents: events }));
        const tasks = longTasks(events, 12.5);
        console.log(`${pages[i][0]}: ${tasks.length} tasks over 12.5 ms in the trace (${path})`);
        for (const t of tasks) console.log(JSON.stringify(t));
      }
    }
  } finally {
    await browser.close();
  }
}
