import { tick } from "svelte";
import { ApiRequestError, NETWORK_ERROR } from "./api";

/** What a form shows after a failed call: messages next to fields, or one for the whole form. */
export interface FormFailure {
  fields: Record<string, string>;
  formError: string;
}

/**
 * Turns a failed API call into what the form shows. The server's Polish message is shown as it
 * is; `fallback` covers a dropped connection or an answer without a message. What the user typed
 * stays in the form: callers never reset their fields on failure.
 */
export function failureFrom(cause: unknown, messages: { network: string; unknown: string }): FormFailure {
  if (cause instanceof ApiRequestError && cause.code !== NETWORK_ERROR) {
    const fields = cause.fields ?? {};
    return { fields, formError: Object.keys(fields).length > 0 ? "" : cause.message || messages.unknown };
  }
  return { fields: {}, formError: messages.network };
}

/** Summary entries for the fields that have an error, in the form's order. */
export function summaryFor(
  errors: Record<string, string>,
  fieldIds: Record<string, string>,
): Array<{ fieldId: string; message: string }> {
  return Object.entries(fieldIds)
    .filter(([field]) => errors[field])
    .map(([field, fieldId]) => ({ fieldId, message: errors[field] ?? "" }));
}

/** Moves focus to the error summary once it is on the page. */
export async function focusAfterRender(element: () => { focus(): void } | undefined): Promise<void> {
  await tick();
  element()?.focus();
}

/** `a=1&b=2` from the entries that are not empty. */
export function queryString(values: Record<string, string | undefined>): string {
  return new URLSearchParams(
    Object.entries(values).filter((entry): entry is [string, string] => Boolean(entry[1])),
  ).toString();
}
