import type { Engine } from '../engine/engine';
import type { Catalog } from '../engine/types';

function size(bytes: number | null): string {
  if (bytes === null) return 'unknown';
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(0)} kB`;
}

/**
 * A table of the catalog's models with whether each is available offline. A remote model's size may be unknown
 * until its first download (the catalog need not pin it); the cache then knows it.
 */
export async function listModels(engine: Engine, catalog: Catalog): Promise<string> {
  const statuses = new Map((await engine.modelStatuses()).map((status) => [status.id, status]));
  const rows = catalog.models.map((model) => {
    const status = statuses.get(model.id);
    const total = status?.totalBytes ?? null;
    const languages =
      model.task === 'translation'
        ? `${model.source}→${model.target}`
        : (model.labels?.length ?? 0) + ' labels';
    const cached = status?.state === 'ready' ? 'yes' : status?.state === 'failed' ? 'failed' : 'no';
    const remote = status?.state === 'ready' ? 'remote' : 'remote, needs internet to download';
    const notes = [model.remote ? remote : '', model.fixture ? 'test fixture' : '']
      .filter(Boolean)
      .join(', ');
    return [model.id, model.task, languages, size(total), cached, notes];
  });
  const header = ['ID', 'TASK', 'LANGUAGES', 'SIZE', 'CACHED', ''];
  const widths = header.map((_, column) =>
    Math.max(...[header, ...rows].map((row) => (row[column] ?? '').length)),
  );
  return [header, ...rows]
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
