import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SERVER_SOURCE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../server/src");

/** Who may do what is decided in server/src/policies and asked through can()/authorize(), nowhere else. */
const ROLE_NAME = "(?:admin|moderator|expert|member|facilitator)";
const PERMISSION_SHORTCUTS: [string, RegExp][] = [
  ["compares a role name", new RegExp(`\\brole\\s*[!=]==?\\s*["']${ROLE_NAME}["']`)],
  ["compares a role name", new RegExp(`["']${ROLE_NAME}["']\\s*[!=]==?\\s*[\\w.?]*\\brole\\b`)],
  ["looks a role up in a list", /\.includes\(\s*[\w.?]*\brole\s*\)/],
  ["asks isStaff or readsAllGroups", /\b(?:isStaff|readsAllGroups)\b/],
];

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

describe("permission decisions", () => {
  it("are made only in server/src/policies (reach them through can() or authorize())", () => {
    const found: Record<string, string> = {};
    for (const file of sourceFiles(SERVER_SOURCE)) {
      const relative = path.relative(SERVER_SOURCE, file).split(path.sep).join("/");
      if (relative.startsWith("policies/")) continue;
      const text = readFileSync(file, "utf8");
      const shortcut = PERMISSION_SHORTCUTS.find(([, pattern]) => pattern.test(text));
      if (shortcut) found[relative] = shortcut[0];
    }
    expect(found).toEqual({});
  });
});
