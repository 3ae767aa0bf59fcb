// The conversation survives reloads and navigation, and stays in step across tabs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, origins, pageHtml, open, widget } from './support/harness.mjs';

let browser, servers;
before(async () => {
  browser = await launch();
  servers = await origins();
  servers.site.page('/shop/a.html', pageHtml({ body: '<a href="/shop/b.html" id="next">Next page</a>' }));
  servers.site.page('/shop/b.html', pageHtml());
});
after(async () => {
  await browser?.close();
  await servers?.close();
});

async function say(page, text) {
  const w = widget(page);
  await w.input.fill(text);
  await w.input.press('Enter');
}

test('reload and navigation keep the conversation and the open panel', async () => {
  const context = await browser.newContext();
  const { page } = await open(context, `${servers.site.url}/shop/a.html`);
  const w = widget(page);
  await w.launcher.click();
  await say(page, 'first message');
  await page.reload();
  await page.waitForFunction(() => window.__events.some((e) => e.name === 'ready'));
  assert.deepEqual(await widget(page).messages(), ['You: first message']);
  assert.ok(await widget(page).panel.isVisible(), 'still open after reload');

  await page.click('#next');
  await page.waitForURL('**/shop/b.html');
  await page.waitForFunction(() => window.__events?.some((e) => e.name === 'ready'));
  assert.deepEqual(await widget(page).messages(), ['You: first message']);
  assert.ok(await widget(page).panel.isVisible(), 'still open on the next page');
  await context.close();
});

test('two tabs stay in step, and a new tab starts closed', async () => {
  const context = await browser.newContext();
  const one = (await open(context, `${servers.site.url}/shop/a.html`)).page;
  const two = (await open(context, `${servers.site.url}/shop/b.html`)).page;
  await widget(one).launcher.click();
  await say(one, 'typed in tab one');
  assert.equal(await widget(two).launcher.getAttribute('aria-expanded'), 'false', 'the panel state is per tab');
  // Tab two took the message in while closed: it is there when the visitor opens it.
  await two.waitForFunction(() => window.__events.length > 0 && localStorage.getItem('handover.state')?.includes('tab one'));
  await widget(two).launcher.click();
  assert.deepEqual(await widget(two).messages(), ['You: typed in tab one']);
  await say(two, 'and in tab two');
  await one.waitForFunction(() =>
    document.querySelector('handover-widget').shadowRoot.querySelectorAll('[part~=message]').length === 2);
  assert.deepEqual(await widget(one).messages(), ['You: typed in tab one', 'You: and in tab two']);
  await context.close();
});

test('blocked storage: the widget works in memory and says nothing alarming', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const deny = () => { throw new DOMException('The operation is insecure.', 'SecurityError'); };
    Object.defineProperty(window, 'localStorage', { get: deny });
    Object.defineProperty(window, 'sessionStorage', { get: deny });
  });
  const { page, log } = await open(context, `${servers.site.url}/shop/a.html`);
  await widget(page).launcher.click();
  await say(page, 'still works');
  assert.deepEqual(await widget(page).messages(), ['You: still works']);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.console.filter((m) => m.type === 'error' || m.type === 'warning'), []);
  await context.close();
});

test('a full storage quota: messages stay on screen', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key === 'handover.state' && value.includes('quota')) {
        throw new DOMException('exceeded the quota', 'QuotaExceededError');
      }
      return original.call(this, key, value);
    };
  });
  const { page, log } = await open(context, `${servers.site.url}/shop/a.html`);
  await widget(page).launcher.click();
  await say(page, 'before');
  await say(page, 'this hits the quota');
  await say(page, 'after');
  assert.deepEqual(await widget(page).messages(), ['You: before', 'You: this hits the quota', 'You: after']);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.console.filter((m) => m.type === 'error' || m.type === 'warning'), []);
  await context.close();
});
