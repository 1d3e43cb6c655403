// Measures Pagefind on sites that `pagefind --site` has indexed, in headless Chromium (playwright-core,
// /usr/bin/chromium or CHROMIUM_PATH), the way bench/search-bench.mjs measures ours: for each query a fresh page
// (nothing cached) on the site's home page, then import('/pagefind/pagefind.js'), init(), search(query) and the data
// of the top 6 results. Prints the bytes that fetched from /pagefind/ (as a static host sends them), the time from
// search() to the top results' data, and the index's size on disk. On the site named "real site" it also runs the
// evaluation set (tests/Site.Tests/Search/Evaluation/queries.yml) and prints precision at 1 and MRR over the top 10.
//
//   node bench/pagefind/pagefind-bench.mjs NAME=SITE_DIR [NAME=SITE_DIR ...]     (sites built with base path /)
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
// The same queries as bench/search-bench.mjs, so the two engines' numbers line up.
const QUERIES = ['bruis', 'pressure', 'cold pack', 'swollen leg', 'numb', 'chest pain', 'knot', 'asthma', 'back pain',
  'sleep', 'migraine', 'therapist', 'dark pee', 'cough', 'eczema', 'rest', 'warm bath', 'when to worry'];
const EVAL = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../tests/Site.Tests/Search/Evaluation/queries.yml');
const TYPES = { '.html': 'text/html', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json' };

// Serves the site and notes every file it sends, so the bytes are counted on the server's side of the wire.
function serve(root, served) {
  const server = http.createServer((req, res) => {
    let file = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!file.startsWith(root)) file = root;
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) return res.writeHead(404).end();
    served.push(path.relative(root, file));
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
// Pagefind gzips its index, fragments and wasm itself, so a host sends those as they are; the rest it would gzip.
const wire = (b) => (b[0] === 0x1f && b[1] === 0x8b ? b.length : zlib.gzipSync(b, { level: 6 }).length);
// The folder's size on disk; `search` leaves out the UI bundles and highlighter, which the JS API never loads.
const UI = /^pagefind-(.*ui|highlight)\.(js|css)$/;
const sizeOf = (dir) => fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile())
  .reduce((t, e) => {
    const n = fs.statSync(path.join(e.parentPath ?? e.path, e.name)).size;
    return { raw: t.raw + n, files: t.files + 1, search: t.search + (UI.test(e.name) ? 0 : n) };
  }, { raw: 0, files: 0, search: 0 });

// The evaluation set: each entry's query and wanted page (an input path, turned into the page's URL).
function evaluationSet() {
  const items = [];
  for (const line of fs.readFileSync(EVAL, 'utf8').split('\n')) {
    let m = line.match(/^- query: (.*?)\s*$/);
    if (m) items.push({ query: m[1].replace(/^(["'])(.*)\1$/, '$2') }); // every query is quoted today; plain ones too
    else if ((m = line.match(/^\s+page: (\S+)\s*$/))) items.at(-1).url = `/${m[1].replace(/(^|\/)index\.md$/, '$1').replace(/\.md$/, '/')}`;
  }
  return items;
}

// Runs in the page: Pagefind loaded cold, then one query; the timed part is search() to the top results' data.
async function pagefindQuery([query, top]) {
  const t0 = performance.now();
  const pagefind = await import('/pagefind/pagefind.js');
  await pagefind.init();
  const start = performance.now();
  const r = await pagefind.search(query);
  const data = await Promise.all(r.results.slice(0, top).map((x) => x.data()));
  const end = performance.now();
  return { ms: end - start, coldMs: end - t0, count: r.results.length, urls: data.map((d) => d.url) };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
});
try {
  for (const arg of process.argv.slice(2)) {
    const [name, dir] = arg.split('=');
    const root = path.resolve(dir);
    const served = [];
    const server = await serve(root, served);
    const origin = `http://127.0.0.1:${server.address().port}/`;
    const rows = [];
    for (const q of QUERIES) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(origin);
      await page.waitForLoadState('networkidle');
      served.length = 0; // only what the query brings in from here on
      const r = await page.evaluate(pagefindQuery, [q, 6]);
      const files = [...new Set(served.filter((f) => f.startsWith('pagefind/')))];
      const bytes = files.reduce((t, f) => t + wire(fs.readFileSync(path.join(root, f))), 0);
      rows.push({ q, ...r, bytes, files });
      await context.close();
    }
    const index = sizeOf(path.join(root, 'pagefind'));
    const worst = rows.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    console.log(`${name}: Pagefind index ${index.files} files, ${kb(index.raw)} on disk (pagefind/), ${kb(index.search)} without the UI bundles`);
    console.log(`${name}: a cold first query fetches median ${kb(median(rows.map((r) => r.bytes)))}, most ${kb(worst.bytes)} in ${worst.files.length} files ('${worst.q}'); `
      + `search() to top-6 data median ${median(rows.map((r) => r.ms)).toFixed(0)} ms, worst ${Math.max(...rows.map((r) => r.ms)).toFixed(0)} ms; `
      + `with import and init median ${median(rows.map((r) => r.coldMs)).toFixed(0)} ms, worst ${Math.max(...rows.map((r) => r.coldMs)).toFixed(0)} ms (${rows.length} queries)`);
    if (process.env.VERBOSE) for (const r of rows) console.log(`  ${r.q}: ${kb(r.bytes)} in ${r.files.length} files, ${r.ms.toFixed(0)} ms, ${r.count} results: ${r.files.join(' ')}`);

    if (name === 'real site') {
      // Quality needs no cold page: one page, one init, every query of the evaluation set in turn.
      const page = await browser.newPage();
      await page.goto(origin);
      const set = evaluationSet();
      const got = await page.evaluate(async ([set]) => {
        const pagefind = await import('/pagefind/pagefind.js');
        await pagefind.init();
        const out = [];
        for (const { query } of set) {
          const r = await pagefind.search(query);
          out.push((await Promise.all(r.results.slice(0, 10).map((x) => x.data()))).map((d) => d.url));
        }
        return out;
      }, [set]);
      const page1 = (u) => u.replace(/#.*$/, '').replace(/index\.html$/, '');
      let hits = 0, rr = 0, none = 0;
      set.forEach((item, i) => {
        const rank = got[i].map(page1).indexOf(item.url) + 1;
        if (rank === 1) hits++;
        if (rank) rr += 1 / rank;
        if (!got[i].length) none++;
        if (process.env.VERBOSE) console.log(`  ${rank === 1 ? 'ok  ' : 'MISS'} "${item.query}" wants ${item.url}, got ${got[i].slice(0, 3).join(' ') || 'nothing'}`);
      });
      console.log(`${name}: evaluation set (${set.length} queries): Pagefind P@1 ${(100 * hits / set.length).toFixed(1)} % (${hits}/${set.length}), `
        + `MRR@10 ${(rr / set.length).toFixed(3)}, no results for ${none}`);
      await page.close();
    }
    server.close();
  }
} finally {
  await browser.close();
}
