// What a Chromium trace's long tasks were made of: for each task over 50 ms on the page's main thread, its time by
// kind (script, style, layout, paint, GC, parse) and the JavaScript functions the sampling profiler found in it (self
// time). Traces come from puppeteer's `page.tracing.start({ categories: traceCategories })` (national-scale.mjs with
// TRACE_DIR) or a saved Performance panel profile.
//
//   node src/Web/scripts/long-tasks.mjs trace.json [threshold-ms]
import { readFileSync } from "node:fs";

export const traceCategories = ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "blink.user_timing",
  "disabled-by-default-v8.cpu_profiler", "v8", "loading"];

const kinds = [
  [/^(FunctionCall|EvaluateScript|v8\.compile|v8\.run|TimerFire|FireAnimationFrame|EventDispatch|RunMicrotasks|V8\.Execute)/, "script"],
  [/^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet)/, "style"],
  [/^(Layout|UpdateLayer|PrePaint|Layerize)/, "layout"],
  [/^(Paint|CompositeLayers|Commit|RasterTask)/, "paint"],
  [/(GC|Scavenge|MarkCompact)/, "gc"],
  [/^(ParseHTML)/, "parse"],
];

export function longTasks(events, threshold = 50) {
  const named = new Map(events.filter((e) => e.name === "thread_name").map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  // The page's renderer: the one that ran the app's scripts (Chromium's own WebUI renderers are in the trace too).
  const pages = new Set(events.filter((e) => /^https?:/.test(e.args?.data?.url ?? "") && e.name === "EvaluateScript").map((e) => e.pid));
  const main = events.filter((e) => e.ph === "X" && named.get(`${e.pid}:${e.tid}`) === "CrRendererMain" && (pages.size === 0 || pages.has(e.pid)));
  const tasks = main.filter((e) => e.name === "RunTask" && e.dur / 1000 > threshold);
  const samples = profileSamples(events);
  return tasks.map((t) => {
    const inside = main.filter((e) => e !== t && e.tid === t.tid && e.pid === t.pid && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur);
    const byKind = {};
    for (const e of inside) {
      const kind = kinds.find(([re]) => re.test(e.name))?.[1];
      if (!kind) continue;
      const nested = inside.some((o) => o !== e && kinds.find(([re]) => re.test(o.name))?.[1] === kind && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur && o.dur > e.dur);
      if (!nested) byKind[kind] = (byKind[kind] ?? 0) + e.dur / 1000;
    }
    // No prototype: a function named `constructor` or `toString` is a frame like any other.
    const functions = Object.create(null);
    for (const s of samples) if (s.pid === t.pid && s.ts >= t.ts && s.ts <= t.ts + t.dur) functions[s.frame] = (functions[s.frame] ?? 0) + s.ms;
    const top = Object.entries(functions).sort((a, b) => b[1] - a[1]).slice(0, 12).map(([f, ms]) => `${ms.toFixed(1)} ms ${f}`);
    const what = inside.filter((e) => /^(EventDispatch|TimerFire|FireAnimationFrame|FunctionCall|EvaluateScript)$/.test(e.name) && e.dur > 5000)
      .slice(0, 6).map((e) => `${e.name} ${e.args?.data?.type ?? e.args?.data?.functionName ?? e.args?.data?.url ?? ""} ${(e.dur / 1000).toFixed(1)} ms`);
    return { atMs: Math.round(t.ts / 1000), ms: Math.round(t.dur / 1000), byKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, Math.round(v)])), what, top };
  });
}

/** The sampling profiler's samples (ProfileChunk events), each with the function it was in and its share of time. */
function profileSamples(events) {
  const nodes = new Map();
  const out = [];
  const starts = new Map(events.filter((e) => e.name === "Profile").map((e) => [e.id, e.args.data.startTime]));
  const clock = new Map();
  for (const e of events.filter((e) => e.name === "ProfileChunk")) {
    const data = e.args.data;
    for (const n of data.cpuProfile?.nodes ?? []) nodes.set(`${e.id}:${n.id}`, n.callFrame);
    let ts = clock.get(e.id) ?? starts.get(e.id) ?? e.ts;
    const deltas = data.timeDeltas ?? [];
    (data.cpuProfile?.samples ?? []).forEach((id, i) => {
      ts += deltas[i] ?? 0;
      const f = nodes.get(`${e.id}:${id}`);
      const next = deltas[i + 1] ?? 0;
      if (f && !/^\((idle|program|root)\)$/.test(f.functionName)) {
        const file = (f.url ?? "").split("/").pop();
        out.push({ pid: e.pid, ts, ms: next / 1000, frame: `${f.functionName || "(anonymous)"}${file ? ` ${file}:${(f.lineNumber ?? 0) + 1}:${(f.columnNumber ?? 0) + 1}` : ""}` });
      }
    });
    clock.set(e.id, ts);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const trace = JSON.parse(readFileSync(process.argv[2], "utf8"));
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  for (const t of longTasks(events, Number(process.argv[3] ?? 50))) console.log(JSON.stringify(t, null, 1));
}
