// Site search: the header's box and the search page (search/ui.js). The engine and the search data load only
// when a search box is first focused, or when the search page opens with ?q=.
import { load, headerBox, searchPage } from './search/ui.js';

const header = document.getElementById('search-query');
const page = document.getElementById('search-page-query');
if (document.documentElement.dataset.searchIndex) {
  document.addEventListener('focusin', (e) => (e.target === header || e.target === page) && load().catch(() => {}));
  if (header) headerBox(header);
  if (page) searchPage(page);
}
