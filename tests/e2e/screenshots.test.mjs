// Screenshots of the demo page: closed and open, light and dark, desktop and mobile, written
// to target/screenshots/ for a person to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, origins, open, widget, screenshot } from './support/harness.mjs';

let browser, servers;
before(async () => {
  browser = await launch();
  servers = await origins();
});
after(async () => {
  await browser?.close();
  await servers?.close();
});

const VIEWPORTS = { desktop: { width: 1280, height: 800 }, mobile: { width: 390, height: 844 } };

for (const [device, viewport] of Object.entries(VIEWPORTS)) {
  for (const scheme of ['light', 'dark']) {
    test(`screenshots: ${device}, ${scheme}`, async () => {
      const context = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
      const { page } = await open(context, `${servers.site.url}/index.html`);
      const w = widget(page);
      await page.evaluate(() => document.fonts.ready);
      await screenshot(page, `${device}-${scheme}-closed`);
      await w.launcher.click();
      await w.input.fill('Hi, my order #48213 has not arrived yet');
      await w.input.press('Enter');
      await w.input.fill('It was due last week.');
      await screenshot(page, `${device}-${scheme}-open`);
      // Measure the panel once its opening animation has run.
      await w.panel.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
      const box = await w.panel.boundingBox();
      if (device === 'mobile') {
        assert.deepEqual([box.x, box.y, box.width, box.height], [0, 0, viewport.width, viewport.height], 'full screen under 480px');
      } else {
        assert.ok(box.width <= 400 && box.x > viewport.width / 2, 'a panel in the corner');
      }
      await context.close();
    });
  }
}
