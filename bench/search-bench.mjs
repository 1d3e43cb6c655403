// Measures site search on built sites in headless Chromium (playwright-core, /usr/bin/chromium or CHROMIUM_PATH), as a
// reader meets it on a cold page: for each query, a fresh page (nothing cached), the box focused, the query typed, and
// then the bytes fetched for search (gzipped, as a static host sends them: engine, stemmer, search data) and the time
// from the last keystroke to the results. Prints the median and worst over the queries, and the search data's size.
//
//   node bench/search-bench.mjs NAME=SITE_DIR [NAME=SITE_DIR ...]     (sites built with the default base path /)
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
const QUERIES = ['bruis', 'pressure', 'cold pack', 'swollen leg', 'numb', 'chest pain', 'knot', 'asthma', 'back pain',
  'sleep', 'migraine', 'therapist', 'dark pee', 'cough', 'eczema', 'rest', 'warm bath', 'when to worry'];
const TYPES = { '.html': 'text/html', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json' };

function serve(root) {
  const server = http.createServer((req, res) => {
    let file = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!file.startsWith(root)) file = root;
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
});
const gz = (b) => zlib.gzipSync(b, { level: 6 }).length;
const sizeOf = (dir) => fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile())
  .reduce((t, e) => { const b = fs.readFileSync(path.join(e.parentPath ?? e.path, e.name)); return { raw: t.raw + b.length, gz: t.gz + gz(b), files: t.files + 1 }; }, { raw: 0, gz: 0, files: 0 });
try {
  for (const arg of process.argv.slice(2)) {
    const [name, dir] = arg.split('=');
    const root = path.resolve(dir);
    const data = sizeOf(path.join(root, 'assets', 'search'));
    const server = await serve(root);
    const origin = `http://127.0.0.1:${server.address().port}/`;
    const rows = [];
    for (const q of QUERIES) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const fetched = [];
      const outside = [];
      page.on('requestfinished', async (r) => {
        const url = r.url();
        if (!url.startsWith(origin)) return outside.push(url);
        const file = url.slice(origin.length);
        if (/^assets\/(search\/(engine|words)\.js|search\/.*\.json|vendor\/|care-card\.js)/.test(file)) fetched.push(file);
      });
      await page.goto(origin);
      await page.waitForLoadState('networkidle');
      const ms = await page.evaluate(async (query) => {
        const input = document.getElementById('search-query');
        const status = document.querySelector('.header__search [role=status]');
        input.focus();
        const rendered = new Promise((r) => new MutationObserver(() => status.textContent && r()).observe(status, { childList: true, characterData: true, subtree: true }));
        input.value = query;
        const start = performance.now();
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await Promise.race([rendered, new Promise((r) => setTimeout(r, 10000))]);
        return performance.now() - start;
      }, q);
      await page.waitForLoadState('networkidle');
      const bytes = [...new Set(fetched)].reduce((t, f) => t + gz(fs.readFileSync(path.join(root, decodeURIComponent(f)))), 0);
      rows.push({ q, ms, bytes, files: new Set(fetched).size, outside });
      await context.close();
    }
    const worst = rows.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    console.log(`${name}: search data ${data.files} files, ${kb(data.raw)} raw, ${kb(data.gz)} gzipped file by file`);
    console.log(`${name}: a cold first query fetches median ${kb(median(rows.map((r) => r.bytes)))}, most ${kb(worst.bytes)} in ${worst.files} files ('${worst.q}'); `
      + `last key to results median ${median(rows.map((r) => r.ms)).toFixed(0)} ms, worst ${Math.max(...rows.map((r) => r.ms)).toFixed(0)} ms (${rows.length} queries)`);
    if (process.env.VERBOSE) for (const r of rows) console.log(`  ${r.q}: ${kb(r.bytes)} in ${r.files} files, ${r.ms.toFixed(0)} ms`);
    const outside = rows.flatMap((r) => r.outside);
    if (outside.length) console.log(`${name}: REQUESTS TO OTHER HOSTS: ${outside.join(', ')}`);
    server.close();
  }
} finally {
  await browser.close();
}
