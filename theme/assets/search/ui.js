// The search UI, one for both places a reader searches: the header's box (a combobox whose results pop up under
// it) and the search page (results in the page, the query kept in the address). The engine (engine.js) and the
// search data load the first time a box is focused; nothing but this site's own files is ever requested, queries
// never leave the page, and nothing is stored.
const root = document.documentElement;
const base = root.dataset.basePath || '/';
const checkerUrl = base + 'symptom-checker/';
const pagesUrl = base + 'search/#all-pages-heading';
const searchUrl = base + 'search/';

let loading;
let careCard; // from care-card.js: only a red-flag notice needs it
let matches; // from the engine: the places of the words whose stems matched
/** Loads the engine, the care card module and the search data's first piece, once. */
export const load = () => (loading ??= Promise.all([
  import(new URL('../vendor/engine.js', import.meta.url).href), // engine.js beside this, minified by the build
  import(new URL('../care-card.js', import.meta.url).href),
]).then(async ([{ createEngine, marks }, cards]) => {
  careCard = cards.careCard;
  matches = marks;
  const folder = new URL('.', new URL(root.dataset.searchIndex, location.href));
  return createEngine((path) => fetch(new URL(path, folder)).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${path}: ${r.status}`)))));
}).catch((error) => {
  loading = undefined; // try again next time
  throw error;
}));

/** The results for a query: the first `count` with what to show, how many there are, and the notice. */
async function find(text, count) {
  const engine = await load();
  const { results, advice, terms, weights } = await engine.search(text);
  return { engine, results, advice, terms, weights, shown: await engine.records(results.slice(0, count), terms, weights, advice) };
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

/** Text with the given ranges wrapped in <mark>. */
function marked(text, ranges) {
  const out = document.createDocumentFragment();
  let at = 0;
  for (const [start, end] of ranges) {
    out.append(text.slice(at, start), el('mark', {}, text.slice(start, end)));
    at = end;
  }
  out.append(text.slice(at));
  return out;
}

/** A result: the page title, the section heading and the snippet, linking to the section. */
function result(r, terms, option, i) {
  const gap = () => el('span', { class: 'visually-hidden' }, ', ');
  const parts = [el('span', { class: 'search-result__title' }, marked(r.title, matches(r.title, terms)))];
  if (r.heading) parts.push(gap(), el('span', { class: 'search-result__heading' }, marked(r.heading, matches(r.heading, terms))));
  const text = el('span', { class: 'search-result__excerpt' }, marked(r.snippet.text, r.snippet.marks));
  if (option) return el('a', { class: 'search-result', href: r.url, role: 'option', id: 'search-option-' + i, tabindex: '-1', 'aria-selected': 'false' }, ...parts, gap(), text);
  return el('li', { class: 'search-result' }, el('a', { href: r.url }, ...parts), text);
}

function notice(advice, headingTag) {
  return careCard(advice, { heading: headingTag, className: 'search-notice' },
    el('p', {}, advice.advice),
    el('p', {}, 'Not sure this applies to you? ', el('a', { href: checkerUrl }, 'Check your symptoms'), '.'));
}

/**
 * What to do if unwell, under every search that raises no notice: search knows a warning sign only by the words
 * it has for it, so a reader who describes one in words it does not know still sees the emergency level's advice
 * and the way to the checker.
 */
function safety(engine) {
  const top = [...engine.levels.values()].reduce((a, b) => (b.rank > a.rank ? b : a));
  return el('p', { class: 'search-safety' }, 'Feeling very unwell? ', el('strong', {}, top.title + '.'),
    ' Not sure what to do? ', el('a', { href: checkerUrl }, 'Check your symptoms'), '.');
}

function help(text) {
  const p = el('p', { class: 'search-help' });
  if (text) p.append(`No results for ‘${text}’. Try fewer words or check the spelling. `);
  else p.append('Type a word or two, such as ‘bruising’ or ‘swollen leg’. ');
  p.append('You can also ', el('a', { href: checkerUrl }, 'check your symptoms'), ' or ', el('a', { href: pagesUrl }, 'see all pages'), '.');
  return p;
}

const count = (n) => (n === 1 ? '1 result' : n + ' results');
/** What the live region says: the notice first, then how many results, or that there are none for these words. */
const said = (advice, n, text) => (advice ? `${advice.label}: ${advice.title}. ` : '') + (n ? count(n) : `No results for ‘${text}’`);

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

/**
 * Searches for the box's text and hands the answer to `show`, but only the answer to the latest search: an
 * earlier, slower one that finishes later is dropped, and the same text is not searched twice in a row.
 */
function latest(input, count, show, fail) {
  let asked = 0;
  let current = null;
  return async (force = false) => {
    const text = input.value.trim();
    if (text === current && !force) return;
    current = text;
    const mine = ++asked;
    if (!text) return show(text, null);
    let found;
    try {
      found = await find(text, count);
    } catch {
      if (mine === asked) {
        current = null;
        fail();
      }
      return;
    }
    if (mine === asked) show(text, found);
  };
}

/** The header box: an ARIA 1.2 combobox with a listbox of results, and a polite live region for the count. */
export function headerBox(input) {
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
  const open = () => !popup.hidden;
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
  const render = latest(input, 6, (text, found) => {
    if (!found) {
      status.textContent = '';
      list.replaceChildren();
      return close();
    }
    const { engine, results, advice, terms, shown } = found;
    const matched = new Set(terms);
    move(-1);
    box.replaceChildren(...(advice ? [notice(advice, 'p')] : []));
    list.replaceChildren(...shown.map((r, i) => result(r, matched, true, i)));
    more.replaceChildren(results.length ? el('p', {}, el('a', { href: searchUrl + '?q=' + encodeURIComponent(text) }, `See all ${count(results.length)}`)) : help(text),
      ...(advice ? [] : [safety(engine)]));
    popup.hidden = false;
    input.setAttribute('aria-expanded', String(results.length > 0));
    status.textContent = said(advice, results.length, text);
  }, () => {
    box.replaceChildren();
    list.replaceChildren();
    more.replaceChildren(el('p', {}, 'Search could not load. ', el('a', { href: pagesUrl }, 'See all pages'), '.'));
    popup.hidden = false;
    status.textContent = 'Search could not load';
  });
  const later = throttle(render, 100);

  input.addEventListener('input', later);
  input.addEventListener('focus', () => input.value.trim() && !open() && render(true));
  form.addEventListener('focusout', (e) => form.contains(e.relatedTarget) || close());
  input.addEventListener('keydown', (e) => {
    const all = options();
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open()) render(true);
      else move(e.key === 'ArrowDown' ? active + 1 : active < 0 ? all.length - 1 : active - 1);
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      location.assign(all[active].href);
    } else if (e.key === 'Escape') {
      // First the list closes, keeping the words; a second Escape clears them.
      e.preventDefault();
      if (open()) close();
      else if (input.value) {
        input.value = '';
        render();
      }
    }
  });
}

/** The search page: results in the main content for ?q=, kept in the address as the reader types. */
export function searchPage(input) {
  const status = el('p', { class: 'search-results__status', role: 'status' });
  const box = el('div');
  const list = el('ol', { class: 'search-results__list' });
  const extra = el('div');
  input.form.after(el('div', { class: 'search-results', id: 'search-results' }, box, status, list, extra));
  document.querySelectorAll('.all-pages__needs-js').forEach((n) => (n.hidden = true));
  const PAGE = 20;

  const render = latest(input, PAGE, (text, found) => {
    const url = new URL(location.href);
    text ? url.searchParams.set('q', text) : url.searchParams.delete('q');
    history.replaceState(history.state, '', url);
    if (!found) {
      box.replaceChildren();
      list.replaceChildren();
      status.textContent = '';
      return extra.replaceChildren(help(''));
    }
    const { engine, results, advice, terms, weights, shown } = found;
    const matched = new Set(terms);
    box.replaceChildren(...(advice ? [notice(advice, 'h2')] : [safety(engine)]));
    list.replaceChildren(...shown.map((r) => result(r, matched, false)));
    status.textContent = said(advice, results.length, text) + (results.length ? ` for ‘${text}’` : '');
    extra.replaceChildren(...(results.length ? [] : [help(text)]));
    // The rest a page at a time, each fetched when asked for.
    const more = () => {
      const button = el('button', { type: 'button', class: 'search-results__more' }, 'Show more results');
      button.addEventListener('click', async () => {
        const from = list.children.length;
        const next = await engine.records(results.slice(from, from + PAGE), terms, weights, advice);
        list.append(...next.map((r) => result(r, matched, false)));
        list.children[from]?.querySelector('a')?.focus();
        extra.replaceChildren(...(list.children.length < results.length ? [more()] : []));
      });
      return button;
    };
    if (results.length > shown.length) extra.replaceChildren(more());
  }, () => {
    status.textContent = 'Search could not load. Please use the list of all pages below.';
  });
  input.value = new URLSearchParams(location.search).get('q') || '';
  input.addEventListener('input', throttle(render, 100));
  input.form.addEventListener('submit', (e) => {
    e.preventDefault();
    render(true);
  });
  render(true);
}
