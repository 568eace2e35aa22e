import { describe, expect, it } from 'vitest';
import { LexletError } from '../engine/errors';
import { errorMessage } from './error-message';

describe('errorMessage', () => {
  it('keeps the engine message and adds what to do', () => {
    const message = errorMessage(new LexletError('quota', 'Not enough storage: 80 MB needed, 12 MB free.'));
    expect(message).toBe(
      'Not enough storage: 80 MB needed, 12 MB free. Free some space (delete a model on the Models page) and try again.',
    );
  });

  it('ends the engine message as a sentence before the advice', () => {
    expect(errorMessage(new LexletError('network', 'HTTP 404 Not Found from https://x/m.onnx'))).toBe(
      'HTTP 404 Not Found from https://x/m.onnx. Check your connection and try again; finished files are kept.',
    );
  });

  it('shows the message alone when there is nothing to add', () => {
    expect(errorMessage(new LexletError('unsupported-pair', 'No model translates fr to ja.'))).toBe(
      'No model translates fr to ja.',
    );
  });

  it('adds no advice to a message that already gives it', () => {
    const message = 'The engine stopped responding and was restarted. Please try again.';
    expect(errorMessage(new LexletError('backend', message))).toBe(message);
  });

  it('calls any abort a cancellation', () => {
    expect(errorMessage(new LexletError('aborted', 'Cancelled.'))).toBe('Cancelled.');
    expect(errorMessage(new DOMException('The operation was aborted.', 'AbortError'))).toBe('Cancelled.');
  });

  it('falls back to the message of other errors', () => {
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorMessage('plain')).toBe('plain');
  });
});
