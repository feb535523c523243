import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, inject, test } from 'vitest';
import { sitemapPaths } from '../support/sitemap.ts';

/**
 * The cheap checks, on every page of every content set (the sitemap and the 404 page), read from the
 * build without a browser; the costly ones (axe, layout, network) visit one or two pages per template.
 */
const sites = inject('sites').map((site) => {
	const paths = sitemapPaths(site.dir);
	// The address the site is published at (its sitemap's), which canonical and hreflang links use.
	const siteUrl = new URL('/', new URL(readFileSync(join(site.dir, 'sitemap-0.xml'), 'utf8').match(/<loc>([^<]+)<\/loc>/)![1]!)).href;
	return { ...site, siteUrl, paths: [...paths, '/404.html'] };
});
const pages = sites.flatMap((site) => site.paths.map((path) => ({ ...site, path })));

const fileOf = (dir: string, pathname: string) => {
	const file = join(dir, decodeURIComponent(pathname));
	return existsSync(file) && statSync(file).isDirectory() ? join(file, 'index.html') : file;
};
const parsed = new Map<string, HTMLElement>();
/** A built page, parsed once however many links point to it. */
function pageAt(file: string): HTMLElement {
	if (!parsed.has(file)) parsed.set(file, parse(readFileSync(file, 'utf8')));
	return parsed.get(file)!;
}
const ids = (root: HTMLElement) => root.querySelectorAll('[id]').map((el) => el.id);

/** Files `npm run publish` adds to a publication: the official-channels page links to them before they exist. */
const ADDED_BY_PUBLISH = ['/manifest.json', '/manifest.json.sig'];

/** What a browser loads with the page. */
const RESOURCES = 'link[href]:not([rel~="alternate"]):not([rel="canonical"]), script[src], img[src], iframe[src], source[src], video[src], audio[src], object[data], embed[src]';

describe.each(sites)('every page of $name, read without a browser', ({ name, dir, siteUrl, paths }) => {
	test.each(paths)(`${name} %s: one h1, a title, its language, unique ids, and every link of the site leads to a page or anchor that exists`, (path) => {
		const root = pageAt(fileOf(dir, path));
		const lang = path.startsWith('/en/') ? 'en' : 'fr';
		const seen = ids(root);
		const broken = root
			.querySelectorAll('a[href], link[href], script[src], img[src], form[action]')
			.map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action')!)
			.filter((href) => {
				const url = new URL(href, new URL(path, siteUrl));
				if (url.origin !== new URL(siteUrl).origin || ADDED_BY_PUBLISH.includes(url.pathname)) return false;
				const file = fileOf(dir, url.pathname);
				if (!existsSync(file)) return true;
				return url.hash.length > 0 && !ids(pageAt(file)).includes(decodeURIComponent(url.hash.slice(1)));
			});
		expect({
			lang: root.querySelector('html')?.getAttribute('lang'),
			h1: root.querySelectorAll('h1').length,
			title: (root.querySelector('title')?.textContent.trim() ?? '').length > 0,
			duplicateIds: seen.filter((id, i) => seen.indexOf(id) !== i),
			broken,
		}).toEqual({ lang: path === '/404.html' ? 'fr' : lang, h1: 1, title: true, duplicateIds: [], broken: [] });
	});

	test.each(paths)(`${name} %s loads nothing from another address: stylesheets, scripts, images, fonts`, (path) => {
		const root = pageAt(fileOf(dir, path));
		const own = (url: string) => new URL(url, new URL(path, siteUrl)).origin === new URL(siteUrl).origin || url.startsWith('data:');
		const loaded = root.querySelectorAll(RESOURCES).map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('data')!);
		const fromStyles = root.querySelectorAll('style').flatMap((style) => [...style.textContent.matchAll(/url\(\s*['"]?([^'")]+)/g)].map((m) => m[1]!));
		expect([...loaded, ...fromStyles].filter((url) => !own(url))).toEqual([]);
	});
});
