import { InputError } from './errors.js';

/** A positive number of minutes (the `max-build-minutes` input and `--max-build-minutes`). */
export function parseMinutes(text: string): number {
  const minutes = Number(text.trim());
  if (!Number.isFinite(minutes) || minutes <= 0) throw new InputError(`max-build-minutes must be a positive number of minutes, not "${text}"`);
  return minutes;
}
