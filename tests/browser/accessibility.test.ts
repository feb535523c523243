import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { representativePaths, sitemapPaths } from '../support/sitemap.ts';

// Every template of every content set (the example and a second town), in both colour schemes.
const sites = inject('sites').map((site) => ({ ...site, paths: sitemapPaths(site.dir) }));
const pages = sites.flatMap((site) => representativePaths(site.dir).map((path) => ({ site: site.name, origin: site.origin, path })));
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
	browser = await launchChromium();
	context = await browser.newContext({ bypassCSP: true }); // the site's CSP rightly forbids injecting axe
});
afterAll(async () => {
	await browser.close();
});

describe.each(sites)('the sitemap of $name covers both languages', ({ name, paths }) => {
	test('it lists French and English pages', () => {
		expect(paths).toContain('/');
		expect(paths).toContain('/en/');
		expect(paths.length).toBeGreaterThan(name === 'example' ? 40 : 20);
	});
});

// Several pages at once (vitest's maxConcurrency): while one waits on the network, another is checked.
describe.concurrent('axe-core finds no WCAG 2.1 A/AA violation, in the light and the dark colour scheme', () => {
	test.each(pages)('$site $path', async ({ origin, path }) => {
		const page = await context.newPage();
		await page.goto(`${origin}${path}`);
		await page.addScriptTag({ content: axeSource });
		const violations: Record<string, string[]> = {};
		// One load, both schemes: the page restyles itself when the preferred scheme changes.
		for (const scheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme: scheme });
			violations[scheme] = await page.evaluate(async () => {
				const result = await (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
					runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
				});
				return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
			});
		}
		await page.close();
		expect(violations).toEqual({ light: [], dark: [] });
	});
});
