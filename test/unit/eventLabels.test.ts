import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  AUDITED_EVENT_NAMES,
  CHANGE_FIELD_LABELS,
  EVENT_LABELS,
  EVENT_NAMES,
  PERSONAL_EVENT_NAMES,
  SECURITY_EVENT_NAMES,
  SUBJECT_LABELS,
  eventLabel,
  subjectLabel,
} from "@forum/shared";

/** Every event the forum records is shown by its Polish (and English) name, never by its raw key. */

const SERVER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../server/src");
const RAW_KEY = /^[a-z]+\.[A-Za-z]+$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return entry.endsWith(".ts") && !entry.endsWith(".test.ts") && !entry.endsWith(".typetest.ts") ? [full] : [];
  });
}

/** Names written where events are recorded: `name: "x.y"` and the names of the typed helpers' unions. */
function recordedNames(): Set<string> {
  const names = new Set<string>();
  for (const file of sourceFiles(SERVER)) {
    const text = readFileSync(file, "utf8");
    if (!text.includes("recordEvent") && !file.includes(`${path.sep}commands${path.sep}`)) continue;
    for (const match of text.matchAll(
      /name:\s*(?:[^,\n]*\?\s*)?"([a-z]+\.[A-Za-z]+)"(?:\s*:\s*"([a-z]+\.[A-Za-z]+)")?/g,
    )) {
      names.add(match[1]!);
      if (match[2]) names.add(match[2]);
    }
  }
  return names;
}

describe("event labels", () => {
  it.each(EVENT_NAMES)("%s has a Polish and an English label, not its key", (name) => {
    const { pl, en } = EVENT_LABELS[name];
    expect(pl.trim()).not.toBe("");
    expect(en.trim()).not.toBe("");
    expect(pl).not.toMatch(RAW_KEY);
    expect(eventLabel(name, "pl")).toBe(pl);
    expect(eventLabel(name, "en")).toBe(en);
  });

  it("covers every event a command records", () => {
    const recorded = [...recordedNames()];
    expect(recorded.length).toBeGreaterThan(80);
    expect(recorded.filter((name) => !EVENT_NAMES.includes(name as never))).toEqual([]);
  });

  it("gives each action its own Polish label", () => {
    const labels = EVENT_NAMES.map((name) => EVENT_LABELS[name].pl);
    expect(labels.filter((label, index) => labels.indexOf(label) !== index)).toEqual([]);
  });

  it("keeps the audit log's lists in the one table", () => {
    expect(SECURITY_EVENT_NAMES).toEqual(
      expect.arrayContaining(["users.request", "users.passwordReset", "invitations.accept"]),
    );
    expect(PERSONAL_EVENT_NAMES).toEqual(expect.arrayContaining(["notifications.read", "roomMessages.create"]));
    expect(AUDITED_EVENT_NAMES).not.toContain("notifications.read");
    expect(AUDITED_EVENT_NAMES).toContain("users.suspend");
  });

  it("names a name no longer recorded in words, not by its key", () => {
    expect(eventLabel("threads.teleport")).toBe("Inne działanie");
    expect(subjectLabel("Spaceship")).toBe("inny obiekt");
  });

  it("names every subject type and every field a change shows", () => {
    for (const words of [...Object.values(SUBJECT_LABELS), ...Object.values(CHANGE_FIELD_LABELS)]) {
      expect(words.pl.trim()).not.toBe("");
      expect(words.en.trim()).not.toBe("");
    }
    expect(subjectLabel("User")).toBe("osoba");
    expect(subjectLabel("Thread")).toBe("wątek");
  });
});
