import { isAbortError, LexletError, type LexletErrorCode } from '../engine/errors';

/** What a user can do about each kind of failure; the engine's own message says what happened. */
const ADVICE: Partial<Record<LexletErrorCode, string>> = {
  network: 'Check your connection and try again; finished files are kept.',
  unreachable: 'Check your connection and try again; finished files are kept.',
  integrity: 'The download was damaged and has been discarded. Try again.',
  truncated: 'The download ended early. Try again; finished files are kept.',
  quota: 'Free some space (delete a model on the Models page) and try again.',
  backend: 'Try again, or choose WASM on the Models page.',
  'model-invalid': 'Delete the model on the Models page and download it again.',
  'catalog-invalid': 'The model list could not be read, so no models can be offered.',
};

/** A specific, user-facing message for any error the engine (or the worker boundary) can produce. */
export function errorMessage(error: unknown): string {
  if (isAbortError(error)) return 'Cancelled.';
  if (error instanceof LexletError) {
    const advice = ADVICE[error.code];
    // Messages that already say what to do (e.g. after an engine restart) stand alone.
    if (!advice || /try again/iu.test(error.message)) return error.message;
    const sentence = /[.!?]$/u.test(error.message.trim()) ? error.message.trim() : `${error.message.trim()}.`;
    return `${sentence} ${advice}`;
  }
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}
