import type { Locator, Page } from 'playwright-core';

/**
 * Page objects: what a resident sees on each kind of page, so that tests read as what must hold
 * rather than as selectors. Paths are the example site's (served at the root).
 */
export class SitePage {
	constructor(
		readonly page: Page,
		readonly origin: string,
		readonly path: string,
	) {}

	async open(): Promise<this> {
		const response = await this.page.goto(`${this.origin}${this.path}`);
		if (!response?.ok()) throw new Error(`${this.path}: HTTP ${response?.status()}`);
		return this;
	}
	get heading(): Locator {
		return this.page.locator('h1');
	}
	get navigation(): Locator {
		return this.page.locator('header nav');
	}
	get languageSwitch(): Locator {
		return this.page.locator('a.lang');
	}
	get banner(): Locator {
		return this.page.locator('.banner');
	}
	get main(): Locator {
		return this.page.locator('main');
	}
	get skipLink(): Locator {
		return this.page.locator('a.skip');
	}
	/** A link of the main navigation, by its exact words. */
	navLink(label: string): Locator {
		return this.page.locator('header nav a').getByText(label, { exact: true });
	}
}

export class HomePage extends SitePage {
	constructor(page: Page, origin: string, lang: 'fr' | 'en' = 'fr') {
		super(page, origin, lang === 'fr' ? '/' : '/en/');
	}
	get services(): Locator {
		return this.page.locator('.services > li');
	}
	/** A service's line in the list: its name links to its page, its status and what to do instead follow. */
	service(name: string): Locator {
		return this.services.filter({ has: this.page.locator('h4 a', { hasText: name }) });
	}
	get callButton(): Locator {
		return this.page.locator('main .call a[href^="tel:"]');
	}
	get nextUpdate(): Locator {
		return this.banner.locator('time').nth(1);
	}
	get jumpLinks(): Locator {
		return this.page.locator('main nav.jump a');
	}
	get pinnedNotices(): Locator {
		return this.page.locator('section[aria-labelledby="pinned"] .notice');
	}
}

export class ServicePage extends SitePage {
	constructor(page: Page, origin: string, id: string, lang: 'fr' | 'en' = 'fr') {
		super(page, origin, `${lang === 'fr' ? '' : '/en'}/services/${id}/`);
	}
	get status(): Locator {
		return this.page.locator('main .badge').first();
	}
	get alternative(): Locator {
		return this.page.locator('section[aria-labelledby="alternative"]');
	}
	/** The opening hours of the first place to go instead. */
	get placeHours(): Locator {
		return this.alternative.locator('.card table').first();
	}
	get history(): Locator {
		return this.page.locator('.history > li');
	}
}

export class UpdatePage extends SitePage {
	constructor(page: Page, origin: string, id: string, lang: 'fr' | 'en' = 'fr') {
		super(page, origin, lang === 'fr' ? `/actualites/${id}/` : `/en/updates/${id}/`);
	}
}

export class ElectionsPage extends SitePage {
	constructor(page: Page, origin: string, lang: 'fr' | 'en' = 'fr') {
		super(page, origin, lang === 'fr' ? '/elections/' : '/en/elections/');
	}
	/** One item a place: the numbers of the stations it holds, the area they serve, its address. */
	get pollingStations(): Locator {
		return this.page.locator('main .stations > li');
	}
	get proxyLink(): Locator {
		return this.page.locator('main h3[id$="-proxies"] + p a');
	}
}

export class UpdatesPage extends SitePage {
	constructor(page: Page, origin: string, lang: 'fr' | 'en' = 'fr') {
		super(page, origin, lang === 'fr' ? '/actualites/' : '/en/updates/');
	}
	/** One group a day, newest first, with the day as its heading. */
	get days(): Locator {
		return this.page.locator('main section.day');
	}
	/** An update in the list, by words of its title. */
	update(title: string): Locator {
		return this.page.locator('main article.card').filter({ has: this.page.locator('h3 a', { hasText: title }) });
	}
}

export class ChannelsPage extends SitePage {
	constructor(page: Page, origin: string, lang: 'fr' | 'en' = 'fr') {
		super(page, origin, lang === 'fr' ? '/canaux-officiels/' : '/en/official-channels/');
	}
	/** The list of what the town hall never asks for. */
	get neverAsk(): Locator {
		return this.page.locator('main h2', { hasText: lang(this.path) === 'fr' ? 'ne vous demandera jamais' : 'will never ask' }).locator('xpath=following-sibling::ul[1]');
	}
}

function lang(path: string): 'fr' | 'en' {
	return path.startsWith('/en/') ? 'en' : 'fr';
}

export class PosterPage extends SitePage {
	constructor(page: Page, origin: string, lang: 'fr' | 'en' = 'fr') {
		super(page, origin, lang === 'fr' ? '/affiche/' : '/en/poster/');
	}
	get qrCode(): Locator {
		return this.page.locator('.qr svg');
	}
	/** Prints to A4 as a browser would, and counts the pages. */
	async printedPages(): Promise<number> {
		const pdf = await this.page.pdf({ format: 'A4', preferCSSPageSize: true });
		return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
	}
}

export class SearchPage extends SitePage {
	constructor(page: Page, origin: string, lang: 'fr' | 'en' = 'fr') {
		super(page, origin, lang === 'fr' ? '/recherche/' : '/en/search/');
	}
	get noScriptNotice(): Locator {
		return this.page.locator('#search-nojs');
	}
	async search(words: string): Promise<string[]> {
		await this.page.locator('.pagefind-ui__search-input').fill(words);
		const links = this.page.locator('.pagefind-ui__result-link');
		await links.first().waitFor();
		return links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
	}
}
