// Writes the web editor's files (Sveltia CMS of npm `@sveltia/cms`) to a folder the build publishes as /admin/:
// `node vendor-admin.mjs <node_modules/@sveltia/cms> <theme/admin>`. Run by the build (src/Site/Site.csproj).
//
// The bundle loads its fonts from a CDN (jsdelivr) and its translations from another (unpkg). The editor must look
// right and speak the writer's language without either, so this copies the fonts (the package ships the same
// fontsource files in npm/assets/) and the translations (locales/) next to the bundle and points the bundle at
// them. Every address replaced is written out below: when an upgrade changes one, the step fails instead of
// quietly sending writers' browsers back to the CDN.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [pkg, out] = process.argv.slice(2);
if (!pkg || !out) throw new Error('usage: node vendor-admin.mjs <node_modules/@sveltia/cms> <output folder>');
const { version, license } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
const bundleFile = join(pkg, 'dist', 'sveltia-cms.js');
let bundle = readFileSync(bundleFile, 'utf8');

const fail = (why) => {
  throw new Error(`${bundleFile} (@sveltia/cms ${version}): ${why}. Check the new version's addresses and update src/Site/Admin/vendor-admin.mjs.`);
};

/** Replaces every occurrence of `from` (at least one) with `to`. */
const replaceAll = (from, to) => {
  const parts = bundle.split(from);
  if (parts.length < 2) fail(`'${from}' is not in the bundle`);
  bundle = parts.join(to);
};

// The @font-face rules of the bundle's style, as of @sveltia/cms 0.221.1.
const fonts = [
  'https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3:vf@5.3.0/latin-wght-normal.woff2',
  'https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2',
  'https://cdn.jsdelivr.net/fontsource/fonts/material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2',
];

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'fonts'), { recursive: true });
mkdirSync(join(out, 'locales'), { recursive: true });

const assets = readdirSync(join(pkg, 'npm', 'assets'));
for (const url of fonts) {
  const [, family, subset] = /\/fonts\/([a-z0-9-]+)[:@][^/]*\/([a-z0-9-]+)\.woff2$/.exec(url) ?? fail(`cannot read the font address ${url}`);
  // npm/assets/<family>-<subset>-<hash>.woff2, from the same fontsource package the CDN serves
  const found = assets.filter((f) => f.startsWith(`${family}-${subset}-`) && f.endsWith('.woff2'));
  if (found.length !== 1) fail(`expected one npm/assets/${family}-${subset}-*.woff2, found ${found.length}`);
  const local = `${family}-${subset}.woff2`;
  copyFileSync(join(pkg, 'npm', 'assets', found[0]), join(out, 'fonts', local));
  copyFileSync(join(pkg, 'npm', 'assets', `${family}.LICENSE.txt`), join(out, 'fonts', `${family}.LICENSE.txt`));
  // The style is added to the admin page itself, so a relative address resolves against /admin/.
  replaceAll(url, `fonts/${local}`);
}

// Translations: `${unpkg}@${version}/locales`, then `${that}/${locale}.json`. The relative address resolves
// against /admin/, as fetch() resolves against the page.
const unpkg = /(?<![\w$])([\w$]+)=`https:\/\/unpkg\.com\/@sveltia\/cms`/.exec(bundle)?.[1] ?? fail('the unpkg base address is not in the bundle');
const locales = new RegExp('`\\$\\{' + unpkg.replace(/\$/g, '\\$') + '\\}@\\$\\{[\\w$]+\\}/locales`', 'g');
const localeMatches = bundle.match(locales) ?? [];
if (localeMatches.length !== 1) fail(`expected one translations address (\`\${${unpkg}}@\${version}/locales\`), found ${localeMatches.length}`);
bundle = bundle.replace(locales, '`locales`');
for (const file of readdirSync(join(pkg, 'locales')).filter((f) => f.endsWith('.json')))
  copyFileSync(join(pkg, 'locales', file), join(out, 'locales', file));

// Nothing may still load from a font CDN; the admin page's CSP would block it, but the editor would look wrong.
for (const host of ['cdn.jsdelivr.net', 'fonts.googleapis.com', 'fonts.gstatic.com'])
  if (bundle.includes(host)) fail(`it still names ${host}`);

// The source map is not published.
bundle = bundle.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
const preamble = `/*! Sveltia CMS ${version} (npm @sveltia/cms) | ${license} License (sveltia-cms.LICENSE.txt). `
  + 'Fonts and translations point at the copies beside it (src/Site/Admin/vendor-admin.mjs). */\n';
writeFileSync(join(out, 'sveltia-cms.js'), preamble + bundle);
copyFileSync(join(pkg, 'LICENSE.txt'), join(out, 'sveltia-cms.LICENSE.txt'));
