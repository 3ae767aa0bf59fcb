// The embed: one async script tag, from the same origin, from a CDN origin and path, with
// config from attributes or window.HandoverConfig; bad config stays out of the way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, origins, pageHtml, open, events, widget } from './support/harness.mjs';

let browser, servers, context;
before(async () => {
  browser = await launch();
  servers = await origins();
  context = await browser.newContext();
});
after(async () => {
  await browser?.close();
  await servers?.close();
});

const widgetFiles = ['embed.js', 'handover.js', 'handover_bg.wasm'];

test('same origin: the launcher appears after the page has loaded, with no errors', async () => {
  servers.site.page('/same.html', pageHtml({ attrs: { 'data-title': 'Acme support' } }));
  const { page, log } = await open(context, `${servers.site.url}/same.html`);
  const launcher = widget(page).launcher;
  await launcher.waitFor({ state: 'visible' });
  assert.equal(await launcher.getAttribute('aria-label'), 'Acme support');
  const { loadedAt, readyAt } = await page.evaluate(() => ({
    loadedAt: window.__loadedAt,
    readyAt: window.__events.find((e) => e.name === 'ready').at,
  }));
  assert.ok(readyAt >= loadedAt, `ready (${readyAt}) before the page's load event (${loadedAt})`);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.console.filter((m) => m.type === 'error' || m.type === 'warning'), []);
  await page.close();
});

test('from another origin and path (a CDN): files are found next to the script', async () => {
  servers.site.page('/cdn.html', pageHtml({
    src: `${servers.cdn.url}/static/widget/embed.js`,
    attrs: { 'data-title': 'From the CDN', 'data-theme': 'dark' },
  }));
  const before = servers.cdn.requests.length;
  const siteBefore = servers.site.requests.length;
  const { page, log } = await open(context, `${servers.site.url}/cdn.html`);
  await widget(page).launcher.waitFor({ state: 'visible' });
  assert.equal(await widget(page).launcher.getAttribute('aria-label'), 'From the CDN');
  const fetched = servers.cdn.requests.slice(before);
  for (const file of widgetFiles) assert.ok(fetched.includes(`/static/widget/${file}`), `${file} from the CDN: ${fetched}`);
  assert.deepEqual(servers.site.requests.slice(siteBefore).filter((p) => p !== '/favicon.ico'), ['/cdn.html'],
    'nothing else from the page origin');
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('config from window.HandoverConfig, with a conflicting attribute reported', async () => {
  servers.site.page('/global-config.js', 'window.HandoverConfig = { title: "Global title", position: "left", theme: "dark" };',
    { 'Content-Type': 'text/javascript' });
  servers.site.page('/global.html', pageHtml({
    head: '<script src="/global-config.js"></script>',
    attrs: { 'data-theme': 'light' },
  }));
  const { page, log } = await open(context, `${servers.site.url}/global.html`);
  const w = widget(page);
  assert.equal(await w.launcher.getAttribute('aria-label'), 'Global title');
  const box = await w.launcher.boundingBox();
  assert.ok(box.x < 100, `launcher on the left, x=${box.x}`);
  const theme = await page.evaluate(() =>
    document.querySelector('handover-widget').shadowRoot.querySelector('.root').dataset.theme);
  assert.equal(theme, 'light', 'the attribute wins');
  const warnings = log.console.filter((m) => m.type === 'warning').map((m) => m.text);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /`theme` is set both by data-theme and by window.HandoverConfig/);
  await page.close();
});

test('invalid config: one console error naming the field, and no widget', async () => {
  servers.site.page('/bad.html', pageHtml({ attrs: { 'data-position': 'middle', 'data-endpoint': 'not a url' } }));
  const { page, log } = await open(context, `${servers.site.url}/bad.html`, { waitForReady: false });
  await page.waitForFunction(() => window.__loadedAt !== undefined);
  await page.waitForTimeout(500);
  const errors = log.console.filter((m) => m.type === 'error').map((m) => m.text);
  assert.equal(errors.length, 1, JSON.stringify(log.console));
  assert.match(errors[0], /`position` \(attribute data-position\): unknown variant `middle`/);
  assert.match(errors[0], /`endpoint` \(attribute data-endpoint\)/);
  assert.equal(await page.locator('handover-widget').count(), 0);
  assert.deepEqual(log.errors, [], 'nothing thrown into the page');
  assert.deepEqual(await events(page, 'ready'), []);
  await page.close();
});

test('the same tag twice: one widget, one warning', async () => {
  servers.site.page('/twice.html', pageHtml({ body: '<script async src="/embed.js"></script>' }));
  const { page, log } = await open(context, `${servers.site.url}/twice.html`);
  await page.waitForTimeout(300);
  assert.equal(await page.locator('handover-widget').count(), 1);
  const warnings = log.console.filter((m) => m.type === 'warning').map((m) => m.text);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /already running/);
  await page.close();
});

test('a missing wasm file is one console error, not an exception in the page', async () => {
  servers.site.page('/broken.html', pageHtml({ src: `${servers.cdn.url}/static/widget/missing/embed.js` }));
  // embed.js itself is missing there too; copy the real one under a path without the wasm.
  servers.site.page('/broken/embed.js', await (await fetch(`${servers.cdn.url}/static/widget/embed.js`)).text(),
    { 'Content-Type': 'text/javascript' });
  servers.site.page('/broken-page.html', pageHtml({ src: '/broken/embed.js' }));
  const { page, log } = await open(context, `${servers.site.url}/broken-page.html`, { waitForReady: false });
  await page.waitForFunction(() => window.__loadedAt !== undefined);
  await page.waitForTimeout(500);
  assert.deepEqual(log.errors, []);
  const errors = log.console.filter((m) => m.type === 'error').map((m) => m.text);
  assert.ok(errors.some((e) => e.startsWith('Handover: the widget could not load')), JSON.stringify(errors));
  await page.close();
});
