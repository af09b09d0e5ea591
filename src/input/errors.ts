/**
 * A problem with what the user gave us (a missing file, an empty or binary log, a bad input value).
 * It is reported as one line, never as a stack trace.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** One line for a person, whatever was thrown. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? String(error);
  return String(error).split('\n')[0] ?? 'unknown error';
}
