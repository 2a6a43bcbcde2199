import adapter from "@sveltejs/adapter-static";
import { sveltekit } from "@sveltejs/kit/vite";
import { defineConfig } from "vite";

/** Where the API server runs in development (`npm start` in the repository root). */
const apiServer = process.env.FORUM_API_URL ?? "http://localhost:3000";

export default defineConfig({
  plugins: [
    sveltekit({
      // A single-page app: Express serves build/ and falls back to index.html for any path.
      adapter: adapter({ pages: "build", assets: "build", fallback: "index.html" }),
      // The build is post-processed by scripts/externalize-boot-script.mjs so that
      // index.html carries no inline <script> (the server's CSP is script-src 'self').
      output: { bundleStrategy: "split" },
    }),
  ],
  ssr: {
    // SvelteKit's build-time analysis imports its server runtime; bundle the runtime's own
    // `cookie` (2.x) instead of the workspace-hoisted 0.7 that Express brings.
    noExternal: ["cookie"],
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      "/api": { target: apiServer, changeOrigin: false },
      "/socket.io": { target: apiServer, ws: true, changeOrigin: false },
    },
  },
});
