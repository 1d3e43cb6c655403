// Words and stems for site search, the same as the build's (src/Site/Search/Words.cs and Stemmer.cs); the tests
// run this module against them on every word of the site and of a large English word list. The stop words are not
// here: the build sends its one list with the search data.
import { stem as snowball } from '../vendor/snowball-english.js';

const WORD = /[\p{L}\p{Nd}']+/gu;

// One character at a time, as .NET's invariant culture lower-cases: a whole-string toLowerCase would turn a final
// Σ into ς and İ into i + a combining dot (two characters, which splits the word), where .NET gives σ and keeps İ.
const lower = (text) => text.replace(/[A-Z\u0080-\u{10FFFF}]/gu, (c) => (c === 'İ' ? c : c.toLowerCase()));

/**
 * The lower-cased words of a text, in order: runs of letters, digits and apostrophes (’ and ‘ count as '),
 * without apostrophes at their ends. "Don’t press the DVT's 999-line" -> don't, press, the, dvt's, 999, line.
 */
export function words(text) {
  const out = [];
  for (const [run] of lower(text).replace(/[’‘]/g, "'").matchAll(WORD)) {
    const word = run.replace(/^'+|'+$/g, '');
    if (word) out.push(word);
  }
  return out;
}

const stems = new Map(); // a search stems the same few words on every keystroke: stem each once

// Irregular forms that Porter2 leaves apart from their word, each turned into the word first ("felt" is "feel",
// "goes" "go" rather than "goe"): the same as the build's (Stemmer.Forms).
const forms = new Map(Object.entries({
  goes: 'go',
  went: 'go',
  gone: 'go',
  felt: 'feel',
  slept: 'sleep',
  woke: 'wake',
  woken: 'wake',
  told: 'tell',
  said: 'say',
  got: 'get',
  gotten: 'get',
  took: 'take',
  taken: 'take',
  gave: 'give',
  given: 'give',
  came: 'come',
  made: 'make',
  kept: 'keep',
  thought: 'think',
  stood: 'stand',
  sat: 'sit',
  ran: 'run',
  drank: 'drink',
  ate: 'eat',
  eaten: 'eat',
  bled: 'bleed',
  swollen: 'swell',
  froze: 'freeze',
  frozen: 'freeze',
  broke: 'break',
  broken: 'break',
  fell: 'fall',
  fallen: 'fall',
  wore: 'wear',
  worn: 'wear',
}));

/** The Snowball English (Porter2) stem of a lower-case word from words(): bruising -> bruis. */
export function stem(word) {
  let s = stems.get(word);
  if (s === undefined) stems.set(word, (s = snowball(forms.get(word) ?? word)));
  return s;
}
