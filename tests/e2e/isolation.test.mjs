// Host-page CSS must change nothing inside the widget: every element's box and computed
// style on a hostile page equals those on a plain page. Page theming through the public
// custom properties and ::part() must still work.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, origins, pageHtml, open, widget } from './support/harness.mjs';

const HOSTILE = `
  :root { font-size: 62.5% !important; }
  * { all: unset; }
  * { font: italic 30px/3 "Times New Roman", serif !important; color: red !important;
      letter-spacing: 2px !important; text-transform: uppercase !important;
      box-sizing: content-box !important; word-spacing: 9px !important; direction: rtl; }
  button { display: none !important; }
  div { padding: 40px !important; margin: 13px !important; background: yellow !important; }
  svg { width: 500px !important; height: 500px !important; }
  textarea, form, section { display: inline !important; }
  handover-widget { display: none !important; position: absolute !important; opacity: 0.1 !important;
      transform: scale(0.5) !important; filter: blur(4px) !important; }
  [part], .launcher, .panel, .message { border: 10px solid lime !important; }`;

let browser, servers, context;
before(async () => {
  browser = await launch();
  servers = await origins();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  servers.site.page('/hostile.css', HOSTILE, { 'Content-Type': 'text/css' });
  servers.site.page('/plain.html', pageHtml({ attrs: { 'data-storage': 'memory', 'data-theme': 'light' } }));
  servers.site.page('/hostile.html', pageHtml({
    head: '<link rel="stylesheet" href="/hostile.css">',
    attrs: { 'data-storage': 'memory', 'data-theme': 'light' },
  }));
  servers.site.page('/themed.css', `
    handover-widget { --handover-accent: #006b3c; --handover-radius: 4px; --handover-offset-x: 40px; }
    handover-widget::part(launcher) { outline: 4px solid rgb(255, 0, 255); }`, { 'Content-Type': 'text/css' });
  servers.site.page('/themed.html', pageHtml({
    head: '<link rel="stylesheet" href="/themed.css">',
    attrs: { 'data-storage': 'memory', 'data-theme': 'light' },
  }));
});
after(async () => {
  await browser?.close();
  await servers?.close();
});

const PROPS = ['display', 'position', 'visibility', 'opacity', 'transform', 'filter', 'font-family', 'font-size',
  'font-style', 'font-weight', 'line-height', 'letter-spacing', 'word-spacing', 'text-transform', 'color',
  'background-color', 'padding-top', 'padding-left', 'margin-top', 'margin-left', 'border-top-width',
  'border-top-color', 'box-sizing', 'width', 'height', 'direction'];

/** Every element inside the widget: tag, part, box and the computed styles above. */
async function fingerprint(page) {
  const w = widget(page);
  await w.launcher.click();
  await w.input.fill('Does the page style leak in?');
  await w.input.press('Enter');
  await w.input.fill('draft text');
  await page.evaluate(() =>
    Promise.all(document.querySelector('handover-widget').shadowRoot.getAnimations().map((a) => a.finished)));
  return page.evaluate((props) => {
    const host = document.querySelector('handover-widget');
    const hostStyle = getComputedStyle(host);
    const all = [...host.shadowRoot.querySelectorAll('*')];
    return {
      host: ['display', 'opacity', 'transform', 'filter', 'position'].map((p) => hostStyle.getPropertyValue(p)),
      elements: all.map((el) => {
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        return {
          tag: el.tagName,
          part: el.getAttribute('part'),
          box: [box.x, box.y, box.width, box.height].map(Math.round),
          style: Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)])),
        };
      }),
    };
  }, PROPS);
}

test('a hostile page stylesheet changes nothing inside the widget', async () => {
  const plain = await open(context, `${servers.site.url}/plain.html`);
  const hostile = await open(context, `${servers.site.url}/hostile.html`);
  const expected = await fingerprint(plain.page);
  const actual = await fingerprint(hostile.page);
  assert.ok(expected.elements.length > 20, 'the fingerprint covers the whole widget');
  assert.deepEqual(actual.host, expected.host, 'the host element itself is untouched');
  for (let i = 0; i < expected.elements.length; i++) {
    assert.deepEqual(actual.elements[i], expected.elements[i], `element ${i} (${expected.elements[i].part ?? expected.elements[i].tag})`);
  }
  assert.equal(actual.elements.length, expected.elements.length);
  assert.ok(await widget(hostile.page).launcher.isVisible());
  await plain.page.close();
  await hostile.page.close();
});

test('site owners theme it with custom properties and ::part()', async () => {
  const { page } = await open(context, `${servers.site.url}/themed.html`);
  const style = await page.evaluate(() => {
    const launcher = document.querySelector('handover-widget').shadowRoot.querySelector('[part=launcher]');
    const s = getComputedStyle(launcher);
    return { background: s.backgroundColor, outline: s.outlineColor, right: innerWidth - launcher.getBoundingClientRect().right };
  });
  assert.equal(style.background, 'rgb(0, 107, 60)');
  assert.equal(style.outline, 'rgb(255, 0, 255)');
  assert.equal(Math.round(style.right), 40);
  await page.close();
});
