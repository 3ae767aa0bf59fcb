// Shared set-up for the end-to-end tests: two local origins (the site, and a "CDN" serving
// the release build with CORS), a headless Chromium driven by playwright-core, and helpers to
// write test pages and reach into the widget's shadow root.
import { chromium } from 'playwright-core';
import { serve, DIST } from '../../../scripts/serve.mjs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export const SCREENSHOTS = fileURLToPath(new URL('../../../target/screenshots/', import.meta.url));

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-dev-shm-usage',
];

export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self' data:";

export async function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Starts the site and the CDN. `site.page(path, html, headers)` adds a page. */
export async function origins() {
  const routes = new Map();
  const site = await serve({ routes });
  const cdn = await serve({ cors: true, mount: '/static/widget/' });
  return {
    site: { ...site, page: (path, body, headers = {}) => routes.set(path, { body, headers }) },
    cdn,
    close: () => Promise.all([site.close(), cdn.close()]),
  };
}

/**
 * A test page embedding the widget. `src` is the embed.js URL (same origin by default);
 * `attrs` are the script tag's attributes; `before` is markup placed before the tag (a
 * HandoverConfig or queue stub in an external file keeps the page CSP-clean).
 */
export function pageHtml({ src = '/embed.js', attrs = {}, head = '', body = '', lang = 'en' } = {}) {
  const attributes = Object.entries(attrs)
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${String(v).replace(/"/g, '&quot;')}"`))
    .join('');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Test page</title>${head}</head>
<body><main><h1>A shop page</h1><p>Some content of the host page.</p>
<p><a href="#top" id="page-link">A link on the page</a></p>${body}</main>
<script async src="${src}"${attributes}></script>
</body></html>`;
}

/**
 * Opens a page and records what a site owner would worry about: console errors and
 * warnings, uncaught page errors, CSP violations, and the widget's events.
 */
export async function open(context, url, { waitForReady = true } = {}) {
  const page = await context.newPage();
  const log = { console: [], errors: [] };
  page.on('console', (msg) => log.console.push({ type: msg.type(), text: msg.text() }));
  page.on('pageerror', (err) => log.errors.push(String(err)));
  await page.addInitScript(() => {
    window.__violations = [];
    window.__events = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    for (const name of ['ready', 'open', 'close', 'message', 'escalation', 'handoff']) {
      window.addEventListener(`handover:${name}`, (e) =>
        window.__events.push({ name, detail: e.detail, at: performance.now() }));
    }
    window.addEventListener('load', () => { window.__loadedAt = performance.now(); });
  });
  await page.goto(url);
  if (waitForReady) await page.waitForFunction(() => window.__events.some((e) => e.name === 'ready'));
  return { page, log };
}

export const events = (page, name) =>
  page.evaluate((n) => window.__events.filter((e) => e.name === n).map((e) => e.detail), name);

/** Locators inside the widget (Playwright's CSS engine pierces open shadow roots). */
export function widget(page) {
  const part = (name) => page.locator(`handover-widget [part~="${name}"]`).first();
  return {
    part,
    launcher: part('launcher'),
    panel: part('panel'),
    input: part('input'),
    send: part('send'),
    human: part('human-button'),
    messages: () => page.locator('handover-widget [part~="message"]').allTextContents(),
    focusedPart: () =>
      page.evaluate(() => document.querySelector('handover-widget')?.shadowRoot?.activeElement?.getAttribute('part') ?? null),
  };
}

/** Waits until the widget's finite animations (the panel's 160 ms fade-in) are over; endless
 * ones (the typing dots) never settle and are left running. A fast machine otherwise looks at
 * the panel, or judges its contrast, while its text is still translucent. */
export async function settled(page) {
  await page.evaluate(async () => {
    const root = document.querySelector('handover-widget')?.shadowRoot;
    if (!root) return;
    await Promise.all(root.getAnimations()
      .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
      .map((a) => a.finished.catch(() => {})));
  });
}

export async function screenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  await settled(page);
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png` });
}

export { DIST };

/**
 * Starts the local handoff inbox (`cargo run --example inbox`, built by scripts/test.sh) on a
 * free port, storing in `file`. Resolves to { url, port, handoffs(), attempts(), control(),
 * stop(), restart() }; `restart()` brings it back on the same port and file.
 */
export async function startInbox({ file, port = 0 } = {}) {
  const { spawn } = await import('node:child_process');
  const { mkdtemp } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const store = file ?? join(await mkdtemp(join(tmpdir(), 'handover-inbox-')), 'handoffs.jsonl');
  const binary = fileURLToPath(new URL('../../../target/release/examples/inbox', import.meta.url));
  let child;
  const start = (onPort) => new Promise((resolve, reject) => {
    child = spawn(binary, ['--port', String(onPort), '--file', store], { stdio: ['ignore', 'pipe', 'inherit'] });
    let seen = '';
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(seen);
      if (match) resolve(Number(match[1]));
    });
    child.on('exit', (code) => reject(new Error(`inbox exited with ${code}: ${seen}`)));
  });
  const actual = await start(port);
  const url = `http://127.0.0.1:${actual}`;
  const json = async (path, body) => {
    const res = await fetch(url + path, body ? { method: 'POST', body: JSON.stringify(body) } : {});
    return res.json();
  };
  const stop = () => new Promise((done) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return done();
    child.removeAllListeners('exit');
    child.on('exit', () => done());
    child.kill();
  });
  return {
    url,
    port: actual,
    file: store,
    handoffs: () => json('/handoffs.json'),
    attempts: () => json('/attempts.json'),
    control: (faults) => json('/control', faults),
    stop,
    restart: async () => { await stop(); await start(actual); },
  };
}
