// Measures the preview's incremental rebuild as a writer sees it: `Site serve` on a corpus, one page open in
// headless Chromium (playwright-core, /usr/bin/chromium or CHROMIUM_PATH), then ROUNDS saves of that page's file,
// each timed from the save to the reloaded page's load event. Prints the median and worst, and the build's own
// times as the preview printed them. The page's file is restored at the end.
//
//   node bench/preview-bench.mjs BINARY CORPUS_DIR [ROUNDS]      (BINARY: a published Site, e.g. /tmp/site-bench/bin/Site)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [binary, corpus, roundsText = '10'] = process.argv.slice(2);
const rounds = Number(roundsText);
const theme = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'theme');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.9) - 1];

const serve = spawn(binary, ['serve', '--input', corpus, '--theme', theme, '--port', '0', '--today', '2026-11-27'], { stdio: ['ignore', 'pipe', 'ignore'] });
let output = '';
serve.stdout.on('data', (chunk) => { output += chunk; });
const until = async (test, what) => {
  for (let i = 0; i < 1200; i++) {
    const found = test();
    if (found) return found;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
};

const page = path.join(corpus, 'guidance', fs.readdirSync(path.join(corpus, 'guidance')).filter((f) => f.endsWith('.md')).sort()[0]);
const original = fs.readFileSync(page);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const address = (await until(() => /Previewing at (\S+)/.exec(output), 'the preview'))[1];
  const tab = await browser.newPage();
  await tab.goto(new URL(`guidance/${path.basename(page, '.md')}/`, address).href);
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const builds = output.split('\nBuilt ').length;
    const reloaded = tab.waitForEvent('load', { timeout: 30000 });
    const saved = performance.now();
    fs.appendFileSync(page, `\nAnother line ${i}.\n`);
    await reloaded;
    times.push(performance.now() - saved);
    await until(() => output.split('\nBuilt ').length > builds, 'the build summary');
    await new Promise((r) => setTimeout(r, 300));
  }
  const built = [...output.matchAll(/into the preview in ([\d.]+) s/g)].slice(1).map((m) => Number(m[1]) * 1000);
  const summary = (xs) => `median ${median(xs).toFixed(0)} ms, 90th percentile ${p90(xs).toFixed(0)} ms, worst ${Math.max(...xs).toFixed(0)} ms`;
  console.log(`save to reloaded page: ${summary(times)} (${rounds} saves)`);
  console.log(`rebuild as the preview reports it: ${summary(built)}`);
} finally {
  fs.writeFileSync(page, original);
  await browser.close();
  serve.kill();
}
