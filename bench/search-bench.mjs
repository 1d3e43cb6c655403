// Measures site search on built sites in headless Chromium (playwright-core, /usr/bin/chromium or CHROMIUM_PATH):
// the search data's size (raw and gzipped), the time from focusing the box to the index being ready, and the
// time from a keystroke to the first results once loaded (median and worst of 15, after 3 warm-up keystrokes).
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
try {
  for (const arg of process.argv.slice(2)) {
    const [name, dir] = arg.split('=');
    const root = path.resolve(dir);
    const assets = path.join(root, 'assets');
    const data = fs.readFileSync(path.join(assets, 'search-index.json'));
    const library = fs.readFileSync(path.join(assets, 'vendor', 'minisearch.js'));
    const gz = (b) => zlib.gzipSync(b, { level: 6 }).length;
    const records = JSON.parse(data).records.length;

    const server = await serve(root);
    const page = await browser.newPage();
    const outside = [];
    page.on('request', (r) => r.url().startsWith(`http://127.0.0.1:${server.address().port}/`) || outside.push(r.url()));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    const loadMs = await page.evaluate(async () => {
      const start = performance.now();
      document.getElementById('search-query').focus();
      const m = await import(document.querySelector('script[src*="assets/search.js"]').src);
      await m.load();
      return performance.now() - start;
    });
    const times = await page.evaluate(async (queries) => {
      const input = document.getElementById('search-query');
      const status = document.querySelector('.header__search [role=status]'); // written last, on every search
      const times = [];
      for (const q of queries) {
        await new Promise((r) => setTimeout(r, 150)); // past the 100 ms throttle
        const rendered = new Promise((r) => new MutationObserver((_, o) => { o.disconnect(); r(); }).observe(status, { childList: true }));
        const start = performance.now();
        input.value = q;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await Promise.race([rendered, new Promise((r) => setTimeout(r, 5000))]);
        times.push(performance.now() - start);
      }
      return times;
    }, QUERIES);
    const measured = times.slice(3);
    console.log(`${name}: ${records} records; search data ${kb(data.length)} raw, ${kb(gz(data))} gzipped; `
      + `MiniSearch ${kb(gz(library))} gzipped; data + library ${kb(gz(data) + gz(library))} gzipped`);
    console.log(`${name}: focus to index ready ${loadMs.toFixed(0)} ms; keystroke to first results median ${median(measured).toFixed(1)} ms, `
      + `worst ${Math.max(...measured).toFixed(1)} ms (${measured.length} keystrokes)`);
    if (process.env.VERBOSE) console.log(QUERIES.map((q, i) => `${q} ${times[i].toFixed(1)}`).join(', '));
    if (outside.length) console.log(`${name}: REQUESTS TO OTHER HOSTS: ${outside.join(', ')}`);
    await page.close();
    server.close();
  }
} finally {
  await browser.close();
}
