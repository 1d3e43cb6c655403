// Writes the search engine and its word rules, minified, beside the stemmer they import:
// `node vendor-search.mjs <theme/assets/search> <theme/assets/vendor>`. Run by the build (src/Site/Site.csproj).
// The sources keep their comments for the people who read them; the browser fetches the minified copies, which
// keep the first query of the real site within its budget (tests/Site.Tests/BuiltSite/SearchBudgetTests.cs).
// Both import by relative path ('./words.js', '../vendor/snowball-english.js'), which resolves the same from vendor/.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const [source, output] = process.argv.slice(2);
if (!source || !output) throw new Error('usage: node vendor-search.mjs <theme/assets/search> <theme/assets/vendor>');
for (const file of ['engine.js', 'words.js']) {
  const { code } = await minify(readFileSync(join(source, file), 'utf8'), { module: true, compress: true, mangle: true });
  writeFileSync(join(output, file), `// Minified from theme/assets/search/${file} by src/Site/Search/vendor-search.mjs.\n${code}\n`);
}
