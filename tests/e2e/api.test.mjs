// The JS API: the command queue before load, live commands after, events, and destroy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, origins, pageHtml, open, events, widget } from './support/harness.mjs';

let browser, servers, context;
before(async () => {
  browser = await launch();
  servers = await origins();
  context = await browser.newContext();
  servers.site.page('/queue.js', `
    window.Handover = window.Handover || function () { (Handover.q = Handover.q || []).push(arguments); };
    Handover('identify', { id: 7, name: 'Ana', email: 'ana@example.com' });
    Handover('context', { plan: 'pro', cart_total: 120 });
    Handover('open');`, { 'Content-Type': 'text/javascript' });
  servers.site.page('/api.html', pageHtml({
    head: '<script src="/queue.js"></script>',
    attrs: { 'data-storage': 'memory' },
  }));
});
after(async () => {
  await browser?.close();
  await servers?.close();
});

test('commands queued before load run in order, then the API is live', async () => {
  const { page, log } = await open(context, `${servers.site.url}/api.html`);
  const w = widget(page);
  await w.panel.waitFor({ state: 'visible' });
  assert.equal(await w.launcher.getAttribute('aria-expanded'), 'true');
  assert.deepEqual(await events(page, 'open'), [{}]);
  // The page's focus was not stolen by a programmatic open.
  assert.equal(await w.focusedPart(), null);

  await page.evaluate(() => Handover('close'));
  await w.panel.waitFor({ state: 'hidden' });
  await page.evaluate(() => Handover('toggle'));
  await w.panel.waitFor({ state: 'visible' });
  assert.equal(await w.focusedPart(), 'input', 'toggle from a page button moves focus to the message box');

  await page.evaluate(() => Handover('handoff', { reason: 'checkout-error' }));
  const escalations = await events(page, 'escalation');
  assert.deepEqual(escalations, [
    { decision: 'handoff', kind: 'api', reasons: ['checkout-error'], scores: {} },
  ]);

  await w.input.fill('Hello there');
  await w.input.press('Enter');
  assert.deepEqual(await events(page, 'message'), [{ role: 'visitor', text: 'Hello there' }]);

  // Bad calls warn; nothing throws into the page.
  const thrown = await page.evaluate(() => {
    try {
      Handover('fly');
      Handover();
      Handover('identify', { email: 'not an email' });
      return null;
    } catch (e) {
      return String(e);
    }
  });
  assert.equal(thrown, null);
  const warnings = log.console.filter((m) => m.type === 'warning').map((m) => m.text);
  assert.equal(warnings.length, 3, JSON.stringify(warnings));
  assert.match(warnings[0], /unknown command "fly"/);
  assert.match(warnings[2], /identify.*not an email address/);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('destroy removes the element, the listeners and the live API', async () => {
  const { page, log } = await open(context, `${servers.site.url}/api.html`);
  await page.evaluate(() => Handover('destroy'));
  await page.waitForFunction(() => !document.querySelector('handover-widget'));
  const state = await page.evaluate(() => ({
    type: typeof window.Handover,
    queued: window.Handover.q,
  }));
  assert.equal(state.type, 'function', 'the page stub is back, so later calls do not throw');
  assert.equal(state.queued, undefined);
  // A storage event after destroy must reach nothing.
  await page.evaluate(() => {
    Handover('open');
    window.dispatchEvent(new StorageEvent('storage', { key: 'handover.state', newValue: '{}' }));
  });
  await page.waitForTimeout(100);
  assert.equal(await page.locator('handover-widget').count(), 0);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('closing from page code while the visitor types puts focus on the launcher', async () => {
  const { page } = await open(context, `${servers.site.url}/api.html`);
  const w = widget(page);
  await w.input.click();
  assert.equal(await w.focusedPart(), 'input');
  await page.evaluate(() => Handover('close'));
  await w.panel.waitFor({ state: 'hidden' });
  await page.waitForFunction(() =>
    document.querySelector('handover-widget').shadowRoot.activeElement?.getAttribute('part') === 'launcher');
  await page.close();
});

test('what the visitor types is analysed in the page: a request for a person is announced', async () => {
  const { page, log } = await open(context, `${servers.site.url}/api.html`);
  const w = widget(page);
  await w.input.fill('Where is my parcel?');
  await w.input.press('Enter');
  await w.input.fill('This is useless. I want to talk to a real person!!!');
  await w.input.press('Enter');
  await page.waitForFunction(() => window.__events.some((e) => e.name === 'escalation'));
  const [escalation] = await events(page, 'escalation');
  assert.equal(escalation.decision, 'handoff');
  assert.equal(escalation.kind, 'explicit_request');
  assert.match(escalation.reasons[0], /^asked for a human: 'i want to talk to a real person'/);
  assert.ok(escalation.scores.frustration > 0.3, JSON.stringify(escalation.scores));
  assert.equal(escalation.language, 'en');
  assert.deepEqual(log.errors, []);
  await page.close();
});
