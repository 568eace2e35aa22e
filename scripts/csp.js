// Lexlet's Content-Security-Policy, one definition for the server (serve.js), the Vite dev and preview servers
// and the <meta> tag of the built index.html. Scripts come only from the app itself ('wasm-unsafe-eval' lets
// onnxruntime compile its WebAssembly; nothing may eval JavaScript), and the app and its workers may contact
// only the app's own origin and the hosts that the catalog's remote models download from.
import { readFileSync } from 'node:fs';

/**
 * Hosts a model host sends its large files on from: huggingface.co answers /resolve/ with a redirect to its
 * storage hosts, and a redirect target must be allowed too.
 */
const REDIRECT_HOSTS = {
  'https://huggingface.co': ['https://*.huggingface.co', 'https://*.hf.co'],
};

/** The origins of a catalog's absolute `baseUrl`s, with the hosts they redirect to. */
export function catalogOrigins(catalog) {
  const origins = new Set();
  for (const model of catalog?.models ?? []) {
    let url;
    try {
      url = new URL(model.baseUrl);
    } catch {
      continue; // relative: the app's own origin
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') continue;
    origins.add(url.origin);
    for (const host of REDIRECT_HOSTS[url.origin] ?? []) origins.add(host);
  }
  return [...origins].sort();
}

/** The origins of the catalog file at `path`; none when it is missing or unreadable. */
export function catalogOriginsOf(path) {
  try {
    return catalogOrigins(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return [];
  }
}

/**
 * The policy as a header value. `connect` adds origins the app may fetch from (a self-hosted catalog's host);
 * `meta` leaves out what a <meta> policy may not hold (frame-ancestors). `dev` is for the Vite dev server only:
 * its hot-reload socket, React Fast Refresh's inline start-up script and the <style> elements it injects CSS
 * through; a built app needs none of them.
 */
export function contentSecurityPolicy({ connect = [], meta = false, dev = false } = {}) {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${dev ? " 'unsafe-inline'" : ''}`,
    // Workers are the app's own scripts; onnxruntime may start its WASM threads from a blob: URL it made.
    "worker-src 'self' blob:",
    `connect-src ${["'self'", ...connect, ...(dev ? ['ws:'] : [])].join(' ')}`,
    "img-src 'self' data: blob:",
    `style-src 'self'${dev ? " 'unsafe-inline'" : ''}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "manifest-src 'self'",
  ];
  if (!meta) directives.push("frame-ancestors 'none'");
  return directives.join('; ');
}

/**
 * `html` with its Content-Security-Policy <meta> tag set to `policy`: added first in <head> (or after the doctype
 * of a page that has no <head>) when it has none, so it applies before any script or style is met.
 */
export function withPolicyMeta(html, policy) {
  const tag = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
  const existing = /<meta http-equiv="Content-Security-Policy"[^>]*>/iu;
  if (existing.test(html)) return html.replace(existing, () => tag);
  const head = /<head[^>]*>/iu;
  if (head.test(html)) return html.replace(head, (open) => `${open}\n    ${tag}`);
  return html.replace(/^(<!doctype html>)?/iu, (doctype) => `${doctype}${tag}`);
}
