import { defineConfig } from '@playwright/test';

/** Debian's Chromium; Playwright's own browser download is not used. Override with CHROMIUM_PATH. */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const baseArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const PORT = 4173;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // screenshot.spec.ts renders docs/screenshot.png; it runs only when asked for (see the file).
  testIgnore: process.env.LEXLET_SCREENSHOT ? [] : ['**/screenshot.spec.ts'],
  // Two cores: one browser at a time. WebGPU runs on SwiftShader (a CPU), so allow generous timeouts.
  workers: 1,
  fullyParallel: false,
  timeout: 180_000,
  expect: { timeout: 30_000 },
  retries: 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    serviceWorkers: 'allow',
  },
  projects: [
    {
      name: 'webgpu',
      use: {
        launchOptions: { executablePath, args: [...baseArgs, '--enable-unsafe-webgpu'] },
        // SwiftShader is a software fallback adapter, which Auto leaves to WASM: choose WebGPU as a user would.
        storageState: {
          cookies: [],
          origins: [
            {
              origin: `http://127.0.0.1:${PORT}`,
              localStorage: [{ name: 'lexlet.backend', value: 'webgpu' }],
            },
          ],
        },
      },
    },
    {
      name: 'wasm',
      use: { launchOptions: { executablePath, args: baseArgs } },
    },
  ],
  webServer: {
    // `npm run test:e2e` builds dist/ first.
    command: `node scripts/serve.js --fixtures --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
