// SvelteKit writes its boot code as an inline <script> into the SPA fallback page.
// The server's Content-Security-Policy allows scripts only from 'self' (no 'unsafe-inline',
// no hashes), so move that code into a content-hashed file next to the other immutable
// assets and reference it with <script src>. The boot code reads
// `document.currentScript.parentElement`, which works the same for a classic external
// script placed where the inline one was.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const buildDir = new URL("../build/", import.meta.url).pathname;
const bootDir = "_app/immutable/boot";
mkdirSync(join(buildDir, bootDir), { recursive: true });
const inlineScript = /<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g;

function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "_app" ? [] : htmlFiles(path);
    return name.endsWith(".html") ? [path] : [];
  });
}

let moved = 0;
for (const file of htmlFiles(buildDir)) {
  const html = readFileSync(file, "utf8");
  const rewritten = html.replace(inlineScript, (_whole, attributes, code) => {
    if (/\btype=["']?(application\/(ld\+)?json)/.test(attributes)) return _whole;
    const hash = createHash("sha256").update(code).digest("base64url").slice(0, 12);
    const name = `${bootDir}/${hash}.js`;
    writeFileSync(join(buildDir, name), code.trim() + "\n");
    moved += 1;
    return `<script src="/${name}"></script>`;
  });
  if (/<script(?![^>]*\bsrc=)[^>]*>/.test(rewritten)) {
    throw new Error(`${relative(buildDir, file)} still has an inline <script>`);
  }
  writeFileSync(file, rewritten);
}
console.log(`externalize-boot-script: moved ${moved} inline script(s) into build/${bootDir}/`);
