// tests/browser/check.js: render every HTML output in headless Chromium and
// check what a reader gets.
//
// Usage (from the repository root):  node tests/browser/check.js [DIR]
// (normally through tests/browser/run.sh).  DIR defaults to "output"; the
// pages are DIR/html/*.html.
//
// For each page, at 1280x800 and at 360x740:
//   - axe-core with tags wcag2a wcag2aa wcag21a wcag21aa wcag22aa
//     best-practice: any violation fails;
//   - any network or file request other than the page itself (and data:
//     URLs) fails: the page must be self-contained;
//   - a JavaScript error on the page fails;
//   - at 360 px, horizontal scrolling fails
//     (documentElement.scrollWidth > clientWidth), and so does an
//     interactions table that scrolls inside its box;
//     (documentElement.scrollWidth > clientWidth), and so does a table
//     caption (caption, figcaption) that reaches past the screen's right
//     edge: a caption must wrap, not be clipped with its table;
//   - every in-page link href="#x" must have an element with id (or a named
//     anchor) x;
//   - a full-page screenshot (the first screen of a page taller than
//     16,384 px) goes to tests/screenshots/NAME-1280.png and NAME-360.png
//     (git-ignored) for a person to look at; SCREENSHOT_DIR overrides the
//     folder.
// Prints "ok FILE" or "FAIL FILE" per page with the reasons indented, then
// "N passed, N failed" alone on the last line.  Exit status 0 when every
// page passed, 1 when one failed, 2 when the browser or the tools are
// missing (run tools/setup.sh).
'use strict';

const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');

const root = path.resolve(__dirname, '..', '..');
const toolsRequire = createRequire(path.join(root, 'tools', 'package.json'));
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const shotDir = process.env.SCREENSHOT_DIR || path.join(root, 'tests', 'screenshots');
const viewports = [
  { name: '1280', width: 1280, height: 800 },
  { name: '360', width: 360, height: 740 },
];
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa',
  'best-practice'];
// Flags for Debian's Chromium run as root on a closed network
// (TOOLING.md 2.6 and 2.8).
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

function die(msg) {
  console.log('FAIL setup ' + msg);
  console.log('0 passed, 1 failed');
  process.exit(2);
}

let chromium, axeSrc;
try {
  ({ chromium } = toolsRequire('playwright-core'));
  axeSrc = fs.readFileSync(toolsRequire.resolve('axe-core/axe.min.js'), 'utf8');
} catch (e) {
  die('tools/node_modules is missing playwright-core or axe-core; run tools/setup.sh (' + e.message + ')');
}
if (!fs.existsSync(chromiumPath))
  die(chromiumPath + ' is missing; run tools/setup.sh');

// Everything one viewport of one page reveals; returns a list of problems.
async function checkViewport(page, file, vp, base) {
  const problems = [];
  const where = '[' + vp.name + '] ';
  await page.setViewportSize({ width: vp.width, height: vp.height });
  await page.goto('file://' + file, { waitUntil: 'load' });
  await page.addScriptTag({ content: axeSrc });
  const res = await page.evaluate((tags) => window.axe.run(document, {
    runOnly: { type: 'tag', values: tags },
    resultTypes: ['violations'],
  }), axeTags);
  for (const v of res.violations) {
    problems.push(where + 'axe ' + v.id + ' (' + v.impact + '): ' + v.help);
    for (const n of v.nodes.slice(0, 5))
      problems.push('    ' + n.target.join(' ') + ': ' +
        (n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 200));
  }

  if (vp.width <= 360) {
    const w = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
      wide: Array.from(document.querySelectorAll('body *'))
        .filter((e) => e.getBoundingClientRect().right >
          document.documentElement.clientWidth + 0.5 ||
          (e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0 &&
            getComputedStyle(e).overflowX === 'visible'))
        .slice(0, 5)
        .map((e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
          (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '') +
          ' right=' + Math.round(e.getBoundingClientRect().right)),
    }));
    if (w.scroll > w.client)
      problems.push(where + 'scrolls horizontally: scrollWidth ' + w.scroll +
        ' > clientWidth ' + w.client + (w.wide.length ? '; too wide: ' + w.wide.join(', ') : ''));
    // The interactions table fits without scrolling its own box: what to
    // do must not be out of sight (a label's own tables may scroll).
    const ix = await page.evaluate(() => {
      const t = document.getElementById('interactions-table');
      return t === null ? null : [t.parentElement.scrollWidth, t.parentElement.clientWidth];
    });
    if (ix !== null && ix[0] > ix[1] + 1)
      problems.push(where + 'the interactions table scrolls inside its box: ' + ix[0] + ' > ' + ix[1]);
    const clipped = await page.evaluate(() =>
      Array.from(document.querySelectorAll('caption, figcaption'))
        .filter((e) => e.getBoundingClientRect().right >
          document.documentElement.clientWidth + 0.5)
        .slice(0, 5)
        .map((e) => (e.id || e.tagName.toLowerCase()) + ' right=' +
          Math.round(e.getBoundingClientRect().right)));
    if (clipped.length > 0)
      problems.push(where + 'caption past the screen edge: ' + clipped.join(', '));
  } else {
    // Anchors do not depend on the width: check them once.
    const broken = await page.evaluate(() =>
      Array.from(document.querySelectorAll('a[href^="#"], area[href^="#"]'))
        .map((a) => a.getAttribute('href'))
        .filter((h) => {
          const id = decodeURIComponent(h.slice(1));
          return id === '' || (document.getElementById(id) === null &&
            document.getElementsByName(id).length === 0);
        }));
    for (const h of [...new Set(broken)])
      problems.push('link to missing in-page target ' + h);
  }

  // A page taller than Chromium draws in one piece (a long index) gets
  // its first screen only.  The screenshot is for a person to look at, no
  // check: on a loaded machine a long page's can take over the default
  // 30 s; it gets 120 s, and if it still fails, a note says so without
  // losing the checks above.
  const tall = await page.evaluate(() => document.documentElement.scrollHeight);
  try {
    await page.screenshot({ path: path.join(shotDir, base + '-' + vp.name + '.png'),
      fullPage: tall <= 16384, timeout: 120000 });
  } catch (e) {
    console.log('NOTE ' + file + ' [' + vp.name + ']: no screenshot: ' + e.message.split('\n')[0]);
  }
  return problems;
}

