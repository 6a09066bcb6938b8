import { defineConfig } from "vite";

// The host (src/Host/Vape.Host) serves dist/ at `/`; `npm run dev` proxies the API to a host on :5080.
export default defineConfig({
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  build: {
    target: "es2020",
    outDir: "dist",
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    rollupOptions: {
      // @microsoft/signalr's misplaced /*#__PURE__*/ comments: harmless, and noise in every host build.
      onwarn(warning, warn) {
        if (warning.code !== "INVALID_ANNOTATION") warn(warning);
      },
    },
  },
  server: {
    proxy: {
      "/graphql": "http://localhost:5080",
      "/dev": "http://localhost:5080",
      "/hubs": { target: "http://localhost:5080", ws: true },
      "/files": "http://localhost:5080",
      "/records": "http://localhost:5080",
      "/classes": "http://localhost:5080",
      "/content": "http://localhost:5080",
    },
  },
});
