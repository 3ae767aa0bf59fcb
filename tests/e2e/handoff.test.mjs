// The talk-to-a-human flow against the local inbox: from frustrated messages to a payload the
// inbox validated against the v1 schema; an endpoint that fails, times out and is down across
// a reload, delivered exactly once; two tabs, one delivery; a card number that never leaves.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { launch, origins, pageHtml, open, events, widget, startInbox, screenshot } from './support/harness.mjs';

let browser, servers, inbox;
before(async () => {
  browser = await launch();
  servers = await origins();
  inbox = await startInbox();
});
after(async () => {
  await browser?.close();
  await servers?.close();
  await inbox?.stop();
});
beforeEach(async () => {
  await inbox.control({ reset: true });
});

/** A page whose widget hands off to the inbox's webhook, under `path`. */
function shop(path, attrs = {}) {
  servers.site.page(path, pageHtml({
    attrs: { 'data-endpoint': `${inbox.url}/handoff`, 'data-destination': 'webhook', ...attrs },
  }));
  return `${servers.site.url}${path}`;
}

async function say(w, text) {
  await w.input.fill(text);
  await w.input.press('Enter');
}

const form = (w) => w.part('handoff-form');

async function waitForState(page, id, state, timeout = 30000) {
  await page.waitForFunction(
    ([id, state]) => window.__events.some((e) => e.name === 'handoff' && e.detail.id === id && e.detail.state === state),
    [id, state],
    { timeout },
  );
}

async function handoffId(page) {
  await page.waitForFunction(() => window.__events.some((e) => e.name === 'handoff'));
  return (await events(page, 'handoff'))[0].id;
}

