const NOT_READY = Symbol('not ready');

/** Resolves on the next turn of the event loop, after the promises settled by work already done. */
const nextTurn = () => new Promise<typeof NOT_READY>((resolve) => setImmediate(() => resolve(NOT_READY)));

/**
 * Groups the items of `source` that are already available, up to `max` at a time, without waiting for more:
 * a file piped in arrives in large groups (translated together, much faster), a person typing gets each line
 * at once.
 */
export async function* readyGroups<T>(source: AsyncIterable<T>, max: number): AsyncGenerator<T[]> {
  const iterator = source[Symbol.asyncIterator]();
  let pending: Promise<IteratorResult<T>> | null = null;
  for (;;) {
    const first: IteratorResult<T> = await (pending ?? iterator.next());
    pending = null;
    if (first.done) return;
    const group = [first.value];
    while (group.length < max) {
      const next = iterator.next();
      const ready = await Promise.race([next, nextTurn()]);
      if (ready === NOT_READY) {
        // Not there yet: it starts the next group.
        pending = next;
        // Handled when awaited; until then a failure must not count as unhandled.
        next.catch(() => undefined);
        break;
      }
      if (ready.done) {
        yield group;
        return;
      }
      group.push(ready.value);
    }
    yield group;
  }
}
