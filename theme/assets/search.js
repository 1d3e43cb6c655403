// Site search, all in the browser: MiniSearch over the build's section records (assets/search-index.json).
// Nothing is fetched until a search box is focused (or the search page opens with ?q=), and nothing but this
// site's own files is ever requested: queries never leave the page, and nothing is stored.
const root = document.documentElement;
const base = root.dataset.basePath || '/';
const checkerUrl = base + 'symptom-checker/';
const pagesUrl = base + 'search/#all-pages-heading';
const SPLIT = /[\n\r\p{Z}\p{P}]+/u; // MiniSearch's own word boundaries
const STOP = new Set('a an and are as at be by do for from has have i if in is it its me my of on or so the to was with you your'.split(' '));

const stems = new Map(); // a site has a few thousand distinct words: stem each once

/** Light English stemming, the same for the pages and the query: numbness, numbing, numb -> numb. */
export function stem(word) {
  let w = stems.get(word);
  if (w !== undefined) return w;
  w = word;
  if (w.length > 3) {
    const m = /^(.{3,}?)(ness|ing|ies|ied|ed|es|s)$/.exec(w) || /^(.{4,}?)(ly)$/.exec(w);
    if (m && !(/eed$|[sui]s$/.test(w) && /^(ed|s)$/.test(m[2]))) w = m[2][0] === 'i' && m[2] !== 'ing' ? m[1] + 'i' : m[1];
    if (w.length > 3) w = w.replace(/e$/, '').replace(/y$/, 'i');
  }
  stems.set(word, w);
  return w;
}

const words = (text) => text.toLowerCase().split(SPLIT).filter((w) => w.length > 1 && !STOP.has(w));
const processTerm = (term) => (term.length > 1 && !STOP.has(term = term.toLowerCase()) ? stem(term) : null);

/**
 * Indexes the records, and prepares the synonyms and red-flag terms for queries. The urgency levels (rank, care
 * card, label, whether they raise a notice) come with the data, from the build's one list of them.
 */
export function createEngine(MiniSearch, data) {
  const index = new MiniSearch({
    idField: 'url', // each record is a page or one of its sections, so its address is unique
    fields: ['title', 'heading', 'text'],
    storeFields: ['url', 'title', 'heading', 'text'],
    processTerm,
    searchOptions: { boost: data.boost, prefix: true },
  });
  index.addAll(data.records);
  // Synonyms work both ways: "urine" finds "pee", and "pee" finds "urine".
  const pairs = Object.entries(data.synonyms || {}).flatMap(([word, targets]) =>
    targets.flatMap((t) => [[words(word).map(stem), words(t)], [words(t).map(stem), words(word)]]));
  const levels = new Map((data.levels || []).map((l) => [l.id, l]));
  const flags = (data.redFlags || []).filter((f) => levels.has(f.level))
    .flatMap((f) => f.terms.map((t) => ({ stems: words(t).map(stem), level: levels.get(f.level) })));
  return { index, data, pairs, flags };
}

let engine;
let careCard; // from care-card.js, loaded with the data: only a red-flag notice needs it
/** Loads MiniSearch, the care card module and the data once: the first time a search box is focused. */
export const load = () => (engine ??= Promise.all([
  import(new URL('vendor/minisearch.js', import.meta.url).href),
  import(new URL('care-card.js', import.meta.url).href),
  fetch(root.dataset.searchIndex).then((r) => (r.ok ? r.json() : Promise.reject(new Error(r.status)))),
]).then(([{ default: MiniSearch }, cards, data]) => {
  careCard = cards.careCard;
  return createEngine(MiniSearch, data);
}, (error) => {
  engine = undefined; // try again next time
  throw error;
}));

/** Words match when equal after stemming, or one begins the other (numb / numbness). */
const like = (q, t) => q === t || (q.length > 3 && t.startsWith(q)) || (t.length > 3 && q.startsWith(t));

/**
 * The results for a query, best first, and the most urgent red-flag level its words name, as advice when that
 * level raises a notice. Sections that have every word (or a synonym of it) come first, then those that have
 * only some of the words.
 */
