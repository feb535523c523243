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
}

export class HomePage extends SitePage {
	constructor(page: Page, origin: string, lang: 'fr' | 'en' = 'fr') {
		super(page, origin, lang === 'fr' ? '/' : '/en/');
	}
	get services(): Locator {
		return this.page.locator('.services > li');
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
	get pollingStations(): Locator {
		return this.page.locator('main table').nth(1).locator('tbody tr');
	}
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
