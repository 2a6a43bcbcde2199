import { readFileSync } from "node:fs";
import path from "node:path";
import { CONFIG_VARIABLES, ConfigError, loadConfig, REPO_ROOT } from "./config.js";

describe("loadConfig", () => {
  it("gives working defaults when nothing is set", () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.MONGODB_URI).toBeUndefined();
    expect(config.SEED_DEMO).toBe("auto");
    expect(config.FORUM_SKIP_EMBEDDED_MONGODB).toBe(false);
    expect(config.TERYT_CSV).toMatch(/teryt-terc-2024-01-01\.csv$/);
  });

  it("treats empty values as unset", () => {
    expect(loadConfig({ PORT: "", MONGODB_URI: "" }).PORT).toBe(3000);
  });

  it("parses flags and numbers", () => {
    const config = loadConfig({ PORT: "8080", FORUM_SKIP_EMBEDDED_MONGODB: "1", TRUST_PROXY: "true" });
    expect(config.PORT).toBe(8080);
    expect(config.FORUM_SKIP_EMBEDDED_MONGODB).toBe(true);
    expect(config.TRUST_PROXY).toBe(true);
  });

  it("names every bad variable and what is allowed", () => {
    let error: unknown;
    try {
      loadConfig({ PORT: "-5", LOG_LEVEL: "loud", SESSION_SECRET: "short" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain("PORT");
    expect(message).toContain("LOG_LEVEL");
    expect(message).toContain("SESSION_SECRET: musi mieć co najmniej 32 znaki");
    expect((error as ConfigError).problems).toHaveLength(3);
  });
});

describe(".env.example", () => {
  it("documents every variable the server reads, and no others", () => {
    const documented = readFileSync(path.join(REPO_ROOT, ".env.example"), "utf8")
      .split("\n")
      .flatMap((line) => /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1] ?? []);
    expect([...documented].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it("holds values the server accepts", () => {
    const values = Object.fromEntries(
      readFileSync(path.join(REPO_ROOT, ".env.example"), "utf8")
        .split("\n")
        .flatMap((line) => {
          const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
          return match ? [[match[1], match[2]]] : [];
        }),
    );
    const config = loadConfig(values);
    expect(config.DATA_DIR).toBe(path.join(REPO_ROOT, "data"));
  });
});

describe("README", () => {
  it("has a configuration table row for every variable", () => {
    const readme = readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
    const missing = CONFIG_VARIABLES.filter((name) => !readme.includes(`| \`${name}\` |`));
    expect(missing).toEqual([]);
  });
});
