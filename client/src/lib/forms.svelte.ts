import { tick } from "svelte";
import { get } from "svelte/store";
import { _ } from "svelte-i18n";
import { ApiRequestError, NETWORK_ERROR } from "./api";
import { announce } from "./announcer";
import { fieldErrors } from "./validation";

/** What a form shows after a failed call: messages next to fields, or one for the whole form. */
export interface FormFailure {
  fields: Record<string, string>;
  formError: string;
}

/**
 * Turns a failed API call into what the form shows. The server's Polish message is shown as it
 * is; `messages` (by default the translated "network" and "unknown" errors) cover a dropped
 * connection or an answer without a message. What the user typed stays in the form: callers
 * never reset their fields on failure.
 */
export function failureFrom(cause: unknown, messages?: { network: string; unknown: string }): FormFailure {
  const translate = get(_);
  if (cause instanceof ApiRequestError && cause.code !== NETWORK_ERROR) {
    const fields = cause.fields ?? {};
    return {
      fields,
      formError:
        Object.keys(fields).length > 0 ? "" : cause.message || (messages?.unknown ?? translate("errors.unknown")),
    };
  }
  return { fields: {}, formError: messages?.network ?? translate("errors.network") };
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

/**
 * The aria-describedby value of control `id`: `${id}-${suffix}` for every suffix whose value is
 * set, in the given order (e.g. `{ hint, error }`), or undefined when none is.
 */
export function describedBy(id: string, parts: Record<string, unknown>): string | undefined {
  return (
    Object.entries(parts)
      .filter(([, present]) => Boolean(present))
      .map(([suffix]) => `${id}-${suffix}`)
      .join(" ") || undefined
  );
}

/** Moves focus to the error summary once it is on the page. */
export async function focusAfterRender(element: () => { focus(): void } | undefined): Promise<void> {
  await tick();
  element()?.focus();
}

/** Says `message` through the live region, then moves focus to what shows it (e.g. the "done" heading). */
export async function announceAndFocus(message: string, element: () => { focus(): void } | undefined): Promise<void> {
  announce(message);
  await focusAfterRender(element);
}

/** What a schema's safeParse answers (kept structural so the client needs no zod import). */
type Parsed<T> = { success: true; data: T } | { success: false; error: Parameters<typeof fieldErrors>[0] };

/**
 * State and submit flow of the account forms that show an error summary (sign-in, registration,
 * invitation, password reset): check the fields with the shared zod schema, call the API, and on
 * any failure put the messages next to the fields and in the summary, then move focus to it.
 * The page binds `summary` to its ErrorSummary and shows it while `hasErrors`.
 */
export class SummaryForm {
  errors = $state<Record<string, string>>({});
  formError = $state("");
  submitting = $state(false);
  summary = $state<{ focus(): void }>();
  readonly fieldIds: Record<string, string>;
  readonly summaryItems = $derived.by(() => summaryFor(this.errors, this.fieldIds));
  readonly hasErrors = $derived(this.summaryItems.length > 0 || this.formError !== "");

  /** `fieldIds`: the id of each field's control, by field name, in the form's order. */
  constructor(fieldIds: Record<string, string>) {
    this.fieldIds = fieldIds;
  }

  /**
   * `parse` checks what was typed (it may load the schema first); `send` gets the parsed data.
   * `adjust` runs after any failure is shown in the fields, before focus moves to the summary.
   */
  async submit<T>(
    event: SubmitEvent,
    steps: { parse: () => Parsed<T> | Promise<Parsed<T>>; send: (data: T) => Promise<void>; adjust?: () => void },
  ): Promise<void> {
    event.preventDefault();
    if (this.submitting) return;
    this.submitting = true;
    this.formError = "";
    try {
      const parsed = await steps.parse();
      if (!parsed.success) {
        this.errors = fieldErrors(parsed.error);
        await this.#showErrors(steps.adjust);
        return;
      }
      this.errors = {};
      await steps.send(parsed.data);
    } catch (cause) {
      ({ fields: this.errors, formError: this.formError } = failureFrom(cause));
      await this.#showErrors(steps.adjust);
    } finally {
      this.submitting = false;
    }
  }

  async #showErrors(adjust: (() => void) | undefined) {
    adjust?.();
    await focusAfterRender(() => this.summary);
  }
}

/**
 * State and save flow of a profile section: no summary, but a short status next to the button
 * ("Zapisano" or what went wrong) that is also announced. `fixErrors` is the status when the
 * server's answer is about fields (the section shows them next to its fields).
 */
export class SectionForm {
  errors = $state<Record<string, string>>({});
  status = $state("");
  failed = $state(false);
  saving = $state(false);
  readonly #fixErrors: (() => string) | undefined;

  constructor(options: { fixErrors?: () => string } = {}) {
    this.#fixErrors = options.fixErrors;
  }

  /** `parse` checks the fields; `send` saves and answers the status to show. */
  async save<T>(
    event: SubmitEvent,
    steps: { parse: () => Parsed<T> | Promise<Parsed<T>>; send: (data: T) => Promise<string> },
  ): Promise<void> {
    event.preventDefault();
    if (this.saving) return;
    this.saving = true;
    this.status = "";
    this.failed = false;
    try {
      const parsed = await steps.parse();
      if (!parsed.success) {
        this.errors = fieldErrors(parsed.error);
        this.failed = true;
        this.status = this.#fixErrors?.() ?? "";
        return;
      }
      this.errors = {};
      this.status = await steps.send(parsed.data);
    } catch (cause) {
      const failure = failureFrom(cause);
      this.errors = failure.fields;
      this.failed = true;
      this.status = failure.formError || (this.#fixErrors?.() ?? "");
    } finally {
      this.saving = false;
      if (this.status) announce(this.status);
    }
  }
}

/** `a=1&b=2` from the entries that are not empty. */
export function queryString(values: Record<string, string | undefined>): string {
  // Built and turned into text at once: nothing keeps it, so it needs no reactivity.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  return new URLSearchParams(
    Object.entries(values).filter((entry): entry is [string, string] => Boolean(entry[1])),
  ).toString();
}