export function query(e, text) {
  const typed = words(text);
  const groups = typed.map((w) => [w].concat(e.pairs.filter(([from]) => from.includes(stem(w)) && from.every((s) => typed.some((t) => stem(t) === s))).flatMap(([, to]) => to)));
  const all = groups.flat();
  const allStems = all.map(stem);
  // Typos: one letter off for words of 5 to 7 letters, two for longer ones (never more than a short stem can bear).
  const fuzzy = new Map(all.map((w, i) => [allStems[i], Math.min(w.length > 7 ? 2 : w.length > 4 ? 1 : 0, allStems[i].length > 6 ? 2 : allStems[i].length > 3 ? 1 : 0)]));
  const options = { fuzzy: (t) => fuzzy.get(t) || false };
  let results = [];
  if (all.length) {
    results = e.index.search({ combineWith: 'AND', queries: groups.map((g) => g.join(' ')) }, options);
    const seen = new Set(results.map((r) => r.id));
    results = results.concat(e.index.search(all.join(' '), options).filter((r) => !seen.has(r.id)));
  }
  let level = null;
  for (const f of e.flags) {
    if (f.stems.length && f.stems.every((t) => allStems.some((q) => like(q, t))) && (!level || f.level.rank > level.rank)) level = f.level;
  }
  const advice = level?.notice ? level : null;
  return { results, advice };
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

const WORD = /([^\n\r\p{Z}\p{P}]+)/u;
const matches = (part, terms) => terms.has(stem(part.toLowerCase()));

/** The text with every word whose stem matched wrapped in <mark>. */
function marked(text, terms) {
  const out = document.createDocumentFragment();
  for (const part of text.split(WORD)) out.append(matches(part, terms) ? el('mark', {}, part) : part);
  return out;
}

/** About 160 characters of the text, from a little before the first matched word. */
function excerpt(text, terms) {
  let hit = 0;
  for (const part of text.split(WORD)) {
    if (matches(part, terms)) break;
    hit += part.length;
  }
  const start = hit > 60 && hit < text.length ? text.lastIndexOf(' ', hit - 50) + 1 : 0;
  let end = text.length;
  if (end > start + 160) end = Math.max(text.lastIndexOf(' ', start + 160), start + 100);
  return (start ? '… ' : '') + text.slice(start, end) + (end < text.length ? ' …' : '');
}

/** A result: the page title, the section heading and the excerpt, linking to the section. */
function result(r, option, i) {
  const terms = new Set(r.terms);
  const gap = () => el('span', { class: 'visually-hidden' }, ', ');
  const parts = [el('span', { class: 'search-result__title' }, marked(r.title, terms))];
  if (r.heading) parts.push(gap(), el('span', { class: 'search-result__heading' }, marked(r.heading, terms)));
  const text = el('span', { class: 'search-result__excerpt' }, marked(excerpt(r.text, terms), terms));
  if (option) return el('a', { class: 'search-result', href: r.url, role: 'option', id: 'search-option-' + i, tabindex: '-1', 'aria-selected': 'false' }, ...parts, gap(), text);
  return el('li', { class: 'search-result' }, el('a', { href: r.url }, ...parts), text);
}

function notice(advice, headingTag) {
  return careCard(advice, { heading: headingTag, className: 'search-notice' },
    el('p', {}, advice.advice),
    el('p', {}, 'Not sure this applies to you? ', el('a', { href: checkerUrl }, 'Check your symptoms'), '.'));
}

function help(text) {
  const p = el('p', { class: 'search-help' });
  if (text) p.append(`No results for ‘${text}’. Try fewer words or check the spelling. `);
  else p.append('Type a word or two, such as ‘bruising’ or ‘swollen leg’. ');
  p.append('You can also ', el('a', { href: checkerUrl }, 'check your symptoms'), ' or ', el('a', { href: pagesUrl }, 'see all pages'), '.');
  return p;
}

const count = (n) => (n === 1 ? '1 result' : n + ' results');

/**
 * Runs fn at once for a first keystroke, then at most every `ms` while the reader types: results show up
 * straight away, yet a fast typist does not search on every key.
 */
function throttle(fn, ms) {
  let last = -ms;
  let timer = 0;
  return () => {
    clearTimeout(timer);
    const wait = last + ms - performance.now();
    if (wait <= 0) {
      last = performance.now();
      fn();
    } else timer = setTimeout(() => { last = performance.now(); fn(); }, wait);
  };
}

/** The header box: an ARIA 1.2 combobox with a listbox of results, and a polite live region for the count. */
function headerBox(input) {
  const form = input.form;
  const status = el('p', { class: 'visually-hidden', role: 'status' });
  const box = el('div', { class: 'search-popup__notice' });
  const list = el('div', { role: 'listbox', id: 'search-listbox', 'aria-label': 'Search results' });
  const more = el('div', { class: 'search-popup__more' });
  const popup = el('div', { class: 'search-popup', tabindex: '-1', hidden: '' }, box, list, more);
  form.append(popup, status);
  Object.entries({ role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': list.id })
    .forEach(([k, v]) => input.setAttribute(k, v));
  let active = -1;

  const options = () => list.querySelectorAll('[role=option]');
  const close = () => {
    popup.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    move(-1);
  };
  function move(i) {
    const all = options();
    all[active]?.setAttribute('aria-selected', 'false');
    active = all.length ? (i + all.length + 2) % (all.length + 1) - 1 : -1;
    if (active < 0) return input.removeAttribute('aria-activedescendant');
    all[active].setAttribute('aria-selected', 'true');
    input.setAttribute('aria-activedescendant', all[active].id);
    all[active].scrollIntoView({ block: 'nearest' });
  }
  // The query the open list shows: a late call for the same text (the throttle's trailing one) must not
  // rebuild the list, or it would drop the option a keyboard user has just moved to.
  let shown = null;
  async function render() {
    const text = input.value.trim();
    if (!text) {
      shown = null;
      status.textContent = '';
      list.replaceChildren();
      return close();
    }
    if (text === shown && !popup.hidden) return;
    let found;
    try {
      found = query(await load(), text);
    } catch {
      found = { failed: true };
    }
    if (input.value.trim() !== text) return;
    if (found.failed) {
      box.replaceChildren();
      list.replaceChildren();
      more.replaceChildren(el('p', {}, 'Search could not load. ', el('a', { href: pagesUrl }, 'See all pages'), '.'));
      popup.hidden = false;
      return (status.textContent = 'Search could not load');
    }
    const { results, advice } = found;
    shown = text;
    move(-1);
    box.replaceChildren(...(advice ? [notice(advice, 'p')] : []));
    list.replaceChildren(...results.slice(0, 6).map((r, i) => result(r, true, i)));
    more.replaceChildren(results.length ? el('p', {}, el('a', { href: base + 'search/?q=' + encodeURIComponent(text) }, `See all ${count(results.length)}`)) : help(text));
    popup.hidden = false;
    input.setAttribute('aria-expanded', String(results.length > 0));
    status.textContent = (advice ? `${advice.label}: ${advice.title}. ` : '') + count(results.length);
  }
  const later = throttle(render, 100);

  input.addEventListener('input', later);
  input.addEventListener('focus', () => input.value.trim() && render());
  form.addEventListener('focusout', (e) => form.contains(e.relatedTarget) || close());
  input.addEventListener('keydown', (e) => {
    const all = options();
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (popup.hidden) render();
      else move(e.key === 'ArrowDown' ? active + 1 : active < 0 ? all.length - 1 : active - 1);
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      location.assign(all[active].href);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      input.value = '';
      render();
    }
  });
}

/** The search page: results in the main content for ?q=, kept in the address as the reader types. */
function searchPage(input) {
  const status = el('p', { class: 'search-results__status', role: 'status' });
  const box = el('div');
  const list = el('ol', { class: 'search-results__list' });
  const extra = el('div');
  input.form.after(el('div', { class: 'search-results', id: 'search-results' }, box, status, list, extra));
  document.querySelectorAll('.all-pages__needs-js').forEach((n) => (n.hidden = true));

  async function render() {
    const text = input.value.trim();
    const url = new URL(location.href);
    text ? url.searchParams.set('q', text) : url.searchParams.delete('q');
    history.replaceState(history.state, '', url);
    if (!text) {
      box.replaceChildren();
      list.replaceChildren();
      status.textContent = '';
      return extra.replaceChildren(help(''));
    }
    let found;
    try {
      found = query(await load(), text);
    } catch {
      status.textContent = 'Search could not load. Please use the list of all pages below.';
      return;
    }
    if (input.value.trim() !== text) return;
    const { results, advice } = found;
    box.replaceChildren(...(advice ? [notice(advice, 'h2')] : []));
    list.replaceChildren(...results.slice(0, 50).map((r) => result(r, false)));
    status.textContent = `${count(results.length)} for ‘${text}’`;
    extra.replaceChildren(...(results.length ? [] : [help(text)]));
  }
  input.value = new URLSearchParams(location.search).get('q') || '';
  input.addEventListener('input', throttle(render, 100));
  input.form.addEventListener('submit', (e) => {
    e.preventDefault();
    render();
  });
  render();
}

const header = document.getElementById('search-query');
const page = document.getElementById('search-page-query');
if (root.dataset.searchIndex) {
  document.addEventListener('focusin', (e) => (e.target === header || e.target === page) && load().catch(() => {}));
  if (header) headerBox(header);
  if (page) searchPage(page);
}
