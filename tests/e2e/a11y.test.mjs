// axe-core scans of the widget in its states and themes: no WCAG 2.2 A/AA violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { launch, origins, pageHtml, open, settled, widget } from './support/harness.mjs';

const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

let browser, servers;
before(async () => {
  browser = await launch();
  servers = await origins();
  for (const theme of ['light', 'dark']) {
    servers.site.page(`/a11y-${theme}.html`, pageHtml({
      attrs: {
        'data-storage': 'memory', 'data-theme': theme, 'data-greeting': 'Hi! Ask me about orders.',
        'data-destination': 'zendesk', 'data-endpoint': '/no-such-desk/api/v2/requests.json',
        'data-consent': 'I agree that this conversation is passed to the support team.',
      },
    }));
  }
  servers.site.page('/a11y-fr.html', pageHtml({ lang: 'fr', attrs: { 'data-storage': 'memory' } }));
});
after(async () => {
  await browser?.close();
  await servers?.close();
});

async function scan(page) {
  await page.addScriptTag({ content: AXE });
  // Contrast is judged on the settled widget, not mid-way through its fade-in.
  await settled(page);
  return page.evaluate(async () => {
    const result = await window.axe.run({ include: [['handover-widget']] }, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return {
      passes: result.passes.length,
      violations: result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' > ')).join(', ')})`),
    };
  });
}

for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['mobile', { width: 390, height: 844 }]]) {
  for (const theme of ['light', 'dark']) {
    test(`no violations: ${theme}, ${name}, closed and open with messages`, async () => {
      const context = await browser.newContext({ viewport });
      const { page } = await open(context, `${servers.site.url}/a11y-${theme}.html`);
      const closed = await scan(page);
      assert.deepEqual(closed.violations, []);
      assert.ok(closed.passes > 0, 'axe checked something');

      const w = widget(page);
      await w.launcher.click();
      await w.input.fill('Where is my order 48213?');
      await w.input.press('Enter');
      await w.input.fill('x'.repeat(4001));
      const opened = await scan(page);
      assert.deepEqual(opened.violations, []);
      assert.ok(opened.passes > closed.passes);

      // The handoff flow: the offer, the form showing its errors, a failed delivery.
      await w.input.fill('This is useless, nothing works, so annoying!!!');
      await w.input.press('Enter');
      await w.part('offer').waitFor();
      assert.deepEqual((await scan(page)).violations, [], 'offer');
      await w.part('offer-accept').click();
      await w.part('handoff-submit').click();
      await page.waitForFunction(() => document.querySelector('handover-widget').shadowRoot
        .querySelector('[part=handoff-form] input[aria-invalid=true]'));
      assert.deepEqual((await scan(page)).violations, [], 'form with errors');
      await w.part('handoff-form').locator('input[name=email]').fill('ana@example.com');
      await w.part('handoff-form').locator('input[name=consent]').check();
      await w.part('handoff-submit').click();
      await page.waitForFunction(() => document.querySelector('handover-widget').shadowRoot.querySelector('[part=status][data-state=failed]'), null, { timeout: 30000 });
      assert.deepEqual((await scan(page)).violations, [], 'failed status');
      await context.close();
    });
  }
}

test('the dark theme follows prefers-color-scheme when theme is auto', async () => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const { page } = await open(context, `${servers.site.url}/a11y-fr.html`);
  const w = widget(page);
  await w.launcher.click();
  const surface = await w.panel.evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(surface, 'rgb(23, 25, 30)');
  assert.equal(await w.human.textContent(), 'Parler à une personne');
  assert.deepEqual((await scan(page)).violations, []);
  await context.close();
});
