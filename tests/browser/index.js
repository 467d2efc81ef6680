// tests/browser/index.js: the index page's search in headless Chromium.
//
// Usage (from the repository root):  node tests/browser/index.js DIR
// (normally through tests/browser/index.sh).  DIR holds html/index.html
// and the sidecars meta/*.xml it was built from.
//
// What the sidecars say (generic names, brands) is what a search must
// find; the page's own headings say which entries are in a class.
//   - without JavaScript: the search box is hidden and every entry is
//     listed;
//   - the box is reached with the keyboard (Tab from the top), and typing
//     into it filters: for a generic name, a brand and a drug class (each
//     the most common of the page, so that the search has many to show),
//     the entries shown are those whose text, drug or class holds every
//     word, none of the others, and every monograph the sidecars give
//     that name or brand (or the page puts in that class) is among them;
//   - the live region (role="status") says how many, and that is the
//     number shown;
//   - the search is case- and accent-blind ("ÇARÍSOPRODOL" finds what
//     "carisoprodol" does); a word nothing holds shows none and says so;
//     Escape empties the box and brings every entry back;
//   - no JavaScript error.
// Prints "ok WHAT" or "FAIL WHAT" per check, then "N passed, N failed"
// last; exit status 0 when all passed, 1 when one failed, 2 when the
// browser or the tools are missing (run tools/setup.sh).
'use strict';

const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');

const root = path.resolve(__dirname, '..', '..');
const toolsRequire = createRequire(path.join(root, 'tools', 'package.json'));
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

let pass = 0, fail = 0;
function ok(what) { console.log('ok   ' + what); pass++; }
function bad(what, why) {
  console.log('FAIL ' + what);
  for (const l of [].concat(why || [])) console.log('     ' + l);
  fail++;
}
function check(cond, what, why) { if (cond) ok(what); else bad(what, why); }
function die(msg) {
  console.log('FAIL setup ' + msg);
  console.log('0 passed, 1 failed');
  process.exit(2);
}

let chromium;
try {
  ({ chromium } = toolsRequire('playwright-core'));
} catch (e) {
  die('tools/node_modules is missing playwright-core; run tools/setup.sh (' + e.message + ')');
}
if (!fs.existsSync(chromiumPath))
  die(chromiumPath + ' is missing; run tools/setup.sh');

// The page's folding: lower case, no accents.
const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

// What each sidecar says: id, generic name, brands.  A regular
// expression is enough for the attributes xslt/meta.xsl writes.
function sidecars(dir) {
  const out = [];
  const unq = (s) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  for (const f of fs.readdirSync(path.join(dir, 'meta')).filter((f) => f.endsWith('.xml'))) {
    const s = fs.readFileSync(path.join(dir, 'meta', f), 'utf8');
    const id = /<entry[^>]*\sid="([^"]*)"/.exec(s);
    const name = /<entry[^>]*\sname="([^"]*)"/.exec(s);
    if (!id) continue;
    out.push({ id: unq(id[1]), name: unq(name ? name[1] : ''),
      brands: [...s.matchAll(/<brand name="([^"]*)"/g)].map((m) => unq(m[1])) });
  }
  return out;
}

// The most common value of key(x) over xs (ties: the first in order).
function mostCommon(xs, key) {
  const n = new Map();
  for (const x of xs) for (const k of [].concat(key(x))) n.set(k, (n.get(k) || 0) + 1);
  let best = null;
  for (const [k, c] of [...n.entries()].sort()) if (best === null || c > n.get(best)) best = k;
  return best;
}

// What the page shows now: the ids of the visible entries, each
// visible entry's text with its drug and class, the live region, and
// the ids of the hidden entries whose text holds a word.
async function shown(page) {
  return page.evaluate(() => {
    const vis = (e) => e.offsetParent !== null || e.getClientRects().length > 0;
    const r = { ids: [], texts: [], found: document.getElementById('found').textContent, hidden: [] };
    for (const li of document.querySelectorAll('#all .entries > li')) {
      const id = li.querySelector('a').getAttribute('href').replace(/\.html$/, '');
      const sec = li.closest('section');
      let h2 = sec.previousElementSibling;
      while (h2 && h2.tagName !== 'H2') h2 = h2.previousElementSibling;
      const t = li.textContent + ' ' + sec.querySelector('h3').textContent + ' ' +
        (h2 ? h2.textContent : '');
      if (vis(li)) { r.ids.push(id); r.texts.push(t); } else r.hidden.push({ id, t });
    }
    return r;
  });
}

async function type(page, text) {
  await page.fill('#q', '');
  await page.type('#q', text, { delay: 5 });
  // the script waits a little after the last key
  await page.waitForFunction((t) => {
    const f = document.getElementById('found').textContent;
    return f.indexOf('\u201c' + t.trim() + '\u201d') !== -1;
  }, text, { timeout: 30000 });
}

// A search for query: what is shown holds every word, what is hidden
// lacks one, every id of want is shown, and the count is said.
async function search(page, what, query, want) {
  await type(page, query);
  const r = await shown(page);
  const words = fold(query).split(/\s+/).filter((w) => w);
  const holds = (t) => words.every((w) => fold(t).includes(w));
  const wrong = r.texts.filter((t) => !holds(t));
  const missed = r.hidden.filter((h) => holds(h.t)).map((h) => h.id);
  const lost = want.filter((id) => !r.ids.includes(id));
  const m = /^(\d+) monographs? match/.exec(r.found) || /^(No) monograph/.exec(r.found);
  const said = m ? (m[1] === 'No' ? 0 : +m[1]) : -1;
  check(r.ids.length > 0 && wrong.length === 0 && missed.length === 0 &&
    lost.length === 0 && said === r.ids.length,
    what + ' "' + query + '": ' + r.ids.length + ' shown, ' + want.length +
    ' expected among them, "' + r.found + '"',
    [wrong.length + ' shown without the words: ' + wrong.slice(0, 3).join(' | '),
      missed.length + ' hidden with them: ' + missed.slice(0, 5).join(' '),
      lost.length + ' expected not shown: ' + lost.slice(0, 5).join(' '),
      'live region: ' + r.found]);
  return r;
}

