// A page with a strict Content-Security-Policy (no 'unsafe-inline', no 'unsafe-eval'):
// the widget runs, styles apply, and no violation is reported.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, origins, pageHtml, open, widget, startInbox, STRICT_CSP } from './support/harness.mjs';

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

async function check(url) {
  const { page, log } = await open(context, url);
  const w = widget(page);
  await w.launcher.click();
  await w.input.fill('works under CSP');
  await w.input.press('Enter');
  assert.deepEqual(await w.messages(), ['You: works under CSP']);
  const styled = await w.launcher.evaluate((el) => getComputedStyle(el).borderRadius);
  assert.equal(styled, '50%', 'the constructed stylesheet applies');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.console.filter((m) => m.type === 'error'), []);
  await page.close();
}

test('same origin under a strict CSP header', async () => {
  servers.site.page('/csp.html', pageHtml({ attrs: { 'data-storage': 'memory' } }),
    { 'Content-Security-Policy': STRICT_CSP });
  await check(`${servers.site.url}/csp.html`);
});

test('from a CDN listed in script-src and connect-src', async () => {
  const cdn = servers.cdn.url;
  const policy = `default-src 'self'; script-src 'self' ${cdn} 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' ${cdn}`;
  servers.site.page('/csp-cdn.html', pageHtml({ src: `${cdn}/static/widget/embed.js`, attrs: { 'data-storage': 'memory' } }),
    { 'Content-Security-Policy': policy });
  await check(`${servers.site.url}/csp-cdn.html`);
});

test('a handoff under a strict CSP that lists the destination in connect-src', async () => {
  const inbox = await startInbox();
  try {
    const policy = `${STRICT_CSP.replace("connect-src 'self'", `connect-src 'self' ${inbox.url}`)}`;
    servers.site.page('/csp-handoff.html', pageHtml({
      attrs: { 'data-storage': 'memory', 'data-endpoint': `${inbox.url}/handoff` },
    }), { 'Content-Security-Policy': policy });
    const { page, log } = await open(context, `${servers.site.url}/csp-handoff.html`);
    const w = widget(page);
    await w.launcher.click();
    await w.input.fill('my order 48213 is late, let me talk to a person');
    await w.input.press('Enter');
    await w.part('handoff-form').locator('input[name=email]').fill('ana@example.com');
    await w.part('handoff-submit').click();
    await page.waitForFunction(() => window.__events.some((e) => e.name === 'handoff' && e.detail.state === 'delivered'));
    const [record] = await inbox.handoffs();
    assert.equal(record.valid, true);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(log.errors, []);
    await page.close();
  } finally {
    await inbox.stop();
  }
});
