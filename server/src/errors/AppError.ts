/** An error whose message is meant for the user: it is returned as `{ error: { code, message } }`. */
export class AppError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly fields?: Record<string, string>,
    /** The same request may succeed later unchanged (e.g. the database was away): clients offer to retry. */
    public readonly retryable = false,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (message = "Nie znaleziono takiej strony lub zasobu.") =>
  new AppError(404, "not_found", message);
export const unauthorized = (message = "Zaloguj się, aby kontynuować.") => new AppError(401, "unauthorized", message);
export const forbidden = (message = "Nie masz uprawnień do tej operacji.") => new AppError(403, "forbidden", message);
export const badRequest = (message: string, fields?: Record<string, string>) =>
  new AppError(400, "invalid_input", message, fields);
export const conflict = (message: string) => new AppError(409, "conflict", message);
