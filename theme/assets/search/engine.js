// The search engine, without the DOM: the query's words, synonyms, typos, ranking, red-flag notices and snippets,
// over the search data the build writes in pieces (src/Site/Search/WriteSearchIndex.cs). It fetches each piece
// only when a query needs it, through the function it is given, so the browser and the tests' evaluation (node)
// run the same code.
import { words, stem } from './words.js';

/** Which words file a stem is in, named as the build names it (WriteSearchIndex.Key). */
export const key = (term) => (/^[a-z0-9]/.test(term) ? term[0] : 'u' + term.codePointAt(0).toString(16));

// How much a word that is not the reader's own counts: a synonym, the rest of a word being typed, a correction.
const SYNONYM = 0.9;
const PREFIX = 0.8;
const TYPO = [1, 0.7, 0.5]; // by the number of letters changed
const SURE_TYPO = 0.8;
const MAX_VARIANTS = 6; // per word: the likeliest prefixes or corrections
const MAX_QUERY_CHARS = 4000; // of a query, what is read at all
const MAX_QUERY_WORDS = 32; // of its distinct words, those looked up on the site
const TITLE = 1; // how much more a page counts with all of the query's words in its title
// Words for when ("last year", "yesterday") count half: they say little of what a reader asks about, and a page
// that merely has them ("reviewed every year") must not outrank the one about the rest of the question.
const WHEN = new Set(['year', 'month', 'week', 'day', 'hour', 'minute', 'last', 'ago', 'yesterday', 'today', 'tonight',
  'tomorrow', 'morning', 'evening', 'night', 'later', 'earlier'].map(stem));
const WHEN_WEIGHT = 0.5;

/** Letters a word of this length may have wrong: none for short words, where a change makes another word. */
const allowance = (length) => (length >= 7 ? 2 : length >= 4 ? 1 : 0);

/** Edit distance with swapped neighbours as one change (Damerau), or Infinity once it passes max. */
export function distance(a, b, max) {
  if (Math.abs(a.length - b.length) > max) return Infinity;
  let prev2 = null;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return Infinity;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length] <= max ? prev[b.length] : Infinity;
}

// The endings English words take (and "ess", "nes" for a mistyped "ness"). Any ending of up to three letters may
// follow a stem typed right ("tinglin" is tingl + "in"), but only one of these may follow a mistyped stem, so
// "stretch" is not "street" + "ch", nor "sholder" "show" + "der".
const ENDINGS = new Set(['s', 'es', 'ed', 'd', 'e', 'y', 'ly', 'er', 'ers', 'est', 'ing', 'ies', 'ied', 'ess', 'nes',
  'ful', 'al', 'ion', 'ive', 'ity', 'ish', 'ent', 'ous', 'ble', 'ic', 'en']);

/**
 * How far a typed word is from a word whose stem is `term`, taking the letters after the stem as its ending
 * ("numbess" is numb + "ess", "bruse" is a typo of "bruis" + "e"): one change for the ending, and a half more for
 * a typo in the stem too, so a plain typo of the same reach comes first. Infinity when further than max.
 */
export function stemOf(token, term, max) {
  if (term.length < 4) return Infinity;
  let best = Infinity;
  for (let k = term.length - 1; k <= term.length + 1; k++) {
    const ending = token.slice(k);
    if (k < 1 || ending.length < 1 || ending.length > 3) continue;
    const d = distance(token.slice(0, k), term, max);
    if (d === 0) best = Math.min(best, 1);
    else if (d === 1 && ENDINGS.has(ending)) best = Math.min(best, 1.5); // after a plain typo of the same reach
  }
  return Math.floor(best) <= max ? best : Infinity;
}

/** Whether a typed word is a word whose stem is `term` with one of the endings English words take ("workd"). */
const endingOf = (token, term) => token.startsWith(term) && ENDINGS.has(token.slice(term.length));

/** Whether two words have the same letters, in any order. */
const sameLetters = (a, b) => [...a].sort().join('') === [...b].sort().join('');

// The keys beside each letter key on a QWERTY keyboard.
const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const NEIGHBOURS = new Map(ROWS.flatMap((row, r) => [...row].map((c, i) => [c, new Set([row[i - 1], row[i + 1],
  ...(r > 0 ? [ROWS[r - 1][i], ROWS[r - 1][i + 1]] : []), ...(r < 2 ? [ROWS[r + 1][i - 1], ROWS[r + 1][i]] : [])].filter(Boolean))])));

