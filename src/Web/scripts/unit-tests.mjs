// The client's own logic (tests/*.test.ts): bundled by esbuild for Node, run by node's test runner.
// `node scripts/unit-tests.mjs [file.test.ts]`; the exit code is node --test's.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";
import { basename } from "node:path";

const only = process.argv[2];
const entries = readdirSync("tests").filter((f) => f.endsWith(".test.ts") && (!only || f === basename(only))).map((f) => "tests/" + f);
if (entries.length === 0) {
  console.error("no test file" + (only ? " named " + only : ""));
  process.exit(2);
}
rmSync(".unit", { recursive: true, force: true });
await build({ entryPoints: entries, bundle: true, platform: "node", format: "esm", target: "node20", outdir: ".unit", outExtension: { ".js": ".mjs" }, logLevel: "error", jsx: "automatic", jsxImportSource: "preact" });
const result = spawnSync(process.execPath, ["--test", ...entries.map((e) => ".unit/" + basename(e, ".ts") + ".mjs")], { stdio: "inherit" });
process.exit(result.status ?? 1);
