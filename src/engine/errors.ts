/**
 * Typed errors: each carries a message fit to show a user and an optional cause for logs.
 * `code` survives structured cloning across the worker boundary where the class does not.
 */
export type LexletErrorCode =
  | 'catalog-invalid'
  | 'model-unknown'
  | 'network'
  /** No answer at all from the host (offline, DNS, refused, blocked): not worth the same advice as an HTTP error. */
  | 'unreachable'
  | 'integrity'
  | 'truncated'
  | 'quota'
  | 'aborted'
  | 'backend'
  | 'model-invalid'
  | 'input-invalid'
  | 'unsupported-pair';

export class LexletError extends Error {
  readonly code: LexletErrorCode;

  constructor(code: LexletErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LexletError';
    this.code = code;
  }
}

export function isAbortError(error: unknown): boolean {
  return (
    (error instanceof LexletError && error.code === 'aborted') ||
    (error instanceof DOMException && error.name === 'AbortError') ||
    (error instanceof Error && error.name === 'AbortError')
  );
}

export function abortError(): LexletError {
  return new LexletError('aborted', 'Cancelled.');
}
