// End-to-end tests of the built app (dist/), in a phone-sized Chromium.
//
//   npx playwright test                  both projects
//   npx playwright test --project=demo   the demo transport (public/demo answered in the browser)
//   npx playwright test --project=http   the http transport against tests/mock/backend.mjs
//   npx playwright test --project=nginx  the shell and headers behind deploy/nginx.conf
//   npx playwright test --project=subpath  the same build under https://host/youxin/
//
// Build first (trunk build --release): the app server only serves dist/.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/support/chromium.mjs';
import { FIXED_NOW } from './tests/support/clock.mjs';

// Other ports may be chosen (E2E_APP_PORT, E2E_MOCK_PORT) so that two checkouts can test at once.
const APP_PORT = Number(process.env.E2E_APP_PORT || 4173);
const MOCK_PORT = Number(process.env.E2E_MOCK_PORT || 8788);
const NGINX_PORT = Number(process.env.E2E_NGINX_PORT || APP_PORT + 10);
const NGINX_SUB_PORT = NGINX_PORT + 1;
const APP_URL = `http://127.0.0.1:${APP_PORT}`;
const NGINX_URL = `http://127.0.0.1:${NGINX_PORT}`;
const SUBPATH_URL = `http://127.0.0.1:${NGINX_SUB_PORT}/youxin/`;
const MOCK_URL = `http://127.0.0.1:${MOCK_PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.mjs',
  reporter: 'list',
  // Two cores, two workers; the http project uses one of them (see below).
  workers: 2,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    browserName: 'chromium',
    baseURL: APP_URL,
    mockURL: MOCK_URL,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    isMobile: false,
    hasTouch: false,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    headless: true,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    // The app's service worker would answer requests that page.route never
    // sees; offline.spec.mjs allows it where it is what is tested.
    serviceWorkers: 'block',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    // Files named *.http.spec.mjs need a real backend: the mock's messages and request log.
    { name: 'demo', use: { mode: 'demo' }, testIgnore: ['**/*.http.spec.mjs', '**/nginx.spec.mjs', '**/subpath.spec.mjs'] },
    {
      name: 'http',
      use: { mode: 'http' },
      // The mock's state (and its injected failures) is shared: one test at a time.
      workers: 1,
      // Accessibility and layout are properties of the markup, checked once in demo mode.
      // The service worker is checked once, in demo mode: it serves both alike.
      // The demo backend's chunks are the demo data's alone.
      testIgnore: [
        '**/a11y.spec.mjs', '**/screens.spec.mjs', '**/nginx.spec.mjs', '**/subpath.spec.mjs', '**/offline.spec.mjs',
        '**/demo-backend.spec.mjs',
      ],
    },
    // The same build behind deploy/nginx.conf (scripts/nginx.mjs): the shell,
    // deep links and the security policy once more, and nginx's headers.
    {
      name: 'nginx',
      use: { mode: 'demo', baseURL: NGINX_URL },
      testMatch: ['**/shell.spec.mjs', '**/csp.spec.mjs', '**/nginx.spec.mjs'],
    },
    // The same build under a sub-path: deploy/nginx.conf's second server.
    { name: 'subpath', use: { mode: 'demo', baseURL: SUBPATH_URL }, testMatch: ['**/subpath.spec.mjs'] },
  ],
  webServer: [
    {
      command: `node scripts/serve-dist.mjs --port ${APP_PORT} --dir dist --api-origin ${MOCK_URL}`,
      url: `${APP_URL}/index.html`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `node scripts/nginx.mjs --port ${NGINX_PORT} --sub-port ${NGINX_SUB_PORT} --dir dist --api-origin ${MOCK_URL}`,
      url: `${SUBPATH_URL}index.html`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // The mock judges deadlines by the same fixed moment as the demo project's tests.
      command: `node tests/mock/backend.mjs --port ${MOCK_PORT} --now ${FIXED_NOW}`,
      url: `${MOCK_URL}/__mock/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
  ],
});
