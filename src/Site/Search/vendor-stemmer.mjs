// Writes the Snowball English (Porter2) stemmer of npm `snowball-stemmers` as a minified ES module that exports
// `stem(word)`: `node vendor-stemmer.mjs <snowball-stemmers.js> <output.js>`. Run by the build (src/Site/Site.csproj).
//
// The package is one UMD file (CommonJS/AMD/global) with the stemmers of 24 languages, about 850 KB. The browser
// needs English only, and terser cannot drop the other languages by itself (each class is built by a call it must
// assume has effects), so this keeps the file's top-level statements that English needs: the Babel helpers, the
// shared Snowball runtime and the English class, and leaves out the other languages and the UMD exports.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { minify } from 'terser';

const [source, output] = process.argv.slice(2);
if (!source || !output) throw new Error('usage: node vendor-stemmer.mjs <snowball-stemmers.js> <output.js>');
const text = readFileSync(source, 'utf8');
const { version, license, author } = JSON.parse(readFileSync(join(dirname(source), 'package.json'), 'utf8'));

// Before the UMD wrapper: Babel's _typeof helper. Inside the factory, each top-level statement starts a line with
// four spaces and `var name =` or `function name(`.
const wrapper = text.indexOf('(function (global, factory)');
const body = text.indexOf("'use strict';", wrapper);
const end = text.lastIndexOf('});');
if (wrapper < 0 || body < 0 || end < body) throw new Error(`${source}: not the UMD layout this script knows; check the package version`);
const parts = text.slice(body, end).split(/^(?=    (?:var|function) \w+)/m).slice(1); // [0] is the UMD exports
const name = (part) => /^ {4}(?:var|function) (\w+)/.exec(part)[1];
const other = (n) => (/Stemmer$/.test(n) && n !== 'SnowballStemmer' && n !== 'englishStemmer') || n === 'newStemmer' || n === 'algorithms';
const kept = parts.filter((p) => !other(name(p)));
for (const needed of ['SnowballProgram', 'SnowballStemmer', 'englishStemmer']) {
  if (!kept.some((p) => name(p) === needed)) throw new Error(`${source}: ${needed} not found; check the package version`);
}

const module = text.slice(0, wrapper) + kept.join('') + `
const english = new englishStemmer();
/** The Snowball English (Porter2) stem of a lower-case word. */
export function stem(word) {
  english.setCurrent(word);
  english.stem();
  return english.getCurrent();
}
`;
const preamble = `/*! English stemmer of snowball-stemmers ${version} (npm) | ${author.replace(/\s*[<(].*$/, '')} | ${license} License. `
  + 'Generated from the Snowball English algorithm (snowballstem.org), Copyright (c) 2001 Dr Martin Porter, '
  + '(c) 2002 Richard Boulton | BSD 3-Clause License */';
const { code } = await minify(module, { module: true, compress: true, mangle: true, format: { preamble } });
writeFileSync(output, code + '\n');
