/** The part of a zod error the forms use (kept structural so the client needs no zod import). */
interface ValidationIssues {
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>;
}

/** First message per field from a failed schema parse, keyed by the field's name. */
export function fieldErrors(error: ValidationIssues): Record<string, string> {
  const result: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    result[field] ??= issue.message;
  }
  return result;
}
