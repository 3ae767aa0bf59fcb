// The embedded FAQ bot in the widget: greeting and starters from the FAQ, answers rendered
// from the safe markup, "I don't know" with suggestions, and its failures leading to an
// offer of a person; a FAQ that cannot be loaded is one console error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, origins, pageHtml, open, widget, screenshot, startInbox } from './support/harness.mjs';

let browser, servers, context;
before(async () => {
  browser = await launch();
  servers = await origins();
  context = await browser.newContext();
  servers.site.page('/bot.html', pageHtml({ attrs: { 'data-storage': 'memory', 'data-faq': '/faq.json' } }));
  servers.site.page('/bot-missing.html', pageHtml({ attrs: { 'data-storage': 'memory', 'data-faq': '/nope.json' } }));
});
after(async () => {
  await browser?.close();
  await servers?.close();
});

const bubbles = (page, role) => page.locator(`handover-widget [part~="message"][part~="${role}"]`);

test('the FAQ bot greets, answers, says when it does not know, and its failures offer a person', async () => {
  const { page, log } = await open(context, `${servers.site.url}/bot.html`);
  const w = widget(page);
  await w.launcher.click();
  await bubbles(page, 'bot').first().waitFor();
  assert.match(await bubbles(page, 'bot').first().textContent(), /Ask me about/);
  const starters = page.locator('handover-widget .chip');
  assert.ok((await starters.count()) >= 2, 'starter chips');

  // A starter chip asks its question; the answer arrives after the typing indicator.
  const question = await starters.first().textContent();
  await starters.first().click();
  await page.locator('handover-widget .typing').waitFor();
  await bubbles(page, 'bot').nth(1).waitFor();
  assert.equal(await page.locator('handover-widget .typing').count(), 0);
  assert.deepEqual((await w.messages()).slice(1, 2), [`You: ${question}`]);
  const link = bubbles(page, 'bot').locator('a').first();
  if (await link.count()) {
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    assert.match(await link.getAttribute('href'), /^(https?:|\/|mailto:|tel:)/);
  }

  // Out of scope, twice: "I don't know" with suggestions, then the offer of a person.
  await w.input.fill('can you recommend a good pizza place in Lisbon?');
  await w.input.press('Enter');
  await bubbles(page, 'bot').nth(2).waitFor();
  assert.match(await bubbles(page, 'bot').nth(2).textContent(), /don't know/);
  await w.input.fill('what is the weather like on the moon tomorrow?');
  await w.input.press('Enter');
  await bubbles(page, 'bot').nth(3).waitFor();
  await w.input.fill('hmm, and the weather on mars?');
  await w.input.press('Enter');
  await w.part('offer').waitFor();
  await screenshot(page, 'bot-offer');
  const escalation = (await page.evaluate(() => window.__events.filter((e) => e.name === 'escalation')))
    .map((e) => e.detail);
  assert.equal(escalation.at(-1).decision, 'offer');
  assert.equal(escalation.at(-1).kind, 'bot_failures');
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('a FAQ that cannot be loaded: one console error, and people still reachable', async () => {
  const { page, log } = await open(context, `${servers.site.url}/bot-missing.html`);
  await page.waitForFunction(() => true);
  await page.waitForTimeout(300);
  const errors = log.console.filter((m) => m.type === 'error' && m.text.startsWith('Handover:'));
  assert.equal(errors.length, 1, JSON.stringify(log.console));
  assert.match(errors[0].text, /the FAQ at \/nope\.json cannot be used, so the bot is off: the server answered 404/);
  const w = widget(page);
  await w.launcher.click();
  await w.human.click();
  await w.part('handoff-form').waitFor();
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('product names the FAQ knows end up in the handoff summary', async () => {
  const inbox = await startInbox();
  try {
    servers.site.page('/bot-products.html', pageHtml({
      attrs: { 'data-storage': 'memory', 'data-faq': '/faq.json', 'data-endpoint': `${inbox.url}/handoff` },
    }));
    const { page } = await open(context, `${servers.site.url}/bot-products.html`);
    const w = widget(page);
    await w.launcher.click();
    await w.input.fill('my storm shell jacket leaks at the seams, let me talk to a person');
    await w.input.press('Enter');
    await w.part('handoff-form').locator('button[part=handoff-submit]').click();
    await page.waitForFunction(() => window.__events.some((e) => e.name === 'handoff' && e.detail.state === 'delivered'));
    const [record] = await inbox.handoffs();
    assert.equal(record.valid, true);
    assert.deepEqual(
      record.body.summary.details.filter((d) => d.kind === 'product'),
      [{ kind: 'product', value: 'Storm Shell Jacket' }],
    );
    await page.close();
  } finally {
    await inbox.stop();
  }
});
