import * as Comlink from 'comlink';
import { LexletError, type LexletErrorCode } from '../engine/errors';

/**
 * Comlink transfer handlers shared by the worker and the page (both sides must register the same ones):
 * real AbortSignals cross the boundary, and LexletError keeps its `code` (Comlink's default keeps only the
 * message, which would make every engine error look alike to the UI).
 */

interface SerializedSignal {
  aborted: boolean;
  port: MessagePort;
}

const abortSignalHandler: Comlink.TransferHandler<AbortSignal, SerializedSignal> = {
  canHandle: (value): value is AbortSignal =>
    typeof AbortSignal !== 'undefined' && value instanceof AbortSignal,
  serialize(signal) {
    const { port1, port2 } = new MessageChannel();
    if (!signal.aborted) {
      signal.addEventListener(
        'abort',
        () => {
          port1.postMessage('abort');
          port1.close();
        },
        { once: true },
      );
    }
    return [{ aborted: signal.aborted, port: port2 }, [port2]];
  },
  deserialize({ aborted, port }) {
    const controller = new AbortController();
    if (aborted) {
      controller.abort();
      port.close();
    } else {
      port.onmessage = () => {
        controller.abort();
        port.close();
      };
    }
    return controller.signal;
  },
};

interface SerializedLexletError {
  lexlet: true;
  code: LexletErrorCode;
  message: string;
}

type Thrown = { value: unknown };

function isSerializedLexletError(value: unknown): value is SerializedLexletError {
  return typeof value === 'object' && value !== null && (value as { lexlet?: unknown }).lexlet === true;
}

/** Wraps Comlink's own "throw" handler so LexletErrors (or anything with an error code) arrive as LexletErrors. */
function lexletErrorHandler(
  base: Comlink.TransferHandler<Thrown, unknown>,
): Comlink.TransferHandler<Thrown, unknown> {
  return {
    canHandle: (value): value is Thrown => base.canHandle(value),
    serialize(thrown) {
      const error = thrown.value;
      if (error instanceof LexletError) {
        const serialized: SerializedLexletError = { lexlet: true, code: error.code, message: error.message };
        return [serialized, []];
      }
      return base.serialize(thrown);
    },
    deserialize(serialized) {
      if (isSerializedLexletError(serialized)) throw new LexletError(serialized.code, serialized.message);
      return base.deserialize(serialized);
    },
  };
}

let registered = false;

export function registerTransferHandlers(): void {
  if (registered) return;
  registered = true;
  Comlink.transferHandlers.set(
    'abortSignal',
    abortSignalHandler as Comlink.TransferHandler<unknown, unknown>,
  );
  const base = Comlink.transferHandlers.get('throw') as Comlink.TransferHandler<Thrown, unknown> | undefined;
  if (base) {
    Comlink.transferHandlers.set(
      'throw',
      lexletErrorHandler(base) as Comlink.TransferHandler<unknown, unknown>,
    );
  }
}
