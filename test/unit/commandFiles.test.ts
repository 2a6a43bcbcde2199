import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

/**
 * server/src/commands/ holds one state change per file: each top-level file exports exactly one function, named as
 * the file, so a command is found by its name. Constants and error factories (`() => conflict(…)`) may be exported
 * beside it; shared write steps live in commands/support/, reads in queries/, start-up work in jobs/.
 */

const COMMANDS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../server/src/commands");
const ERROR_FACTORIES = new Set(["conflict", "notFound", "badRequest", "forbidden", "unauthorized"]);

const isExported = (node: ts.Node): boolean =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** `() => conflict("…")` or `() => new AppError(…)`: an error the command's callers may also throw. */
function isErrorFactory(initializer: ts.Expression): boolean {
  if (!ts.isArrowFunction(initializer) || ts.isBlock(initializer.body)) return false;
  const body = initializer.body;
  if (ts.isNewExpression(body)) return body.expression.getText() === "AppError";
  return ts.isCallExpression(body) && ERROR_FACTORIES.has(body.expression.getText());
}

/** The names of the functions a file exports (declarations, and constants holding a function). */
function exportedFunctions(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const names: string[] = [];
  for (const statement of source.statements) {
    if (!isExported(statement)) continue;
    if (ts.isFunctionDeclaration(statement) && statement.name) names.push(statement.name.text);
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const initializer = declaration.initializer;
        const isFunction =
          initializer !== undefined && (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer));
        if (isFunction && !isErrorFactory(initializer) && ts.isIdentifier(declaration.name))
          names.push(declaration.name.text);
      }
    }
  }
  return names;
}

const files = readdirSync(COMMANDS).filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"));

describe("server/src/commands", () => {
  it("has command files to check", () => {
    expect(files.length).toBeGreaterThan(90);
  });

  it.each(files)("%s exports exactly one function, named as the file", (file) => {
    expect(exportedFunctions(path.join(COMMANDS, file))).toEqual([file.replace(/\.ts$/, "")]);
  });
});