test('frustrated messages end in a validated payload at the inbox, without the card number', async () => {
  const context = await browser.newContext();
  const { page, log } = await open(context, shop('/flow.html'));
  const w = widget(page);
  await w.launcher.click();
  await say(w, 'My refund for order 48213 never arrived, it has been two weeks');
  await say(w, 'I paid with my card 4111 1111 1111 1111 and nothing!!');
  await say(w, 'This is ridiculous, the THIRD time I ask. Useless!!!');
  // The policy offers a person; the visitor accepts.
  await w.part('offer').waitFor();
  await screenshot(page, 'handoff-offer');
  await w.part('offer-accept').click();
  await form(w).waitFor();
  assert.match(await form(w).textContent(), /order\s*48213/);
  await form(w).locator('input[name=name]').fill('Ana');
  await form(w).locator('input[name=email]').fill('ana@example.com');
  await screenshot(page, 'handoff-form');
  await form(w).locator('input[name=email]').press('Enter');

  const id = await handoffId(page);
  await waitForState(page, id, 'delivered');
  await w.part('status').waitFor();
  assert.match(await w.part('status').textContent(), /The team has your message/);
  await screenshot(page, 'handoff-delivered');

  const stored = (await inbox.handoffs()).filter((r) => r.key === id);
  assert.equal(stored.length, 1);
  const [record] = stored;
  assert.equal(record.valid, true, JSON.stringify(record.errors));
  const payload = record.body;
  assert.equal(payload.schema, 'handover.handoff/v1');
  assert.equal(payload.id, id);
  assert.equal(payload.trigger.kind, 'frustration');
  assert.equal(payload.visitor.email, 'ana@example.com');
  assert.equal(payload.visitor.name, 'Ana');
  assert.equal(payload.transcript.length, 3);
  assert.ok(payload.summary.details.some((d) => d.kind === 'order_number' && d.value === '48213'));
  assert.ok(payload.redactions >= 1);
  assert.ok(!JSON.stringify(payload).includes('4111'), 'the card number reached the endpoint');
  assert.ok(['high', 'urgent'].includes(payload.priority), payload.priority);
  assert.equal(payload.page.url, `${servers.site.url}/flow.html`);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('an explicit request skips the offer; a declined offer is not repeated at once', async () => {
  const context = await browser.newContext();
  const { page } = await open(context, shop('/explicit.html'));
  const w = widget(page);
  await w.launcher.click();
  await say(w, 'this bot is useless, nothing works, so annoying!!!');
  await w.part('offer').waitFor();
  await w.part('offer-decline').click();
  await w.part('offer').waitFor({ state: 'detached' });
  await say(w, 'still nothing works, I am so annoyed');
  assert.equal(await w.part('offer').count(), 0, 'a declined offer came back at once');
  await say(w, 'let me talk to a real person');
  await form(w).waitFor();
  assert.equal(await w.part('offer').count(), 0);
  const decisions = (await events(page, 'escalation')).map((e) => e.decision);
  assert.equal(decisions.at(-1), 'handoff');
  await context.close();
});

test('the endpoint failing, timing out and down across a reload: delivered exactly once', async () => {
  const context = await browser.newContext();
  const url = shop('/retry.html', { 'data-storage': 'local' });
  const { page } = await open(context, url);
  const w = widget(page);
  await inbox.control({ fail: [503, 503, 429], retry_after: '1' });
  await w.launcher.click();
  await w.human.click();
  await form(w).waitFor();
  await form(w).locator('button[part=handoff-submit]').click();
  const id = await handoffId(page);
  await waitForState(page, id, 'delivered');
  const attempts = (await inbox.attempts()).filter((a) => a.key === id).map((a) => a.status);
  assert.deepEqual(attempts, [503, 503, 429, 200]);

  // A timeout (the inbox holds the answer for 12 s) and then the inbox goes down; the visitor
  // reloads meanwhile. The same handoff id arrives once the inbox is back.
  await inbox.control({ reset: true, delay_ms: 12000, delay_count: 1 });
  await w.human.click();
  await form(w).locator('button[part=handoff-submit]').click();
  await page.waitForFunction(() => window.__events.filter((e) => e.name === 'handoff').length >= 3);
  const second = (await events(page, 'handoff')).at(-1).id;
  assert.notEqual(second, id);
  await page.waitForTimeout(10500);
  await inbox.stop();
  const reloaded = await open(context, url);
  await page.close();
  const w2 = widget(reloaded.page);
  await w2.launcher.click();
  await w2.part('status').first().waitFor();
  await reloaded.page.waitForTimeout(2500);
  await inbox.restart();
  // What the reloaded page holds, whichever attempt got through (the outbox, not an event:
  // a retry that landed just before the inbox went down was delivered before the reload).
  await reloaded.page.waitForFunction((id) => {
    const outbox = JSON.parse(localStorage.getItem('handover.outbox') || '{"entries":[]}');
    return outbox.entries.some((e) => e.id === id && e.deliveries[0].state === 'delivered');
  }, second, { timeout: 90000 });
  const stored = (await inbox.handoffs()).filter((r) => r.key === second);
  assert.equal(stored.length, 1, 'delivered exactly once');
  // Both handoffs of this test show as delivered on the reloaded page.
  await reloaded.page.waitForFunction(() => document.querySelector('handover-widget').shadowRoot
    .querySelectorAll('[part=status][data-state=delivered]').length === 2);
  await context.close();
});

/** Opens `path` in a fresh context, goes offline and asks for a person from the button. */
async function handoffWhileOffline(path) {
  const context = await browser.newContext();
  const { page } = await open(context, shop(path));
  const w = widget(page);
  await w.launcher.click();
  await context.setOffline(true);
  await w.human.click();
  await form(w).locator('button[part=handoff-submit]').click();
  return { context, page, w, id: await handoffId(page) };
}

test('offline: queued with the reason shown, sent the moment the browser is back online', async () => {
  const { context, page, w, id } = await handoffWhileOffline('/offline.html');
  await w.part('status').waitFor();
  await page.waitForFunction(() => /offline/.test(document.querySelector('handover-widget').shadowRoot.querySelector('[part=status]').textContent));
  assert.equal(await w.part('status').getAttribute('data-state'), 'queued');
  await screenshot(page, 'handoff-offline');
  await page.waitForTimeout(1500);
  await context.setOffline(false);
  await waitForState(page, id, 'delivered', 10000);
  assert.equal((await inbox.handoffs()).filter((r) => r.key === id).length, 1);
  await context.close();
});

test('the visitor cancels before it goes out: nothing is sent', async () => {
  const { context, page, w, id } = await handoffWhileOffline('/cancel.html');
  await w.part('status').getByRole('button', { name: 'Cancel' }).click();
  await waitForState(page, id, 'cancelled');
  await context.setOffline(false);
  await page.waitForTimeout(1500);
  assert.deepEqual((await inbox.attempts()).filter((a) => a.key === id), []);
  assert.equal(await w.part('status').getAttribute('data-state'), 'cancelled');
  await context.close();
});

test('five destinations at once, each with its own body and state', async () => {
  const context = await browser.newContext();
  const destinations = [
    { kind: 'webhook', endpoint: `${inbox.url}/handoff` },
    { kind: 'slack', endpoint: `${inbox.url}/slack` },
    { kind: 'zendesk', endpoint: `${inbox.url}/zendesk` },
    { kind: 'zoho', endpoint: `${inbox.url}/zoho`, fields: { xnQsjsdp: 'abc', xmIwtLD: 'def', actionType: 'Q2FzZXM=' } },
    { kind: 'email', endpoint: `${inbox.url}/email`, to: 'help@shop.example' },
  ];
  servers.site.page('/five.html', pageHtml({ attrs: { 'data-destinations': JSON.stringify(destinations) } }));
  const { page } = await open(context, `${servers.site.url}/five.html`);
  const w = widget(page);
  await w.launcher.click();
  await say(w, 'order 48213 arrived broken, let me talk to a person');
  await form(w).locator('input[name=email]').fill('ana@example.com');
  await form(w).locator('input[name=email]').press('Enter');
  const id = await handoffId(page);
  const final = { webhook: 'delivered', slack: 'sent', zendesk: 'delivered', zoho: 'sent', email: 'delivered' };
  await page.waitForFunction(([id, final]) => Object.entries(final).every(([d, state]) =>
    window.__events.some((e) => e.name === 'handoff' && e.detail.id === id && e.detail.destination === d && e.detail.state === state)),
  [id, final]);
  const byKind = Object.fromEntries((await inbox.handoffs()).slice(-5).map((r) => [r.kind, r.body]));
  assert.equal(byKind.webhook.id, id);
  assert.equal(byKind.slack.blocks[0].type, 'header');
  assert.equal(byKind.zendesk.request.requester.email, 'ana@example.com');
  assert.equal(byKind.zoho.xnQsjsdp, 'abc');
  assert.equal(byKind.zoho.Email, 'ana@example.com');
  assert.match(byKind.email.subject, /48213/);
  assert.equal(byKind.email.to, 'help@shop.example');
  // The page says delivered as soon as one destination confirmed it.
  assert.equal(await w.part('status').getAttribute('data-state'), 'delivered');
  await context.close();
});

test('two tabs: one delivery, both show it', async () => {
  const context = await browser.newContext();
  const url = shop('/tabs.html', { 'data-storage': 'local' });
  await inbox.control({ fail: [503] });
  const a = await open(context, url);
  const b = await open(context, url);
  const wa = widget(a.page);
  const wb = widget(b.page);
  await wa.launcher.click();
  await wa.human.click();
  await form(wa).locator('button[part=handoff-submit]').click();
  const id = await handoffId(a.page);
  await waitForState(a.page, id, 'delivered');
  await wb.launcher.click();
  await b.page.waitForFunction((id) => window.__events.some((e) => e.name === 'handoff' && e.detail.id === id && e.detail.state === 'delivered'), id);
  const attempts = (await inbox.attempts()).filter((x) => x.key === id).map((x) => x.status);
  assert.deepEqual(attempts, [503, 200], 'exactly one tab sent it');
  assert.equal((await inbox.handoffs()).filter((r) => r.key === id).length, 1);
  await context.close();
});

test('a refused handoff fails at once and offers retry and email', async () => {
  const context = await browser.newContext();
  const { page } = await open(context, shop('/refused.html', { 'data-fallback-email': 'help@shop.example' }));
  const w = widget(page);
  await inbox.control({ fail: [400] });
  await w.launcher.click();
  await w.human.click();
  await form(w).locator('button[part=handoff-submit]').click();
  const id = await handoffId(page);
  await waitForState(page, id, 'failed');
  const status = w.part('status');
  await status.locator('a.mail').waitFor();
  const href = await status.locator('a.mail').getAttribute('href');
  assert.match(href, /^mailto:help@shop\.example\?subject=/);
  await screenshot(page, 'handoff-failed');
  await status.getByRole('button').click();
  await waitForState(page, id, 'delivered');
  assert.equal((await inbox.attempts()).filter((x) => x.key === id).length, 2);
  await context.close();
});
