// After `vite build`: writes .br and .gz beside each text file of dist/, which the host serves to browsers that accept them.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(js|css|html|svg|webmanifest|json)$/.test(name)) yield path;
  }
}

for (const path of files("dist")) {
  const data = readFileSync(path);
  if (data.length < 512) continue;
  writeFileSync(path + ".br", brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(path + ".gz", gzipSync(data, { level: 9 }));
}
