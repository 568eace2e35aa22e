#!/usr/bin/env node
// Rewrites the byte size and SHA-256 of every local file listed in a catalog from the files on disk,
// so a re-exported model never ships with stale integrity data, and the layer counts a description gives
// ("4 encoder / 2 decoder layers") from the model's config.json, so a deepened model is not described as it
// was. Remote models ("remote": true or an absolute baseUrl) are left alone: their files are not here, and
// their catalog entries may leave size and sha256 out.
// Usage: node scripts/refresh-catalog.js [public/models/catalog.json] [--check]
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const args = process.argv.slice(2);
const check = args.includes('--check');
const catalogPath = args.find((a) => !a.startsWith('--')) ?? 'public/models/catalog.json';
const catalog = JSON.parse(readFileSync(catalogPath, 'utf8'));
let stale = 0;
let skipped = 0;

for (const model of catalog.models) {
  if (model.remote === true || /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(model.baseUrl)) {
    skipped += 1;
    continue;
  }
  for (const file of model.files) {
    const bytes = readFileSync(join(dirname(catalogPath), model.baseUrl, file.path));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (file.size !== bytes.length || file.sha256 !== sha256) {
      stale += 1;
      console.error(`${model.id}/${file.path}: ${file.size} ${file.sha256} -> ${bytes.length} ${sha256}`);
      file.size = bytes.length;
      file.sha256 = sha256;
    }
  }
  const layers = /\((\d+) encoder \/ (\d+) decoder layers\)/.exec(model.description ?? '');
  if (layers && model.files.some((file) => file.path === 'config.json')) {
    const config = JSON.parse(readFileSync(join(dirname(catalogPath), model.baseUrl, 'config.json'), 'utf8'));
    const actual = `(${config.encoder_layers} encoder / ${config.decoder_layers} decoder layers)`;
    if (layers[0] !== actual) {
      stale += 1;
      console.error(`${model.id}: description says ${layers[0]}, config.json ${actual}`);
      model.description = model.description.replace(layers[0], actual);
    }
  }
}

if (check) {
  if (stale) {
    console.error(`${stale} catalog entries do not match their files (run without --check to fix).`);
    process.exit(1);
  }
  console.log(`${catalogPath}: all local files match${remoteNote()}.`);
} else {
  writeFileSync(catalogPath, JSON.stringify(catalog, null, 2) + '\n');
  console.log(`${catalogPath}: ${stale} entries updated${remoteNote()}.`);
}

function remoteNote() {
  return skipped ? ` (${skipped} remote model${skipped === 1 ? '' : 's'} not checked)` : '';
}
