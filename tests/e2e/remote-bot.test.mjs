// The site owner's own bot, through both adapters, against a real local server: the generic
// JSON contract (request fields, markup in replies, suggestions, a bot that asks for a person)
// and Rasa's REST channel (several messages, buttons whose payload goes to Rasa while the
// transcript shows the title, an empty answer, a custom handoff). Slow, failing and garbled
// endpoints give one calm line and a console warning, never a stuck typing indicator, and
// count as bot failures.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, origins, pageHtml, open, widget, events, screenshot } from './support/harness.mjs';
import { startBots } from './support/bots.mjs';

let browser, servers, context, bots;
before(async () => {
  browser = await launch();
  servers = await origins();
  bots = await startBots();
  context = await browser.newContext();
  const page = (kind, endpoint) => pageHtml({
    attrs: {
      'data-storage': 'memory', 'data-bot': kind, 'data-bot-endpoint': endpoint,
      'data-bot-timeout-ms': '1000', 'data-endpoint': `${bots.url}/handoff`,
    },
  });
  servers.site.page('/json-bot.html', page('json', `${bots.url}/json`));
  servers.site.page('/rasa-bot.html', page('rasa', `${bots.url}/webhooks/rest/webhook`));
});
after(async () => {
  await browser?.close();
  await servers?.close();
  await bots?.close();
});

const bubbles = (page, role) => page.locator(`handover-widget [part~="message"][part~="${role}"]`);
const typing = (page) => page.locator('handover-widget .typing');

async function say(page, text, botCount) {
  const w = widget(page);
  await w.input.fill(text);
  await w.input.press('Enter');
  return botText(page, botCount - 1);
}

/** The text of the n-th bot message, without the screen-reader speaker prefix. */
async function botText(page, n) {
  const bubble = bubbles(page, 'bot').nth(n);
  await bubble.waitFor();
  return (await bubble.textContent()).replace(/^Assistant: /, '');
}

test('a JSON bot: request fields, answers, suggestions, failures shown calmly, its own handoff', async () => {
  const { page, log } = await open(context, `${servers.site.url}/json-bot.html`);
  const w = widget(page);
  await page.evaluate(() => {
    window.Handover('identify', { id: 'cust-7', email: 'ana@example.com' });
    window.Handover('context', { plan: 'pro' });
  });
  await w.launcher.click();

  assert.equal(await say(page, 'opening hours', 1), 'You asked about opening hours.');
  assert.equal(await bubbles(page, 'bot').nth(0).locator('strong').textContent(), 'opening hours');
  const first = bots.requests.at(-1);
  assert.equal(first.path, '/json');
  assert.equal(first.headers['content-type'], 'application/json');
  assert.equal(first.body.message, 'opening hours');
  assert.deepEqual(first.body.history, []);
  assert.equal(first.body.visitor.id, 'cust-7');
  assert.equal(first.body.context.plan, 'pro');
  assert.ok(first.body.conversation.length > 0, 'a conversation id');

  assert.equal(await say(page, 'unsure about this', 2), "I'm not sure I follow.");
  const chips = page.locator('handover-widget .chip');
  assert.deepEqual(await chips.allTextContents(), ['Track an order', 'Start a return']);
  const second = bots.requests.at(-1);
  assert.deepEqual(second.body.history.map((m) => [m.role, m.text]),
    [['visitor', 'opening hours'], ['bot', 'You asked about **opening hours**.']]);
  assert.equal(second.body.conversation, first.body.conversation);

  // A chip is sent like a typed message.
  await chips.first().click();
  await bubbles(page, 'bot').nth(2).waitFor();
  assert.equal(bots.requests.at(-1).body.message, 'Track an order');

  // Failing endpoints: the calm line, a warning naming the problem, no stuck indicator.
  const unavailable = /can't answer right now/;
  assert.match(await say(page, 'broken please', 4), unavailable);
  assert.match(await say(page, 'garbled please', 5), unavailable);
  assert.match(await say(page, 'wrong shape please', 6), unavailable);
  const started = Date.now();
  await w.input.fill('slow please');
  await w.input.press('Enter');
  await typing(page).waitFor();
  assert.match(await botText(page, 6), unavailable);
  assert.ok(Date.now() - started < 2800, 'the timeout (1 s) ends the wait, not the slow bot (3 s)');
  assert.equal(await typing(page).count(), 0);
  const warnings = log.console.filter((m) => m.type === 'warning').map((m) => m.text).join('\n');
  assert.match(warnings, /HTTP 500/);
  assert.match(warnings, /not JSON/);
  assert.match(warnings, /`reply` is missing/);
  assert.match(warnings, /no answer within 1000 ms/);
  // Failures in a row led to an offer of a person.
  const offers = (await events(page, 'escalation')).filter((e) => e.decision === 'offer');
  assert.ok(offers.some((e) => e.kind === 'bot_failures'), JSON.stringify(offers));
  await screenshot(page, 'json-bot-failures');

  // The bot asks for a person itself: the handoff form opens.
  if (await w.part('offer').count()) await w.part('offer-decline').click();
  assert.equal(await say(page, 'I need a refund for order 7781', 8), 'Let me get a colleague for you.');
  await w.part('handoff-form').waitFor();
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('a Rasa bot: messages, buttons with payloads, an empty answer, a custom handoff', async () => {
  const { page, log } = await open(context, `${servers.site.url}/rasa-bot.html`);
  const w = widget(page);
  await w.launcher.click();
  assert.equal(await say(page, 'hello', 1), 'Hey! How can I help?');
  const sender = bots.requests.at(-1).body.sender;
  assert.deepEqual(bots.requests.at(-1).body, { sender, message: 'hello' });
  const chips = page.locator('handover-widget .chip');
  assert.deepEqual(await chips.allTextContents(), ['Track my order', 'Talk to support']);

  // The transcript shows the button's title; Rasa gets its payload.
  await chips.first().click();
  await bubbles(page, 'bot').nth(2).waitFor();
  assert.deepEqual(bots.requests.at(-1).body, { sender, message: '/track_order' });
  await bubbles(page, 'bot').nth(2).waitFor();
  const lines = await w.messages();
  assert.deepEqual(lines.slice(-3),
    ['You: Track my order', 'Assistant: Your order ships tomorrow.', 'Assistant: Anything else?']);
  assert.ok(!lines.some((l) => l.includes('/track_order')), 'the payload stays out of the transcript');

  // Nothing to say is "I don't know"; Rasa's own fallback text counts as a failure too.
  assert.match(await say(page, 'nothing matches this', 4), /don't know/);
  assert.match(await say(page, 'asdf qwerty', 5), /didn't get that/);

  // Failing Rasa: calm, and the conversation goes on; the failures in a row offer a person.
  assert.match(await say(page, 'broken', 6), /can't answer right now/);
  const offers = (await events(page, 'escalation')).filter((e) => e.decision === 'offer');
  assert.ok(offers.some((e) => e.kind === 'bot_failures'), JSON.stringify(offers));
  await w.part('offer-decline').click();
  assert.match(await say(page, 'garbled', 7), /can't answer right now/);

  // A custom payload asks for a person.
  assert.equal(await say(page, 'my parcel is lost', 8), 'Connecting you with a colleague.');
  await w.part('handoff-form').waitFor();
  assert.deepEqual(bots.requests.at(-1).body, { sender, message: 'my parcel is lost' });
  await screenshot(page, 'rasa-bot-handoff');
  assert.deepEqual(log.errors, []);
  await page.close();
});
