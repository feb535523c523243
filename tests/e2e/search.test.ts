import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, inject, test } from 'vitest';
import { searchSite } from '../support/search-site.ts';

// The fixture site is served under /crise/. Searches run the build's own pagefind.js on its index.
const BASE = '/crise/';
const outDir = inject('fixtureBuild');

// Every query of this file, searched once per language in one Pagefind process.
const QUERIES = {
	fr: ['naissance', 'état civil', 'etat civil', 'ETAT CIVIL', 'procuration', 'éditeur', 'permis', 'traceurs', 'prochaine', 'rechercher'],
	en: ['registry', 'permis', 'trackers', 'expected'],
} as const;
const found = { fr: searchSite(outDir, BASE, 'fr', QUERIES.fr), en: searchSite(outDir, BASE, 'en', QUERIES.en) };
function search(lang: 'fr' | 'en', query: string): string[] {
	const hits = found[lang][query];
	if (!hits) throw new Error(`"${query}" (${lang}) is not in QUERIES`);
	return hits.map((hit) => hit.url);
}
const page = (path: string): HTMLElement => parse(readFileSync(join(outDir, path, 'index.html'), 'utf8'));
const text = (el: HTMLElement | null) => el?.textContent.replace(/\s+/g, ' ').trim() ?? '';

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []));
}

describe('the search index', () => {
	test('is written by the build, with one index per language', () => {
		const entry = JSON.parse(readFileSync(join(outDir, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, unknown> };
		expect(Object.keys(entry.languages).sort()).toEqual(['en', 'fr']);
	});

	test('"naissance" finds the civil registry service first', () => {
		expect(search('fr', 'naissance')[0]).toBe('/crise/services/etat-civil/');
	});

	test('accents are optional: "etat civil", "état civil" and "ETAT CIVIL" find the same pages, the service among them', () => {
		const accented = search('fr', 'état civil');
		expect(accented).toContain('/crise/services/etat-civil/');
		expect(search('fr', 'etat civil')).toEqual(accented);
		expect(search('fr', 'ETAT CIVIL')).toEqual(accented);
	});

	test('an English word finds the English service page, and each language returns only its own pages', () => {
		const english = search('en', 'registry');
		expect(english[0]).toBe('/crise/en/services/etat-civil/');
		expect(english.every((url) => url.startsWith('/crise/en/'))).toBe(true);
		expect(search('fr', 'état civil').some((url) => url.startsWith('/crise/en/'))).toBe(false);
	});

	test('indexes services, updates, elections and content pages', () => {
		expect(search('fr', 'état civil')).toContain('/crise/actualites/2024-06-25-etat-civil-papier/');
		expect(search('fr', 'procuration')).toContain('/crise/elections/');
		expect(search('fr', 'éditeur')).toContain('/crise/mentions-legales/');
	});

	test('a page not translated yet is found in English too, by its French words', () => {
		expect(search('fr', 'permis')).toContain('/crise/services/urbanisme/');
		expect(search('en', 'permis')).toContain('/crise/en/services/urbanisme/');
	});

	test('summaries and lists are not results: home, update archive, poster and search page', () => {
		const results = [...search('fr', 'état civil'), ...search('en', 'registry')];
		expect(results).toEqual(expect.arrayContaining(['/crise/services/etat-civil/', '/crise/en/services/etat-civil/']));
		for (const summary of ['/crise/', '/crise/actualites/', '/crise/affiche/', '/crise/recherche/', '/crise/en/', '/crise/en/updates/', '/crise/en/poster/', '/crise/en/search/']) {
			expect(results).not.toContain(summary);
		}
	});

	test.each([
		['fr', 'services/etat-civil', 'footer.site', 'traceurs'],
		['fr', 'services/etat-civil', '.banner', 'prochaine'],
		['fr', 'services/etat-civil', 'header.site', 'rechercher'],
		['en', 'en/services/etat-civil', 'footer.site', 'trackers'],
		['en', 'en/services/etat-civil', '.banner', 'expected'],
	] as const)('leaves navigation, banner and footer out (%s: "%s" is in %s of an indexed page)', (lang, path, part, word) => {
		const indexed = page(path);
		expect(indexed.querySelector('main[data-pagefind-body]')).not.toBeNull();
		expect(text(indexed.querySelector(part)).toLowerCase()).toContain(word);
		expect(search(lang, word)).toEqual([]);
	});
});

describe('the search page', () => {
	test.each([
		['recherche', 'fr'],
		['en/search', 'en'],
	] as const)('%s loads Pagefind UI from the site itself, under the base path, in its language', (path, lang) => {
		const doc = page(path);
		expect(doc.querySelector('html')!.getAttribute('lang')).toBe(lang);
		expect(doc.querySelectorAll('script[src]').map((s) => s.getAttribute('src'))).toEqual(['/crise/pagefind/pagefind-ui.js']);
		expect(doc.querySelector('link[rel="stylesheet"][href="/crise/pagefind/pagefind-ui.css"]')).not.toBeNull();
		expect(existsSync(join(outDir, 'pagefind/pagefind-ui.js'))).toBe(true);
		expect(existsSync(join(outDir, 'pagefind/pagefind-ui.css'))).toBe(true);
		expect(doc.querySelector('main #search')).not.toBeNull();
	});

	test.each([
		['recherche', ['/crise/#services', '/crise/actualites/']],
		['en/search', ['/crise/en/#services', '/crise/en/updates/']],
	] as const)('%s without JavaScript says search needs it and links to the services and the updates', (path, links) => {
		const main = page(path).querySelector('main')!;
		const notice = main.querySelector('#search-nojs')!;
		expect(notice.hasAttribute('hidden')).toBe(false);
		expect(text(notice)).toContain('JavaScript');
		expect(main.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual([...links]);
		expect(page(path.startsWith('en') ? 'en' : '').querySelector('#services')).not.toBeNull();
	});

	test('is the only public page with JavaScript (the staff editor at /admin/ is not public)', () => {
		const withScript = htmlFiles(outDir).filter((file) => /<script/i.test(readFileSync(file, 'utf8')));
		expect(withScript.map((file) => relative(outDir, file)).sort()).toEqual(['admin/index.html', 'en/search/index.html', 'recherche/index.html']);
	});

	test('is in the navigation of every page with navigation, and in the home page\'s useful pages next to subscribing', () => {
		for (const file of htmlFiles(outDir)) {
			const nav = parse(readFileSync(file, 'utf8')).querySelector('header.site nav');
			if (!nav) continue;
			const lang = relative(outDir, file).startsWith('en/') ? 'en' : 'fr';
			expect(nav.querySelectorAll('a').map((a) => a.getAttribute('href')), file).toContain(lang === 'fr' ? '/crise/recherche/' : '/crise/en/search/');
		}
		expect(page('').querySelectorAll('#links ~ ul a').map((a) => a.getAttribute('href'))).toEqual(expect.arrayContaining(['/crise/recherche/', '/crise/sabonner/']));
		expect(page('en').querySelectorAll('#links ~ ul a').map((a) => a.getAttribute('href'))).toEqual(expect.arrayContaining(['/crise/en/search/', '/crise/en/subscribe/']));
		expect(page('recherche').querySelector('header.site nav a[aria-current="page"]')?.getAttribute('href')).toBe('/crise/recherche/');
	});
});
