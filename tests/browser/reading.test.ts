import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { ElectionsPage, HomePage, PosterPage, SearchPage, ServicePage, SitePage, UpdatePage, UpdatesPage } from './pages.ts';


/** Text as read aloud: French no-break spaces ("8 services", "14 h") as plain spaces. */
const spoken = (text: string) => text.replace(/\u00a0/g, ' ');
const origin = inject('siteOrigin');
let browser: Browser;
let noScript: BrowserContext;
beforeAll(async () => {
	browser = await launchChromium();
	noScript = await browser.newContext({ javaScriptEnabled: false });
});
afterAll(async () => {
	await browser.close();
});
// Every group but the keyboard one checks several pages at once (vitest's maxConcurrency), each in its own tab.

const pages = {
	home: (p: import('playwright-core').Page) => new HomePage(p, origin),
	service: (p: import('playwright-core').Page) => new ServicePage(p, origin, 'etat-civil'),
	update: (p: import('playwright-core').Page) => new UpdatePage(p, origin, '2024-06-26-standard-retabli'),
	elections: (p: import('playwright-core').Page) => new ElectionsPage(p, origin),
	poster: (p: import('playwright-core').Page) => new PosterPage(p, origin),
	search: (p: import('playwright-core').Page) => new SearchPage(p, origin),
	'English home': (p: import('playwright-core').Page) => new HomePage(p, origin, 'en'),
};

describe.concurrent('without JavaScript, every page shows its full content and navigation', () => {
	test.each(Object.entries(pages))('%s', async (name, make) => {
		const page = await make(await noScript.newPage()).open();
		await expect(page.heading.isVisible()).resolves.toBe(true);
		expect((await page.main.innerText()).length).toBeGreaterThan(200);
		if (name !== 'poster') await expect(page.navigation.isVisible()).resolves.toBe(true);
		await page.page.close();
	});
	test('the search page says search needs JavaScript and offers the lists instead', async () => {
		const search = await new SearchPage(await noScript.newPage(), origin).open();
		await expect(search.noScriptNotice.isVisible()).resolves.toBe(true);
		await expect(search.main.locator('a[href="/#services"]').isVisible()).resolves.toBe(true);
		await expect(search.main.locator('a[href="/actualites/"]').isVisible()).resolves.toBe(true);
	});
});

describe.concurrent('what residents read', () => {
	test('the home page lists every service with a status in words', async () => {
		const home = await new HomePage(await browser.newPage(), origin).open();
		expect(await home.services.count()).toBe(10);
		for (const item of await home.services.all()) expect(await item.locator('.badge').innerText()).toMatch(/\w{4,}/);
	});
	test('a service page says its status and what to do instead, with the place', async () => {
		const service = await new ServicePage(await browser.newPage(), origin, 'etat-civil').open();
		expect(await service.status.innerText()).toContain('Sur papier uniquement');
		expect(await service.alternative.innerText()).toContain("Hôtel de ville");
	});
	test('the elections page lists every polling station once, a place and its address once', async () => {
		const elections = await new ElectionsPage(await browser.newPage(), origin).open();
		const places = await elections.pollingStations.allInnerTexts();
		expect(places).toHaveLength(7);
		for (const place of places) expect(place).toContain('45400');
		const numbers = places.map(spoken).flatMap((p) => /^Bureaux? ([\d, et]+)/.exec(p)![1]!.match(/\d+/g)!.map(Number));
		expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
	});
	test('the home page opens on the situation in words, the number to call and the services', async () => {
		const home = await new HomePage(await browser.newPage({ viewport: { width: 390, height: 844 } }), origin).open();
		expect(spoken(await home.banner.innerText())).toContain('La mairie est ouverte. 8 services sur 10 fonctionnent autrement.');
		expect(await home.banner.innerText()).not.toContain('Interrompu');
		expect(await home.callButton.getAttribute('href')).toBe('tel:+33238719393');
		expect(await home.jumpLinks.allInnerTexts()).toEqual(['Services', 'Élections', 'Contacts', 'S’abonner']);
		for (const first of [home.callButton, home.nextUpdate, home.services.first()]) expect((await first.boundingBox())!.y).toBeLessThan(844);
		await home.page.close();
	});
	test('a pinned notice on the home page is its title, linking to the whole text, and one sentence', async () => {
		const home = await new HomePage(await browser.newPage(), origin).open();
		const notice = home.pinnedNotices.first();
		expect(await notice.locator('h3 a').getAttribute('href')).toBe('/actualites/2024-06-25-attention-faux-messages/');
		expect(await notice.locator('p').innerText()).toBe('Après une cyberattaque, des escrocs envoient souvent de faux messages au nom de la victime.');
		await home.page.close();
	});
	test('subscribing is in the navigation, and the footer leads to the subscribe page rather than raw XML', async () => {
		const page = await new SitePage(await browser.newPage(), origin, '/services/etat-civil/').open();
		expect(await page.navLink('S’abonner').getAttribute('href')).toBe('/sabonner/');
		expect(await page.page.locator('footer a[href$=".xml"]').count()).toBe(0);
		expect(await page.page.locator('footer a[href="/sabonner/"]').count()).toBe(1);
		await page.page.close();
	});
	test('the updates list groups updates by day; each says its kind, time, status changes and first sentence, and a corrected one says so', async () => {
		const updates = await new UpdatesPage(await browser.newPage(), origin).open();
		expect(await updates.days.first().locator('h2').innerText()).toBe('vendredi 28 juin 2024');
		const paper = spoken(await updates.update('Paiements : espèces ou chèque').innerText());
		expect(paper).toMatch(/Information · 14 h/);
		expect(paper).toContain('Paiements à la mairie (régie) → Sur papier uniquement');
		expect(await updates.update('ouvert aujourd').innerText()).toContain('Corrigé');
		expect(paper).not.toContain('Corrigé');
		await updates.page.close();
	});
});

