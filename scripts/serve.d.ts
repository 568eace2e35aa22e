import type { Server } from 'node:http';

export const ISOLATION_HEADERS: Record<string, string>;
export function parseArgs(argv: string[]): {
  port: number;
  host: string;
  dir: string;
  fixtures: boolean;
  fixturesDir: string;
  connect: string[];
};
export function serverPolicy(options: { dir: string; fixtures: boolean; connect?: string[] }): {
  header: string;
  meta: string;
};
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | 'invalid' | null;
export function accepts(header: string | undefined, name: string): boolean;
export function createLexletServer(options: {
  dir: string;
  fixtures: boolean;
  fixturesDir: string;
  connect: string[];
}): Server;
