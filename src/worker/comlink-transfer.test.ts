import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { LexletError } from '../engine/errors';
import { registerTransferHandlers } from './comlink-transfer';

interface Remote {
  waitForAbort(signal: AbortSignal): Promise<string>;
  isAborted(signal: AbortSignal): Promise<boolean>;
  fail(code: 'quota' | 'plain'): Promise<void>;
}

const channels: MessageChannel[] = [];

/** Exposes an object on one end of a MessageChannel and wraps the other, as the worker and page do. */
function connect(): Comlink.Remote<Remote> {
  registerTransferHandlers();
  const channel = new MessageChannel();
  channels.push(channel);
  const remote: Remote = {
    waitForAbort: (signal) =>
      new Promise((resolve) => signal.addEventListener('abort', () => resolve('aborted'), { once: true })),
    isAborted: async (signal) => signal.aborted,
    fail: async (code) => {
      if (code === 'quota') throw new LexletError('quota', 'Not enough storage for this model.');
      throw new Error('plain failure');
    },
  };
  Comlink.expose(remote, channel.port1);
  return Comlink.wrap<Remote>(channel.port2);
}

afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

describe('Comlink transfer handlers', () => {
  it('aborts the remote signal when the local one aborts', async () => {
    const remote = connect();
    const controller = new AbortController();
    const result = remote.waitForAbort(controller.signal);
    setTimeout(() => controller.abort(), 10);
    await expect(result).resolves.toBe('aborted');
  });

  it('passes an already aborted signal as aborted', async () => {
    const remote = connect();
    await expect(remote.isAborted(AbortSignal.abort())).resolves.toBe(true);
    await expect(remote.isAborted(new AbortController().signal)).resolves.toBe(false);
  });

  it('keeps the code and message of a LexletError', async () => {
    const remote = connect();
    const error = await remote.fail('quota').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LexletError);
    expect((error as LexletError).code).toBe('quota');
    expect((error as LexletError).message).toBe('Not enough storage for this model.');
  });

  it('still passes other errors through as errors', async () => {
    const remote = connect();
    const error = await remote.fail('plain').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(LexletError);
    expect((error as Error).message).toBe('plain failure');
  });
});
