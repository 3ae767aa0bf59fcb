// Keyboard-only use: reach the launcher, open, type, send, new lines, the human button,
// close with Escape and get focus back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, origins, pageHtml, open, events, widget } from './support/harness.mjs';

let browser, servers, context;
before(async () => {
  browser = await launch();
  servers = await origins();
  context = await browser.newContext();
  servers.site.page('/keys.html', pageHtml({ attrs: { 'data-storage': 'memory' } }));
});
after(async () => {
  await browser?.close();
  await servers?.close();
});

test('the whole conversation works from the keyboard', async () => {
  const { page, log } = await open(context, `${servers.site.url}/keys.html`);
  const w = widget(page);
  await page.focus('#page-link');
  await page.keyboard.press('Tab');
  assert.equal(await w.focusedPart(), 'launcher', 'Tab from the page reaches the launcher');

  await page.keyboard.press('Enter');
  await w.panel.waitFor({ state: 'visible' });
  assert.equal(await w.focusedPart(), 'input');

  await page.keyboard.type('My order');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('has not arrived');
  assert.equal(await w.input.inputValue(), 'My order\nhas not arrived');
  await page.keyboard.press('Enter');
  assert.deepEqual(await w.messages(), ['You: My order\nhas not arrived']);
  assert.equal(await w.input.inputValue(), '');

  // Shift+Tab walks back from the message box to the human button.
  await page.keyboard.press('Shift+Tab');
  assert.equal(await w.focusedPart(), 'human-button');
  await page.keyboard.press('Enter');
  assert.equal((await events(page, 'escalation'))[0].kind, 'button');
  // The contact form opens with focus on its first field; Escape leaves the form only.
  await w.part('handoff-form').waitFor();
  assert.equal(
    await page.evaluate(() => document.querySelector('handover-widget').shadowRoot.activeElement.name),
    'name',
  );
  await page.keyboard.press('Escape');
  await w.part('handoff-form').waitFor({ state: 'detached' });
  await w.panel.waitFor({ state: 'visible' });
  assert.equal(await w.focusedPart(), 'input');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await w.focusedPart(), 'human-button');
  await page.keyboard.press('Space');
  assert.equal((await events(page, 'escalation')).length, 2);
  // Enter in a field submits the form (no endpoint here, so the visitor is offered email).
  await w.part('handoff-form').waitFor();
  await page.keyboard.press('Enter');
  await w.part('status').waitFor();
  assert.equal(await w.part('status').getAttribute('data-state'), 'failed');

  await page.keyboard.press('Escape');
  await w.panel.waitFor({ state: 'hidden' });
  assert.equal(await w.focusedPart(), 'launcher');
  assert.equal(await w.launcher.getAttribute('aria-expanded'), 'false');

  // Space toggles too, as on any button.
  await page.keyboard.press('Space');
  await w.panel.waitFor({ state: 'visible' });
  assert.deepEqual(log.errors, []);
  await page.close();
});
