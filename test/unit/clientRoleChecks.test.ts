import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The client decides what to show from the abilities the server computes with its policies (`/api/auth/me`,
 * a thread's or a post's `can`, a room participant's `moderatesRoom`), never from a role's name: a rule
 * changed in server/src/policies must not leave a copy of the old one behind in the browser. Showing a role's
 * Polish label is fine; comparing a role with a name is what this test refuses.
 */
const CLIENT_SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../client/src");
const ROLE = "(?:admin|moderator|expert|member)";
const COMPARISONS = [
  // role === "admin", user.role !== 'moderator', $currentUser?.role == "expert"
  new RegExp(String.raw`\brole\s*[!=]==?\s*["'\`]${ROLE}["'\`]`),
  // "admin" === user.role
  new RegExp(String.raw`["'\`]${ROLE}["'\`]\s*[!=]==?\s*[\w$?.!]*\brole\b`),
  // ["admin", "moderator"].includes(user.role)
  new RegExp(String.raw`["'\`]${ROLE}["'\`]\s*\]\s*\.includes\([^)]*\brole\b`),
  // switch (user.role) { case "admin": … }
  /\bswitch\s*\([^)]*\brole\s*\)/,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(svelte|ts|js)$/.test(entry.name) ? [full] : [];
  });
}

function roleComparisons(text: string): string[] {
  return text.split("\n").filter((line) => COMPARISONS.some((pattern) => pattern.test(line)));
}

describe("the client and role names", () => {
  it("recognises the comparisons it looks for", () => {
    for (const line of [
      `{#if $currentUser?.role === "admin"}`,
      `if (user.role !== 'moderator') error(403);`,
      `participants.filter((person) => person.role !== "moderator")`,
      `const staff = "admin" === user.role;`,
      `const staff = ["admin", "moderator"].includes(user.role);`,
      `switch (person.role) {`,
    ]) {
      expect(roleComparisons(line)).toEqual([line]);
    }
    for (const line of [
      `{$_(\`roles.\${user.role}\`)}`,
      `{#if $abilities?.editSitePages}`,
      `let role = $state("member");`,
      `membership.role === "facilitator" ? label : ""`,
    ]) {
      expect(roleComparisons(line)).toEqual([]);
    }
  });

  it("finds no file under client/src that decides by comparing a role with its name", () => {
    const files = sourceFiles(CLIENT_SRC);
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) =>
      roleComparisons(readFileSync(file, "utf8")).map((line) => `${path.relative(CLIENT_SRC, file)}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });
});