/** Whether two words of one length differ in one letter, typed with the key beside the right one ("numn", numb). */
const besideKey = (a, b) => {
  const at = [...a].findIndex((c, i) => c !== b[i]);
  return at >= 0 && a.slice(at + 1) === b.slice(at + 1) && (NEIGHBOURS.get(b[at])?.has(a[at]) ?? false);
};

/** Whether a word is another with one of its letters typed twice ("legg", leg). */
const doubled = (a, b) => a.length === b.length + 1 && [...a].some((c, i) => i > 0 && c === a[i - 1] && a.slice(0, i) + a.slice(i + 1) === b);

/** Whether a word is another with one of its letters left out ("sorness", soreness; "sor", sore). */
const lost = (a, b) => b.length === a.length + 1 && [...b].some((_, i) => b.slice(0, i) + b.slice(i + 1) === a);

/** Whether a typed word the site does not have may be a slip for another word: a word of four or five letters may
 * only have lost a letter, doubled one, swapped two or hit the key beside one ("ches" is chest, "legg" leg, "numn"
 * numb, but "wear" is not "weak", "child" not "chill", "paint" not "faint"). */
const maySlipTo = (token, word) => token.length > 5 || token.length < word.length || sameLetters(token, word) ||
  doubled(token, word) || (token.length === word.length && besideKey(token, word));

/**
 * Makes an engine over the search data. `fetchJson(path)` returns the parsed JSON of a file of the search folder
 * (`meta.json`, `words/p.json`, ...). Pieces are fetched once and kept.
 */
