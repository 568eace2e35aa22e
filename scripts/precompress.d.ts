import type { Plugin } from 'vite';

export const COMPRESSIBLE: Set<string>;
export function precompress(dir: string): Promise<{ identity: number; br: number; gzip: number }>;
export function precompressPlugin(): Plugin;