async function main() {
  const dir = path.resolve(process.argv[2] || 'output');
  const htmlDir = path.join(dir, 'html');
  let files = [];
  try {
    files = fs.readdirSync(htmlDir).filter((f) => f.endsWith('.html')).sort()
      .map((f) => path.join(htmlDir, f));
  } catch (e) { /* reported below */ }
  if (files.length === 0) {
    console.log('FAIL pages ' + htmlDir + ': no HTML files; run make docs first');
    console.log('0 passed, 1 failed');
    return 1;
  }
  fs.mkdirSync(shotDir, { recursive: true });

  const browser = await chromium.launch({ executablePath: chromiumPath,
    headless: true, args: chromiumArgs });
  let pass = 0, fail = 0;
  try {
    // One context for all pages (creating one costs most of a second).
    const context = await browser.newContext();
    let pageUrl = '', problems = [];
    // Only the page itself may be loaded; anything else is a resource the
    // page depends on (or a leak to the network).
    await context.route('**/*', (route) => {
      const u = route.request().url();
      if (u === pageUrl || u.startsWith('data:')) return route.continue();
      problems.push('requests ' + u);
      return route.abort();
    });
    for (const file of files) {
      const base = path.basename(file, '.html');
      problems = [];
      pageUrl = 'file://' + file;
      // Both widths at once, one tab each: axe and the full-page
      // screenshots of a long monograph take seconds apiece.
      const results = await Promise.all(viewports.map(async (vp) => {
        const page = await context.newPage();
        // a busy machine (make check beside other builds) takes its time
        page.setDefaultTimeout(180000);
        page.on('pageerror', (e) => problems.push('JavaScript error: ' + e.message));
        page.on('dialog', (d) => { problems.push('opens a dialog'); d.dismiss(); });
        try {
          return await checkViewport(page, file, vp, base);
        } catch (e) {
          return ['[' + vp.name + '] could not check the page: ' + e.message];
        } finally {
          await page.close();
        }
      }));
      for (const r of results) problems.push(...r);
      let rel = path.relative(process.cwd(), file);
      if (rel === '' || rel.startsWith('..')) rel = file;
      if (problems.length === 0) {
        console.log('ok ' + rel);
        pass++;
      } else {
        console.log('FAIL ' + rel);
        for (const p of [...new Set(problems)]) console.log('    ' + p);
        fail++;
      }
    }
  } finally {
    await browser.close();
  }
  console.log(pass + ' passed, ' + fail + ' failed');
  return fail === 0 ? 0 : 1;
}

main().then((rc) => process.exit(rc), (e) => {
  console.log('FAIL browser ' + e.message);
  console.log('0 passed, 1 failed');
  process.exit(2);
});