describe.concurrent('the language switch leads to the same page in the other language', () => {
	test.each([
		['/', '/en/'],
		['/services/etat-civil/', '/en/services/etat-civil/'],
		['/actualites/2024-06-26-standard-retabli/', '/en/updates/2024-06-26-standard-retabli/'],
		['/elections/', '/en/elections/'],
		['/canaux-officiels/', '/en/official-channels/'],
		['/en/updates/', '/actualites/'],
		['/en/search/', '/recherche/'],
	])('%s ⇄ %s', async (from, to) => {
		const page = await new SitePage(await browser.newPage(), origin, from).open();
		const before = await page.page.locator('html').getAttribute('lang');
		await page.languageSwitch.click();
		await page.page.waitForURL(`${origin}${to}`);
		expect(await page.page.locator('html').getAttribute('lang')).not.toBe(before);
		await page.page.close();
	});
});

describe.concurrent('search, in a real browser', () => {
	test.each([
		['fr', 'naissance', '/services/etat-civil/'],
		['fr', 'etat civil', '/services/etat-civil/'],
		['en', 'birth', '/en/services/etat-civil/'],
	] as const)('in %s, "%s" finds %s', async (lang, words, expected) => {
		const search = await new SearchPage(await browser.newPage(), origin, lang).open();
		expect(await search.search(words)).toContain(expected);
	});
});

describe.concurrent('print', () => {
	test('the poster prints on exactly one A4 page, with its QR code', async () => {
		const poster = await new PosterPage(await browser.newPage(), origin).open();
		await expect(poster.qrCode.isVisible()).resolves.toBe(true);
		expect(await poster.printedPages()).toBe(1);
	});
	test.each(['/', '/services/etat-civil/', '/elections/', '/en/'])('%s prints without its navigation', async (path) => {
		const page = await new SitePage(await browser.newPage(), origin, path).open();
		await page.page.emulateMedia({ media: 'print' });
		await expect(page.navigation.isVisible()).resolves.toBe(false);
		await expect(page.heading.isVisible()).resolves.toBe(true);
		await page.page.close();
	});
});

describe('keyboard only', () => {
	test('the first Tab reaches a visible skip link that moves focus to the content', async () => {
		const home = await new HomePage(await browser.newPage(), origin).open();
		await home.page.keyboard.press('Tab');
		await expect(home.skipLink.evaluate((a) => a === document.activeElement)).resolves.toBe(true);
		await expect(home.skipLink.isVisible()).resolves.toBe(true);
		const box = await home.skipLink.boundingBox();
		expect(box!.x).toBeGreaterThanOrEqual(0);
		await home.page.keyboard.press('Enter');
		await home.page.waitForURL(/#main$/);
	});
	test('focus is visible and every link and control is reachable with Tab', async () => {
		const page = (await new ServicePage(await browser.newPage(), origin, 'etat-civil').open()).page;
		const selector = 'a[href], button, input, select, textarea';
		const controls = await page.locator(selector).count();
		const reached = new Set<number>();
		for (let i = 0; i < controls + 2; i++) {
			await page.keyboard.press('Tab');
			const focus = await page.evaluate((sel) => {
				const el = document.activeElement as HTMLElement;
				const style = getComputedStyle(el);
				return { index: [...document.querySelectorAll(sel)].indexOf(el), name: el.outerHTML.slice(0, 80), outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
			}, selector);
			if (focus.index < 0) break;
			expect(focus.outline, focus.name).toBe(true);
			reached.add(focus.index);
		}
		expect(reached.size).toBe(controls);
	});
});
