import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { representativePaths, sitemapPaths } from '../support/sitemap.ts';

const origin = inject('siteOrigin');
const siteDir = inject('siteDir');
const paths = sitemapPaths(siteDir);
const SEARCH_PAGES = ['/recherche/', '/en/search/'];

/** HTML of a page plus every stylesheet it links, gzipped as a server would send them. */
function gzipBytes(path: string): number {
	const html = readFileSync(join(siteDir, path, 'index.html'), 'utf8');
	const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => readFileSync(join(siteDir, m[1]!), 'utf8'));
	return gzipSync(html).length + css.reduce((n, sheet) => n + gzipSync(sheet).length, 0);
}

describe('weight on a bad network', () => {
	test.each(['/', '/en/'])('the home page %s, HTML and CSS, is at most 10 KB gzipped', (path) => {
		expect(gzipBytes(path)).toBeLessThanOrEqual(10 * 1024);
	});
	test.each(paths)('%s is at most 30 KB gzipped', (path) => {
		expect(gzipBytes(path)).toBeLessThanOrEqual(30 * 1024);
	});
	test.each(paths.filter((p) => !SEARCH_PAGES.includes(p)))('%s has no JavaScript', (path) => {
		expect(readFileSync(join(siteDir, path, 'index.html'), 'utf8')).not.toMatch(/<script|\son[a-z]+=/i);
	});
});

// Every template, and both search pages, which fetch their index as the visitor types (every page's
// own references are read without a browser in every-page.test.ts).
describe.concurrent('no request leaves the site', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser.close();
	});
	test.each([...new Set([...representativePaths(siteDir), ...SEARCH_PAGES])])('%s', async (path) => {
		const page = await browser.newPage();
		const requests: string[] = [];
		page.on('request', (request) => requests.push(request.url()));
		await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
		if (SEARCH_PAGES.includes(path)) {
			await page.locator('.pagefind-ui__search-input').fill(path.startsWith('/en/') ? 'birth' : 'naissance');
			await page.locator('.pagefind-ui__result-link').first().waitFor();
		}
		await page.close();
		expect(requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'))).toEqual([]);
	});
});

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []));
}

describe('HTML validity', () => {
	test('every built page of every content set passes the W3C Nu HTML Checker with zero errors', () => {
		const vnu = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
		// One checker run over the example and the second town: the JVM starts once.
		const files = inject('sites').flatMap((site) => htmlFiles(site.dir));
		expect(files.length).toBeGreaterThan(60);
		let report = '';
		try {
			execFileSync('java', ['-jar', vnu, '--errors-only', '--format', 'text', ...files], { encoding: 'utf8', stdio: 'pipe' });
		} catch (error) {
			report = String((error as { stderr?: string }).stderr ?? error);
		}
		expect(report).toBe('');
	});
});