async function main() {
  const dir = path.resolve(process.argv[2] || 'output');
  const file = path.join(dir, 'html', 'index.html');
  if (!fs.existsSync(file)) {
    bad('index page ' + file, 'missing');
    console.log(pass + ' passed, ' + fail + ' failed');
    return 1;
  }
  const metas = sidecars(dir);
  const url = 'file://' + file;
  const browser = await chromium.launch({ executablePath: chromiumPath,
    headless: true, args: chromiumArgs });
  try {
    // without JavaScript: the whole list, no box
    const nojs = await browser.newContext({ javaScriptEnabled: false });
    let page = await nojs.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const plain = await page.evaluate(() => ({
      n: document.querySelectorAll('#all .entries > li').length,
      box: getComputedStyle(document.getElementById('search')).display === 'none',
    }));
    check(plain.n === metas.length && plain.box,
      'without JavaScript: all ' + plain.n + ' entries of ' + metas.length +
      ' sidecars listed, the search box hidden');
    await nojs.close();

    const ctx = await browser.newContext();
    const errors = [];
    await ctx.route('**/*', (route) => {
      const u = route.request().url();
      if (u === url || u.startsWith('data:')) return route.continue();
      errors.push('requests ' + u);
      return route.abort();
    });
    page = await ctx.newPage();
    page.on('pageerror', (e) => errors.push('JavaScript error: ' + e.message));
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(url, { waitUntil: 'load' });

    // the keyboard reaches the box
    let tabs = 0, on = '';
    while (tabs < 5 && on !== 'q') {
      await page.keyboard.press('Tab');
      tabs++;
      on = await page.evaluate(() => document.activeElement && document.activeElement.id);
    }
    const live = await page.evaluate(() => {
      const f = document.getElementById('found');
      const q = document.getElementById('q');
      return f.getAttribute('role') === 'status' &&
        q.labels.length === 1 && q.labels[0].textContent.trim() !== '';
    });
    check(on === 'q' && live, 'the search box is reached with Tab (' + tabs +
      ' presses), labelled, with a live region for the count');

    // a generic name: the most common of the page
    const name = mostCommon(metas, (x) => fold(x.name));
    await search(page, 'generic name', name,
      metas.filter((x) => fold(x.name) === name).map((x) => x.id));
    // the same, typed in capitals with accents
    const shouty = name.toUpperCase().replace(/A/, '\u00c1').replace(/O/, '\u00d3')
      .replace(/C/, '\u00c7');
    await search(page, 'generic name in capitals with accents', shouty,
      metas.filter((x) => fold(x.name) === name).map((x) => x.id));
    // a brand: the most common one-word brand that is not the generic
    // name in other letters
    const brand = mostCommon(metas.filter((x) => x.brands.length),
      (x) => x.brands.filter((b) => /^[A-Za-z]{4,}$/.test(b) &&
        !fold(x.name).includes(fold(b))).map((b) => fold(b)));
    if (brand === null) bad('brand', 'no monograph of ' + dir + ' has a one-word brand');
    else
      await search(page, 'brand', brand,
        metas.filter((x) => x.brands.some((b) => fold(b) === brand)).map((x) => x.id));
    // a class: the page's largest; all its entries come up
    await page.fill('#q', '');
    await page.keyboard.press('Escape');
    const cls = await page.evaluate(() => {
      let best = null;
      for (const h2 of document.querySelectorAll('#all h2')) {
        if (h2.id === 'c-none') continue;
        const ids = [];
        for (let s = h2.nextElementSibling; s && s.tagName !== 'H2'; s = s.nextElementSibling)
          for (const a of s.querySelectorAll('.entries > li > a'))
            ids.push(a.getAttribute('href').replace(/\.html$/, ''));
        const label = h2.firstChild.textContent.trim();
        if (best === null || ids.length > best.ids.length) best = { label, ids };
      }
      return best;
    });
    if (cls === null) bad('class', 'the page has no drug class');
    else await search(page, 'drug class', cls.label, cls.ids);
    // two words, in any order, each anywhere in the entry
    if (cls !== null && brand !== null) {
      const words = cls.label.split(/\s+/);
      await search(page, 'two words out of order', words[words.length - 1] + ' ' + words[0], cls.ids);
    }
    // nothing
    await type(page, 'zzqxj');
    let r = await shown(page);
    check(r.ids.length === 0 && /^No monograph matches/.test(r.found),
      'a word nothing holds: none shown, "' + r.found + '"');
    // Escape brings every entry back
    await page.focus('#q');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.getElementById('found').textContent === '',
      null, { timeout: 30000 });
    r = await shown(page);
    check(r.ids.length === metas.length && (await page.inputValue('#q')) === '',
      'Escape empties the box: all ' + r.ids.length + ' entries shown again');
    check(errors.length === 0, 'no JavaScript error, no request', errors);
    await ctx.close();
  } finally {
    await browser.close();
  }
  console.log(pass + ' passed, ' + fail + ' failed');
  return fail === 0 ? 0 : 1;
}

main().then((rc) => process.exit(rc), (e) => {
  console.log('FAIL browser ' + e.message);
  console.log(pass + ' passed, ' + (fail + 1) + ' failed');
  process.exit(2);
});
