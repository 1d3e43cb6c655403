// Runs queries through the browser's search engine (theme/assets/vendor/engine.js, minified from theme/assets/search/) on a built site's search data,
// in node, as the evaluation test and the search benchmark do. Prints one JSON object: for each query its
// results (address, title, section heading, snippet), its notice and the site's words it matched, and the files and bytes the first
// query of each fetched from a cold start, gzipped as a static host sends them.
//
//   node run-queries.mjs ENGINE_JS SEARCH_FOLDER QUERIES_JSON [RESULTS]   (RESULTS 0: the notices alone)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';

const [engineFile, folder, queriesFile, shown = '10'] = process.argv.slice(2);
const { createEngine } = await import(pathToFileURL(path.resolve(engineFile)).href);
const queries = JSON.parse(fs.readFileSync(queriesFile, 'utf8'));
const gzipped = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 6 }).length;

/** A cold engine that counts what it fetches. */
async function cold() {
  const fetched = new Map();
  const engine = await createEngine(async (relative) => {
    const file = path.join(folder, relative);
    if (!fetched.has(relative)) fetched.set(relative, gzipped(file));
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  });
  return { engine, fetched };
}

const warm = (await cold()).engine;
const out = [];
for (const query of queries) {
  const { results, advice, terms, weights } = await warm.search(query);
  // With RESULTS 0, only the notices: no records, and no cold start to count bytes.
  const top = Number(shown) ? await warm.records(results.slice(0, Number(shown)), terms, weights, advice) : [];
  const first = Number(shown) ? await cold() : { fetched: new Map() };
  if (Number(shown)) {
    const r = await first.engine.search(query);
    await first.engine.records(r.results.slice(0, 6), r.terms, r.weights, r.advice);
  }
  out.push({
    query,
    count: results.length,
    results: top.map((t) => ({ url: t.url, title: t.title, heading: t.heading, snippet: t.snippet.text })),
    notice: advice ? advice.id : null,
    terms,
    firstQueryBytes: [...first.fetched.values()].reduce((a, b) => a + b, 0),
    firstQueryFiles: first.fetched.size,
    firstQueryFetched: [...first.fetched.keys()],
  });
}
console.log(JSON.stringify(out));
