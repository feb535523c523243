import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { representativePaths } from '../support/sitemap.ts';

// Every template of every content set (the example and a second town), at both phone widths.
const pages = inject('sites').flatMap((site) => representativePaths(site.dir).map((path) => ({ site: site.name, origin: site.origin, path })));
const WIDTHS = [320, 390];
let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser.close();
});

// Several pages at once (vitest's maxConcurrency): while one waits on the network, another is measured.
describe.concurrent(`on a phone ${WIDTHS.join(' or ')} px wide`, () => {
	test.each(pages)('$site $path: no horizontal scrolling, nothing cut off or clipped, tap targets of 44 px', async ({ origin, path }) => {
		const page = await browser.newPage({ viewport: { width: WIDTHS[0]!, height: 800 } });
		await page.goto(`${origin}${path}`);
		const reports: Record<number, unknown> = {};
		// One load, both widths: the page lays itself out again when the viewport changes.
		for (const width of WIDTHS) {
			await page.setViewportSize({ width, height: 800 });
			reports[width] = await page.evaluate(() => {
				const viewport = document.documentElement.clientWidth;
				const overflow = document.documentElement.scrollWidth - viewport;
				// Elements sticking out of the viewport (a scrolling table wrapper may hold wider content).
				const cut = [...document.querySelectorAll('main *, header *, footer *')]
					.filter((el) => !el.closest('.table-scroll') && !el.closest('#search'))
					.filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && (r.right > viewport + 1 || r.left < -1); })
					.filter((el) => !el.matches('.skip'))
					.map((el) => el.outerHTML.slice(0, 80));
				// Stand-alone controls (not links inside a sentence) must be big enough to tap.
				const small = [...document.querySelectorAll('header a, nav a, footer a, .pager a, button, input')]
					.filter((el) => !el.matches('.skip'))
					.filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && (r.height < 44 || r.width < 44); })
					.map((el) => `${el.outerHTML.slice(0, 60)} ${Math.round(el.getBoundingClientRect().width)}×${Math.round(el.getBoundingClientRect().height)}`);
				// Content cut off inside a box: a table, a cell or a scrolling wrapper narrower than what it holds.
				const clipped = [...document.querySelectorAll('table, th, td, .table-scroll')]
					.filter((el) => el.scrollWidth > el.clientWidth + 1)
					.map((el) => `${el.outerHTML.slice(0, 60)} ${el.scrollWidth}>${el.clientWidth}`);
				return { overflow, cut, small, clipped };
			});
		}
		await page.close();
		const fits = { overflow: 0, cut: [], small: [], clipped: [] };
		expect(reports).toEqual(Object.fromEntries(WIDTHS.map((width) => [width, fits])));
	});
});
