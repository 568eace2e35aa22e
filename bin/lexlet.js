#!/usr/bin/env node
// Runs the TypeScript CLI in place through tsx, so `npx lexlet` works straight after `npm install`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/entry.ts');