export async function createEngine(fetchJson) {
  const meta = await fetchJson('meta.json');
  const pieces = new Map();
  const get = (path) => {
    if (!pieces.has(path)) pieces.set(path, fetchJson(path).catch((error) => {
      pieces.delete(path); // try again next time
      throw error;
    }));
    return pieces.get(path);
  };
  const keys = new Set(meta.keys);
  const stop = new Set(meta.stopWords);
  const content = (text) => words(text).filter((w) => !stop.has(w));
  const levels = new Map(meta.levels.map((l) => [l.id, l]));
  // Synonyms work both ways: "urine" finds "pee", and "pee" finds "urine".
  // The first word a synonym names is its closest meaning ("stiff: [sore, tight]"), and counts the most.
  const synonyms = Object.entries(meta.synonyms).flatMap(([word, targets]) => targets.flatMap((t, i) => [
    { from: content(word).map(stem), to: content(t).map(stem), weight: SYNONYM * (1 - 0.1 * Math.min(i, 3)), forward: true },
    { from: content(t).map(stem), to: content(word).map(stem), weight: SYNONYM, forward: false },
  ])).filter((s) => s.from.length && s.to.length);
  const synonymWords = new Set(synonyms.flatMap((s) => s.from));
  // A synonym's word is looked up on the pages only where they may have it: the pages' words every synonym points
  // to, and those of the readers' words that the build found on a page too (most are on none: "warfarin", "wee").
  const onSite = new Set([...synonyms.filter((s) => s.forward).flatMap((s) => s.to), ...(meta.readerStemsOnSite || [])]);
  // A red flag is raised only by what the reader said: their words, or the pages' words that a lay word of theirs
  // stands for ("wee" is "pee"), never a lay word that one of the pages' words might stand for ("pressure" is not
  // "too hard", which would make "hold my breath" and "pressure" a breathing problem). So each red flag is known
  // in the pages' words too ("cola urine" as "cola pee").
  const forward = synonyms.filter((s) => s.forward);
  const inPageWords = (stems) => forward.filter((s) => s.from.every((w) => stems.includes(w)))
    .map((s) => [...stems.filter((w) => !s.from.includes(w)), ...s.to]);
  // A sign's exceptions are words in order that mean something else ("hot and cold pack", "warm bath", "speak to"):
  // where the query says one, its words count for none of that sign's terms or phrases, and the rest of the query
  // still counts ("warm bath for sore legs" is no warm leg; "is it a clot, or the warm bath" is still a clot).
  // One list per sign, shared by its terms and phrases, so what the query says outside them is worked out once.
  const exceptionsOf = new Map(meta.redFlags.map((f) => [f, (f.except || []).map((e) => words(e).map(stem)).filter((e) => e.length)]));
  const flags = meta.redFlags.filter((f) => levels.has(f.level))
    .flatMap((f) => {
      const except = exceptionsOf.get(f);
      return f.terms.flatMap((t) => {
        const stems = content(t).map(stem);
        return [stems, ...inPageWords(stems)].map((s) => ({ stems: s, level: levels.get(f.level), except }));
      });
    })
    .filter((f) => f.stems.length);
  const flagStems = [...new Set(flags.flatMap((f) => f.stems))];
  // A phrase raises its notice only with its words in its order ("pain when breathing", never "breathe through the
  // pain"), stop words and all ("is it a clot", never "i had a clot"), and not in words an exception holds
  // ("trouble speaking up" is no trouble speaking).
  const phrases = meta.redFlags.filter((f) => levels.has(f.level))
    .flatMap((f) => {
      const except = exceptionsOf.get(f);
      return (f.phrases || []).map((p) => ({ words: words(p), level: levels.get(f.level), except }));
    })
    .filter((p) => p.words.length)
    .map((p) => ({ ...p, stems: p.words.map(stem) }));
  const phraseStops = new Set(phrases.flatMap((p) => p.words.filter((w) => stop.has(w))));
  // The red flags' words as the checker's data writes them, each with its stem: a typo is one change from the word
  // a reader meant ("swellinng", "slurredd"), where its stem may be further from the flag's.
  const flagWords = new Map(meta.redFlags.flatMap((f) => [...f.terms, ...(f.phrases || [])].flatMap((t) => content(t))).map((w) => [w, stem(w)]));
  const shared = { sections: new Set(meta.sharedSections), weight: meta.sharedWeight, stop };
  // How rare a word is (BM25's idf), with a floor: a word on every page still tells apart the pages with it in the title.
  const idf = (df) => Math.max(0.1, Math.log(1 + (meta.pages - df + 0.5) / (df + 0.5)));

  /** Whether a word as typed is one of everyday English (theme/assets/vendor/english/, by its first two letters, or
   * three where the two have many words: then the two letters' file names the third letters that have one). */
  const englishFile = (key) => get(`../vendor/english/${key}.json`).catch(() => []);
  const common = async (word) => {
    if (!/^[a-z]{2}/.test(word)) return false;
    const list = await englishFile(word.slice(0, 2));
    if (Array.isArray(list)) return list.includes(word);
    if (word.length === 2) return (list.words || []).includes(word);
    return (list.split || '').includes(word[2]) && (await englishFile(word.slice(0, 3))).includes(word);
  };

  /** The words file a stem would be in: {} when the site has no word with its first letter. */
  const vocabularyOf = (s) => (keys.has(key(s)) ? get(`words/${key(s)}.json`) : Promise.resolve({}));

  /** A word of a words file: how many pages have it, and its postings or the piece that holds them (a small
   * letter's postings stand in its words file). */
  const posted = (k, term, [df, at]) => (Array.isArray(at) ? { term, df, list: at } : { term, df, piece: `${k}-${at}` });

  /** The stem itself as the site has it, or null. */
  async function exact(s) {
    const entry = (await vocabularyOf(s))[s];
    return entry ? { ...posted(key(s), s, entry), weight: 1, kind: 'exact' } : null;
  }

  /** The words a stem may stand for on the site, each with how much it counts: itself, the rest of a word being typed, or a correction. */
  async function variants(token, partial) {
    const s = stem(token);
    const k = key(s);
    const vocabulary = await vocabularyOf(s);
    const found = [await exact(s)].filter(Boolean);
    const others = [];
    // As many letters wrong as the word typed can bear ("brusing": two), within one more than its stem can; a word
    // of three letters may only have lost one ("sor" is sore), as any other change makes another word.
    const max = Math.min(allowance(token.length), allowance(s.length) + 1);
    const short = token.length === 3 && !vocabulary[s];
    const reach = short ? 1 : max;
    for (const [term, entry] of Object.entries(vocabulary)) {
      if (term === s) continue;
      const at = posted(k, term, entry);
      const { df } = at;
      // The rest of a word being typed; or, for a word the site does not have, a shorter one it starts with ("numbn").
      if (partial && token.length >= 3 && (term.startsWith(token) || term.startsWith(s) || (!vocabulary[s] && term.length >= 4 && token.startsWith(term)))) {
        // A shorter word is a guess at what was meant, as a correction is ("thiners" may be thin).
        others.push({ ...at, weight: PREFIX, near: 0, kind: 'prefix', shorter: !term.startsWith(s) });
      } else if (!found.length && !synonymWords.has(s) && (short ? lost(token, term) : max)) { // a lay word the synonyms know is not a typo
        // A word the site does not have: one or two letters wrong, or a known word with a mistyped ending ("numbess").
        const d = short ? 1 : Math.min(maySlipTo(token, term) ? distance(s, term, max) : Infinity, stemOf(token, term, max));
        // Two letters swapped, one typed twice or left out, or a known word with a common ending typed wrong, is a
        // surer guess than another change ("frist", "masssage", "sorness", "workd").
        const sure = d === 1 && (sameLetters(s, term) || doubled(s, term) || lost(s, term) || endingOf(token, term));
        if (Math.floor(d) <= reach) others.push({ ...at, weight: sure ? SURE_TYPO : TYPO[Math.floor(d)], near: sure ? 0.5 : d, kind: 'typo', sure });
      }
    }
    others.sort((a, b) => a.near - b.near || b.df - a.df || (a.term < b.term ? -1 : 1));
    // A word of everyday English is no slip for another, unless a sure one ("waste" is not "want"): asked only of a
    // word that has such a correction. A sure correction is likelier than a shorter word: "thiners" is thinners, not thin.
    const english = others.some((v) => v.kind === 'typo' && !v.sure) && (await common(token));
    const sureTypo = others.some((v) => v.sure);
    const likely = others.filter((v) => !(english && v.kind === 'typo' && !v.sure) && !(sureTypo && v.shorter));
    const variants = found.concat(likely.slice(0, MAX_VARIANTS));
    // A completion or correction is never worth more than the word itself would be: a rare word that merely starts
    // the same must not outrank the pages that have the word. Nor is a less likely correction worth more than the
    // likeliest: "massarge" is massage, and a rare "message" two letters away must not carry the query, nor a rare
    // "thin" that "thiners" starts with.
    const cap = found.length ? idf(found[0].df) : Infinity;
    const guess = (v) => v.kind === 'typo' || v.shorter;
    const likeliest = likely.find((v) => v.kind === 'typo') || likely.find(guess);
    for (const v of variants) v.rarity = Math.min(idf(v.df), cap, guess(v) ? idf(likeliest.df) : Infinity);
    // Red flags hear every correction of one letter, and of two where the word typed is not everyday English (redFlag).
    return { stem: s, variants, correction: others.find((v) => v.kind === 'typo') };
  }

  /** Each page a term is on, with its score there (from hundredths) and the sections it stands in, from the term's
   * piece of postings. */
  async function postings(variant) {
    const list = variant.list || (await get(`postings/${variant.piece}.json`))[variant.term] || [];
    const pages = new Map();
    for (let i = 0, page = 0; i < list.length; i += 3) pages.set((page += list[i]), [list[i + 1] / 100, list[i + 2]]);
    return pages;
  }

  // Each term's postings, read once: every key typed searches again, and the records read the same postings.
  const lists = new Map();
  const load = (v) => {
    if (!lists.has(v.term)) lists.set(v.term, postings(v).catch((error) => {
      lists.delete(v.term); // try again next time, as a piece that failed to load is
      throw error;
    }));
    return lists.get(v.term);
  };

  /**
   * The query's words in groups: one per word the reader typed, or one for several that a synonym names together
   * ("pins and needles"). A group matches a page when any of its alternatives does: the reader's words, or a synonym.
   */
  async function groups(tokens, resolved) {
    // A word the site does not have may be a misspelt lay word the synonyms know ("ibuprofin"), by its stem or as
    // typed, where a slip can change the stem more than the word ("compres" is compress, though its stem is compr);
    // but a word of everyday English is no slip for one ("depressed" is not "pressing", a "table" not "tablets").
    const stems = await Promise.all(resolved.map(async (r, i) => {
      if (r.variants.some((v) => v.kind === 'exact')) return r.stem;
      let best = null;
      for (const form of new Set([r.stem, tokens[i]])) {
        const max = allowance(form.length);
        for (const w of synonymWords) {
          const d = form === w ? 0 : max && maySlipTo(form, w) ? distance(form, w, max) : Infinity; // "dumb" is not "numb"
          if (d <= max && (!best || d < best.d)) best = { w, d };
        }
      }
      return best && (best.d === 0 || !(await common(tokens[i]))) ? best.w : r.stem;
    }));
    const list = tokens.map((t, i) => ({ tokens: [i], alternatives: [{ words: [i], weight: 1 }] }));
    const owner = tokens.map((_, i) => list[i]);
    for (const s of synonyms) {
      const at = s.from.map((f) => stems.indexOf(f));
      if (at.some((i) => i < 0)) continue;
      const group = owner[at[0]];
      for (const i of at.slice(1)) {
        const other = owner[i];
        if (other === group) continue;
        // Words one synonym names together become one group: all of them, or the synonym.
        group.tokens.push(...other.tokens);
        group.alternatives = [{ words: [...group.tokens], weight: 1 }, ...group.alternatives.slice(1), ...other.alternatives.slice(1)];
        other.tokens.forEach((t) => (owner[t] = group));
        list.splice(list.indexOf(other), 1);
      }
      group.alternatives.push({ stems: s.to, weight: s.weight, forward: s.forward });
    }
    return list;
  }

  /** The most urgent level whose red flags the query's words name (as they are, corrected, or through a synonym). */
  async function redFlag(all, tokens, resolved, query) {
    const have = new Set(query.flatMap((g) => g.alternatives.filter((a) => a.forward).flatMap((a) => a.stems)));
    const heard = new Map(); // each word typed, with the stems it counts as
    for (const [i, r] of resolved.entries()) {
      const own = new Set([r.stem]);
      heard.set(tokens[i], own);
      // The rest is for a word the site does not have; a lay word the synonyms know is no slip: "throw" (up) is not "throb".
      if (r.variants.some((v) => v.kind === 'exact') || synonymWords.has(r.stem)) continue;
      const token = tokens[i];
      // A slip of one letter always counts: never under-triage a sign for a slip of the keyboard. A slip of two
      // counts only for a word that is not everyday English: "chemist" is no slip for chest, nor "wrecked" for weak.
      const far = new Set();
      const { correction } = r;
      if (correction && maySlipTo(token, correction.term)) (correction.near >= 2 ? far : own).add(correction.term);
      // A red-flag word is known even where no page uses it: a misspelling of it still counts, but only of a longer
      // word, so that an everyday word one letter from a red flag does not raise a notice.
      const max = r.stem.length >= 5 ? allowance(r.stem.length) : 0;
      for (const f of flagStems) {
        const d = max && maySlipTo(r.stem, f) ? distance(r.stem, f, max) : Infinity;
        if (d <= max) (d >= 2 ? far : own).add(f);
      }
      // And the word as typed, one letter from a red flag's word as written ("bown" is brown, "swellinng" swelling),
      // or two in a long word, yet "printing" is not "fainting".
      if (token.length >= 4) {
        for (const [word, s] of flagWords) {
          const most = Math.min(token.length, word.length) >= 10 ? 2 : 1;
          const d = maySlipTo(token, word) ? distance(token, word, most) : Infinity;
          if (d <= most) (d >= 2 ? far : own).add(s);
        }
        // A phrase's own small words may slip too ("pain whne breathing").
        for (const word of phraseStops) if (maySlipTo(token, word) && distance(token, word, 1) <= 1) own.add(stem(word));
      }
      if ([...far].some((s) => !own.has(s)) && !(await common(token))) far.forEach((s) => own.add(s));
    }
    heard.forEach((own) => own.forEach((s) => have.add(s)));
    for (const w of all) if (!heard.has(w) && !stop.has(w)) have.add(stem(w)); // past the words looked up
    // A word a one-word synonym stands for counts in a phrase as the word itself ("cant" is "cannot").
    for (const g of query) {
      if (g.tokens.length !== 1) continue;
      for (const a of g.alternatives) if (a.forward && a.stems.length === 1) heard.get(tokens[g.tokens[0]]).add(a.stems[0]);
    }
    let level = null;
    const raise = (l) => (level = !level || l.rank > level.rank ? l : level);
    const typed = all.map((w) => ({ stop: stop.has(w), stems: heard.get(w) || new Set([stem(w)]) }));
    // What the query says outside each sign's exceptions (most signs have none, and hear the whole query).
    const outside = new Map();
    const heardOutside = (except) => {
      if (!except.length) return { typed, have };
      if (outside.has(except)) return outside.get(except);
      const held = new Set(except.flatMap((e) => places(typed, e)));
      const rest = typed.map((t, i) => (held.has(i) ? { stop: false, stems: new Set() } : t));
      // A word counts, with the stems it is heard as and its synonyms', unless exceptions hold it wherever it stands.
      const free = new Set(all.filter((_, i) => !held.has(i)));
      const kept = new Set(rest.flatMap((t) => [...t.stems]));
      for (const g of query) {
        if (!g.tokens.some((t) => free.has(tokens[t]))) continue;
        for (const a of g.alternatives) if (a.forward) a.stems.forEach((s) => kept.add(s));
      }
      return outside.set(except, { typed: rest, have: kept }).get(except);
    };
    for (const f of flags) if (f.stems.every((s) => heardOutside(f.except).have.has(s))) raise(f.level);
    for (const p of phrases) if (places(heardOutside(p.except).typed, p.stems).length) raise(p.level);
    return level;
  }

  /** Where the words typed hold the phrase's stems in order, with at most a few stop words between two of them
   * ("pain when i breathe" holds "pain when breathing"): the places of every word of each time they do, or none. */
  function places(typed, phrase) {
    const found = [];
    for (let start = 0; start < typed.length; start++) {
      if (!typed[start].stems.has(phrase[0])) continue;
      let [at, k, skipped] = [start + 1, 1, 0];
      while (k < phrase.length && at < typed.length) {
        if (typed[at].stems.has(phrase[k])) [at, k, skipped] = [at + 1, k + 1, 0];
        else if (typed[at].stop && skipped < 3) [at, skipped] = [at + 1, skipped + 1];
        else break;
      }
      if (k === phrase.length) for (let i = start; i < at; i++) found.push(i);
    }
    return found;
  }

  /**
   * Searches. Returns the pages found, best first, each with its score, the words that matched it and its number;
   * `records(results)` then adds what to show (section, snippet). `advice` is the red-flag notice, if any.
   */
  async function search(text) {
    // A query is a few words, but a box takes a pasted page too: its words are read up to a bound, and only the
    // first of them are looked up and corrected (each such word reads a file of the site's words), while red flags
    // still hear every word read as it is typed.
    const all = words(text.slice(0, MAX_QUERY_CHARS));
    const partial = /[\p{L}\p{N}]$/u.test(text); // the last word may still be being typed
    const tokens = [...new Set(all.filter((w) => !stop.has(w)))].slice(0, MAX_QUERY_WORDS); // a word typed twice counts once
    if (!tokens.length) return { results: [], advice: null, terms: [] };
    const resolved = await Promise.all(tokens.map((t, i) => variants(t, partial && i === tokens.length - 1 && all[all.length - 1] === t)));
    const query = await groups(tokens, resolved);
    // Synonym alternatives are looked up like typed words, but never corrected or completed.
    const synonymStems = [...new Set(query.flatMap((g) => g.alternatives.flatMap((a) => a.stems || [])))];
    const synonymVariants = new Map(await Promise.all(synonymStems.map(async (s) => [s, onSite.has(s) ? [await exact(s)].filter(Boolean) : []])));
    /** A word's score on each page: the best of its variants, each weighed by how much it counts and how rare it is. */
    async function wordScores(variantsOfWord, cap, titled) {
      const scores = new Map();
      const held = new Map(); // the most any of the word's forms says on each page: how much it counts, how rare it is
      for (const v of variantsOfWord) {
        const weight = v.weight * Math.min(v.rarity ?? idf(v.df), cap);
        for (const [page, [score]] of await load(v)) {
          held.set(page, Math.max(held.get(page) || 0, weight));
          scores.set(page, Math.max(scores.get(page) || 0, weight * score));
          if (score * 100 >= meta.titleScore && v.weight >= SYNONYM * 0.8) titled.add(page);
        }
      }
      return { scores, held };
    }
    const matched = new Map(); // each matched term, with how much it counts (a completion less than the word itself)
    const pages = new Map();
    let total = 0;
    let counted = 0; // the groups some page has
    for (const group of query) {
      const groupScores = new Map();
      const titled = new Set(); // pages with the word (or a synonym) in the title
      const holds = new Map(); // how much of the word each page holds

      // A synonym is never worth more than the reader's own word, where the site has that word.
      const rarity = (parts) => Math.min(...parts.map((p) => Math.max(...p.map((v) => v.rarity ?? idf(v.df)))));
      const own = group.alternatives[0].words.map((i) => resolved[i].variants);
      const cap = own.every((p) => p.some((v) => v.kind === 'exact')) ? rarity(own) : Infinity;
      for (const alt of group.alternatives) {
        const parts = alt.words ? alt.words.map((i) => resolved[i].variants) : alt.stems.map((s) => synonymVariants.get(s));
        if (parts.some((p) => !p.length)) continue;
        // A completion of a word being typed says little about where on a page the answer is.
        parts.flat().forEach((v) => matched.set(v.term, Math.max(matched.get(v.term) || 0, (v.kind === 'prefix' ? v.weight / 2 : v.weight) * alt.weight)));
        const each = await Promise.all(parts.map((p) => wordScores(p, cap, titled)));
        for (const [page, first] of each[0].scores) {
          if (!each.every((e) => e.scores.has(page))) continue;
          const sum = each.reduce((a, e) => a + e.scores.get(page), 0);
          if (sum > 0) groupScores.set(page, Math.max(groupScores.get(page) || 0, (alt.weight * sum) / parts.length));
          // How much of the word the page holds: its best form there, by how much that counts and how rare it is.
          const held = alt.weight * Math.min(...each.map((e) => e.held.get(page)));
          if (held > (holds.get(page) || 0)) holds.set(page, held);
        }
      }
      const when = group.tokens.every((t) => WHEN.has(resolved[t].stem)) ? WHEN_WEIGHT : 1;
      for (const [page, held] of holds) holds.set(page, held * when);
      for (const [page, score] of groupScores) groupScores.set(page, score * when);
      // The word counts as much as the best page holds of it; a word no page has in any form does not count against the others.
      const importance = Math.max(0, ...holds.values());
      if (!importance) continue;
      total += importance;
      counted++;
      for (const [page, score] of groupScores) {
        const p = pages.get(page) || pages.set(page, { page, score: 0, covered: 0, titled: 0, groups: 0 }).get(page);
        const held = holds.get(page);
        p.groups++;
        p.score += score;
        p.covered += held;
        p.titled += titled.has(page) ? held : 0;
      }
    }
    // Pages with more of the query's rarer words come first: a common word alone cannot carry a page.
    let results = [...pages.values()]
      .map((p) => ({ page: p.page, score: p.score * (p.covered / total) ** 0.5 * (1 + TITLE * (p.titled / total)) }))
      .sort((a, b) => b.score - a.score || a.page - b.page);
    const level = await redFlag(all, tokens, resolved, query);
    // Red flags first: the pages the checker sends a reader with these signs lead, always where the query raises a
    // notice, and for a milder sign where they have every word of the query ("bruising", but not "bruising on
    // blood thinners", which a page about blood thinners answers better).
    const answers = (page) => level.notice || pages.get(page)?.groups === counted;
    if (level?.pages?.length && level.pages.every(answers)) {
      const guide = new Set(level.pages);
      results = level.pages.map((page) => results.find((r) => r.page === page) || { page, score: 0 })
        .concat(results.filter((r) => !guide.has(r.page)));
    }
    return { results, advice: level?.notice ? level : null, terms: [...matched.keys()], weights: matched };
  }

  /**
   * Adds to each result what to show: the page's address and title, its best section and a snippet. The section is
   * picked by where the matched words stand, as their postings say, so only its blocks are fetched.
   */
  async function records(results, terms, weights = new Map(), advice = null) {
    const wanted = new Set(terms);
    const rarity = new Map(); // how much a matched word says about a section: its rarity, less for a completion
    const where = new Map(); // each matched word's pages, with the sections it stands in there
    const found = await Promise.all(terms.map(async (t) => {
      const entry = await exact(t);
      return [t, entry, entry && (await load(entry))];
    }));
    for (const [t, entry, pages] of found) {
      rarity.set(t, (entry ? idf(entry.df) : 0) * (weights.get(t) ?? 1));
      if (entry) where.set(t, pages);
    }
    return Promise.all(results.map(async (r) => {
      const group = Math.floor(r.page / meta.recordsPerFile);
      const heads = await get(`pages/${group}.json`);
      const head = heads[r.page % meta.recordsPerFile];
      // The file's sections are counted from its first page's first; each file of blocks holds so many of them.
      const first = heads.slice(0, r.page % meta.recordsPerFile).reduce((n, h) => n + h.sections.length, 0);
      const sections = new Map();
      for (const [t, pages] of where) if (pages.has(r.page)) sections.set(t, pages.get(r.page)[1]);
      const best = bestSection(head, sections, rarity, shared, advice?.label);
      const n = first + Math.max(best, 0);
      const blocks = head.sections.length ? (await get(`text/${group}-${Math.floor(n / meta.sectionsPerFile)}.json`))[n % meta.sectionsPerFile] : [];
      const [id, heading] = best >= 0 ? head.sections[best] : [''];
      return {
        ...r,
        url: id ? `${head.url}#${id}` : head.url,
        title: head.title,
        heading: id ? heading : '',
        snippet: snippet(blocks, wanted, rarity, shared.stop),
      };
    }));
  }

  return { meta, search, records, levels };
}

