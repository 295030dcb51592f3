// `npm run icons`: every PNG of GaitGuard's art from the one master, store/icon-master.svg, rendered by
// Debian's Chromium (playwright-core, already the e2e driver) so no bitmap is drawn by hand:
// - public/icons/icon-{16,32,48,128}.png: the extension icons. At 128 px the artwork is 96x96 with 16 px of
//   transparent padding, as the Chrome Web Store asks; the small sizes use the whole square.
// - public/icons/state-{on,off,paused,blocked}-{16,32}.png: the toolbar icon per site state.
// - store/promo-440x280.png: the Chrome Web Store small promotional tile.
// - store/screenshot-{1,2}-1280x800.png: store screenshots (Chrome Web Store and addons.mozilla.org) made
//   from the demo's screenshots in docs/screenshots (npm run demo writes them).
// Output is committed; run again after changing the master or the screenshots.
import { readFileSync, mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const master = readFileSync(new URL('../store/icon-master.svg', import.meta.url), 'utf8').replace(
  /<!--[\s\S]*?-->/g,
  '',
);
const STATES = ['on', 'off', 'paused', 'blocked'];
const dataUrl = (file) =>
  `data:image/png;base64,${readFileSync(new URL(`../${file}`, import.meta.url)).toString('base64')}`;

/** The master at `size` px for `state`. */
const icon = (state, size) =>
  master
    .replace('data-state="on"', `data-state="${state}"`)
    .replace('width="96" height="96"', `width="${size}" height="${size}"`);

const page = (body, width, height) => `<!doctype html><meta charset="utf-8"><style>
  html, body { margin: 0; width: ${width}px; height: ${height}px; overflow: hidden; background: transparent; }
  body { font-family: 'DejaVu Sans', 'Liberation Sans', sans-serif; }
</style>${body}`;

const jobs = [];
for (const size of [16, 32, 48, 128]) {
  const art = size === 128 ? 96 : size;
  const pad = (size - art) / 2;
  jobs.push({
    out: `public/icons/icon-${size}.png`,
    width: size,
    height: size,
    transparent: true,
    html: page(`<div style="padding:${pad}px;line-height:0">${icon('on', art)}</div>`, size, size),
  });
}
for (const state of STATES)
  for (const size of [16, 32])
    jobs.push({
      out: `public/icons/state-${state}-${size}.png`,
      width: size,
      height: size,
      transparent: true,
      html: page(`<div style="line-height:0">${icon(state, size)}</div>`, size, size),
    });

const banner = (title, subtitle) => `
  <div style="display:flex;align-items:center;gap:18px">
    ${icon('on', 64)}
    <div><div style="font-size:34px;font-weight:bold;color:#102a43">${title}</div>
    <div style="font-size:19px;color:#334e68;margin-top:4px">${subtitle}</div></div>
  </div>`;

jobs.push({
  out: 'store/promo-440x280.png',
  width: 440,
  height: 280,
  html: page(
    `<div style="box-sizing:border-box;height:280px;padding:36px 30px;background:linear-gradient(160deg,#eef4fb,#d7e6f7)">
      <div style="display:flex;align-items:center;gap:16px">${icon('on', 88)}
        <div style="font-size:40px;font-weight:bold;color:#102a43">GaitGuard</div></div>
      <div style="font-size:21px;line-height:1.35;color:#243b53;margin-top:22px">Checks 97116 gait-training charges against the note, inside your EHR.</div>
      <div style="font-size:15px;color:#486581;margin-top:12px">No patient data leaves the browser.</div>
    </div>`,
    440,
    280,
  ),
});
jobs.push({
  out: 'store/screenshot-1-1280x800.png',
  width: 1280,
  height: 800,
  html: page(`<img src="${dataUrl('docs/screenshots/overlay.png')}" width="1280" height="800">`, 1280, 800),
});
jobs.push({
  out: 'store/screenshot-2-1280x800.png',
  width: 1280,
  height: 800,
  html: page(
    `<div style="box-sizing:border-box;height:800px;padding:40px 60px;background:#eef4fb;display:flex;gap:60px;align-items:center">
      <div style="flex:1">${banner('GaitGuard', 'Per-site switch, findings and sources')}
        <ul style="font-size:22px;line-height:1.6;color:#243b53;margin-top:36px;padding-left:26px">
          <li>Runs only on the EHR sites you turn on</li>
          <li>Each finding quotes the note and cites its source</li>
          <li>Pause a site, or hide the panel, from here</li>
          <li>No network requests, no analytics</li>
        </ul></div>
      <img src="${dataUrl('docs/screenshots/popup.png')}" style="height:720px;border-radius:8px;box-shadow:0 4px 24px #0003">
    </div>`,
    1280,
    800,
  ),
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const context = await browser.newContext({ deviceScaleFactor: 1 });
  const tab = await context.newPage();
  mkdirSync(new URL('../public/icons/', import.meta.url), { recursive: true });
  for (const job of jobs) {
    await tab.setViewportSize({ width: job.width, height: job.height });
    await tab.setContent(job.html, { waitUntil: 'load' });
    await tab.screenshot({
      path: new URL(`../${job.out}`, import.meta.url).pathname,
      omitBackground: Boolean(job.transparent),
      clip: { x: 0, y: 0, width: job.width, height: job.height },
    });
  }
  console.log(`wrote ${jobs.length} images`);
} finally {
  await browser.close();
}