/** The places of the words of a text whose stems are among `terms`, for marking them. */
export const marks = (text, terms) => spans(text).filter((s) => terms.has(s.stem)).map((s) => [s.start, s.end]);

/** The words of a text, each with where it starts and its stem. */
function spans(text) {
  const out = [];
  const re = /[\p{L}\p{N}'’‘]+/gu;
  for (let m; (m = re.exec(text));) {
    const w = words(m[0])[0];
    if (w) out.push({ start: m.index, end: m.index + m[0].length, word: w, stem: stem(w) });
  }
  return out;
}

/**
 * The section of a page that best answers the matched words (its heading counting double, the sections every page
 * has less, as the build scores them), by number, or -1 when none has any. `sections` holds, for each matched word
 * the page has, the sections whose blocks have it, as the build writes them: bit s for section s (of the first 31).
 */
export function bestSection(head, sections, rarity, shared, notice) {
  const wanted = new Set(sections.keys());
  let best = -1;
  let most = 0;
  for (const [s, [id, heading, labels = []]] of head.sections.entries()) {
    const factor = shared.sections.has(id) ? shared.weight : 1;
    const seen = new Map();
    for (const w of spans(heading)) if (wanted.has(w.stem)) seen.set(w.stem, 2 * (rarity.get(w.stem) || 0.01));
    // The build gives the first 31 sections bits; bitwise operators read 32, and wrap past them.
    for (const [stem, bits] of sections) if (!seen.has(stem) && s < 32 && bits & (1 << s)) seen.set(stem, rarity.get(stem) || 0.01);
    // Where the query raises a notice, the section with that level's box of signs comes first: an urgent notice
    // never links to the emergency section.
    const score = factor * [...seen.values()].reduce((a, b) => a + b, 0) + (notice && seen.size && labels.includes(notice) ? 1000 : 0);
    if (score > most) [best, most] = [s, score];
  }
  return best;
}

/** A window of a block around its rarest matched word, with the matched words' places for marking them. */
export function snippet(blocks, wanted, rarity, stop, size = 160) {
  let best = null;
  for (const block of blocks) {
    for (const s of spans(block)) {
      if (!wanted.has(s.stem)) continue;
      const r = rarity.get(s.stem) || 0;
      if (!best || r > best.rarity) best = { block, at: s, rarity: r };
    }
  }
  const block = best ? best.block : blocks[0] || '';
  const all = spans(block);
  let start = 0;
  if (best && block.length > size && best.at.start > size / 3) {
    // Start a few words before the match, on a word that is not a little word like "the".
    const before = all.filter((s) => s.start <= best.at.start - size / 3);
    const from = before.length ? before[before.length - 1] : all[0];
    const index = all.indexOf(from);
    const firstReal = all.slice(index).find((s) => !stop.has(s.word));
    start = (firstReal || from).start;
  }
  let end = Math.min(block.length, start + size);
  if (end < block.length) {
    const cut = block.lastIndexOf(' ', end);
    end = cut > start + size / 2 ? cut : end;
  }
  const text = (start > 0 ? '… ' : '') + block.slice(start, end) + (end < block.length ? ' …' : '');
  const shift = start > 0 ? 2 - start : 0;
  const marks = all.filter((s) => s.start >= start && s.end <= end && wanted.has(s.stem)).map((s) => [s.start + shift, s.end + shift]);
  return { text, marks };
}
