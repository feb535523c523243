import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, type HTMLElement, type Node } from 'node-html-parser';
import { describe, expect, inject, test } from 'vitest';
import { loadContent } from '../../src/lib/content.ts';
import { htmlToText } from '../../src/lib/plain-text.ts';

/**
 * What residents read, on the built pages of every content set: French times and plurals, honest
 * wording in time, and a site that shows only what a town has. The second content set
 * (tests/fixtures/town2) has no election, English only for its settings and one update, a service down
 * without alternative and two updates at 02:30 on the night the clocks go back.
 */
const sites = inject('sites');
const town2 = sites.find((s) => s.name === 'town2')!;

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []));
}
const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');
const page = (dir: string, path: string): HTMLElement => parse(read(dir, join(path, 'index.html')));
/** Text as read aloud: no-break spaces as spaces, runs of blanks as one. */
const spoken = (text: string) => text.replace(/\s+/g, ' ').trim();
const text = (el: HTMLElement | null | undefined) => spoken(el?.textContent ?? '');

/** Every text node of the body with the language it is in (its closest `lang`). */
function textNodes(root: HTMLElement): { text: string; lang: string }[] {
	const found: { text: string; lang: string }[] = [];
	const walk = (node: Node, lang: string) => {
		if (node.nodeType === 3) {
			const t = spoken(node.textContent);
			if (t) found.push({ text: t, lang });
			return;
		}
		const el = node as HTMLElement;
		if (el.tagName === 'SCRIPT' || el.tagName === 'STYLE') return;
		const own = el.getAttribute?.('lang') ?? lang;
		for (const child of el.childNodes) walk(child, own);
	};
	walk(root.querySelector('body')!, root.querySelector('html')!.getAttribute('lang')!);
	return found;
}

describe.each(sites)('French pages of $name read the French way', ({ dir }) => {
	const french = htmlFiles(dir).filter((file) => !relative(dir, file).startsWith('en/'));
	test.each(french.map((file) => relative(dir, file)))('%s: no HH:MM time and no "(s)" plural', (file) => {
		const inFrench = textNodes(parse(read(dir, file))).filter((n) => n.lang === 'fr').map((n) => n.text);
		expect(inFrench.filter((t) => /\b\d{1,2}:\d{2}\b/.test(t))).toEqual([]);
		expect(inFrench.filter((t) => t.includes('(s)'))).toEqual([]);
	});
});

describe('English pages of a partly translated town mark every French text as French', () => {
	const { content } = loadContent('tests/fixtures/town2');
	/** Fields that are the same in every language: a phone number, a postal address. */
	const NEUTRAL = new Set(['phone', 'address']);
	/** Content text left untranslated: the French value shows on English pages as it is. */
	const frenchOnly = new Set<string>();
	const collect = (fr: unknown, en: unknown) => {
		if (typeof fr === 'string') {
			if (fr === en && /\p{L}{3,}.*\s/u.test(fr) && !/^\d{4}-\d{2}-\d{2}/.test(fr)) frenchOnly.add(spoken(fr));
		} else if (Array.isArray(fr)) fr.forEach((item, i) => collect(item, (en as unknown[] | undefined)?.[i]));
		else if (fr && typeof fr === 'object') for (const [key, value] of Object.entries(fr)) if (!NEUTRAL.has(key)) collect(value, (en as Record<string, unknown> | undefined)?.[key]);
	};
	for (const entry of [...content!.services, ...content!.places.values()]) collect(entry.data.fr, entry.data.en);
	for (const update of content!.updates) {
		collect(update.data.fr.title, update.data.en.title);
		if (!update.html.translated) htmlToText(update.html.fr).split('\n').forEach((line) => line.length > 20 && frenchOnly.add(spoken(line)));
	}
	const english = htmlFiles(town2.dir).filter((file) => relative(town2.dir, file).startsWith('en/'));

	test('the content set really is partly translated', () => {
		expect(content!.settings.data.translated).toBe(true);
		expect(content!.updates.filter((u) => u.data.translated).map((u) => u.id)).toEqual(['2025-10-25-attaque']);
		expect(frenchOnly.size).toBeGreaterThan(10);
	});
	test.each(english.map((file) => relative(town2.dir, file)))('%s: French text is in an element with lang="fr"', (file) => {
		const unmarked = textNodes(parse(read(town2.dir, file)))
			.filter((n) => n.lang !== 'fr')
			.filter((n) => [...frenchOnly].some((french) => n.text.includes(french) || (n.text.length >= 12 && /\p{L}+ \p{L}+/u.test(n.text) && french.includes(n.text))));
		expect(unmarked).toEqual([]);
	});
	test.each(['en/services/salles', 'en/services/dechets', 'en/updates/2025-10-27-etat-civil'])('%s says it is not translated yet', (path) => {
		expect(text(page(town2.dir, path).querySelector('main'))).toContain('has not been translated yet');
	});
	test('the translated update says nothing of the kind and is English', () => {
		const update = page(town2.dir, 'en/updates/2025-10-25-attaque');
		expect(text(update.querySelector('main'))).not.toContain('not been translated');
		expect(update.querySelector('h1')!.getAttribute('lang')).toBeUndefined();
	});
});

describe('a town without elections, pinned notice or content pages shows nothing empty', () => {
	const pages = htmlFiles(town2.dir);
	test('no elections page, feed or calendar wording about elections', () => {
		expect(existsSync(join(town2.dir, 'elections'))).toBe(false);
		expect(existsSync(join(town2.dir, 'en/elections'))).toBe(false);
		expect(read(town2.dir, 'calendrier.ics')).not.toMatch(/lection/i);
		expect(read(town2.dir, 'en/calendar.ics')).not.toMatch(/lection|polling/i);
	});
	test.each(pages.map((file) => relative(town2.dir, file)))('%s: no link to an elections page, no election in the navigation or subscriptions', (file) => {
		const html = parse(read(town2.dir, file));
		expect(html.querySelectorAll('a').map((a) => a.getAttribute('href') ?? '').filter((href) => href.includes('/elections'))).toEqual([]);
		expect(text(html.querySelector('header nav'))).not.toMatch(/lection/i);
		expect(text(html.querySelector('main'))).not.toMatch(/bureaux? de vote|polling/i);
	});
	test('the home page has no pinned section and the footer lists no content page', () => {
		const home = page(town2.dir, '');
		expect(home.querySelector('#pinned')).toBeNull();
		expect(home.querySelectorAll('footer a').map((a) => a.getAttribute('href'))).toEqual(['/canaux-officiels/', '/sabonner/']);
	});
});

describe('honest in time', () => {
	test('a next update announced for a time already past says the update is late, not a past date', () => {
		const banner = page(town2.dir, '').querySelector('.banner')!;
		expect(text(banner)).toContain('mise à jour en retard');
		expect(banner.querySelectorAll('time')).toHaveLength(1);
		expect(JSON.parse(read(town2.dir, 'status.json'))).toMatchObject({ nextUpdate: null, nextUpdateLate: true });
	});
	test('a working service nobody confirmed lately never reads as plainly working, on the home page and the poster', () => {
		const item = page(town2.dir, '').querySelectorAll('.services > li').find((li) => text(li).includes('Collecte des déchets'))!;
		expect(text(item)).toContain('Fonctionnait le 25 octobre — à confirmer');
		expect(text(item)).not.toContain('Fonctionne normalement');
		const poster = page(town2.dir, 'affiche');
		const working = poster.querySelectorAll('main p').find((p) => p.querySelector('.badge[data-status="operational"]'));
		expect(text(working)).not.toContain('Collecte des déchets');
		expect(text(poster.querySelector('main'))).toContain('À confirmer : Collecte des déchets');
	});
	test.each([
		['the home page', () => text(page(town2.dir, '').querySelectorAll('.services > li').find((li) => text(li).includes('Réservation des salles')))],
		['its page', () => text(page(town2.dir, 'services/salles').querySelector('#alternative')!.parentNode as HTMLElement)],
		['the poster', () => text(page(town2.dir, 'affiche').querySelectorAll('tbody tr').find((tr) => text(tr).includes('Réservation des salles')))],
	])('a down service without alternative says so and who to call, on %s', (_, shown) => {
		expect(shown()).toContain('Pas de solution de remplacement pour l’instant. Pour toute question : Accueil de la mairie, 05 55 12 34 56.');
	});
	test('… and in the status files', () => {
		expect(read(town2.dir, 'status.txt')).toMatch(/Réservation des salles municipales : interrompu\. Pas de solution de remplacement pour l’instant\./);
		expect(read(town2.dir, 'status.txt')).toContain('Accueil de la mairie : 05 55 12 34 56');
		const salles = (JSON.parse(read(town2.dir, 'status.json')) as { services: { id: string; alternative: string | null; noAlternative: string | null }[] }).services.find((s) => s.id === 'salles')!;
		expect(salles.alternative).toBeNull();
		expect(spoken(salles.noAlternative!)).toBe('Pas de solution de remplacement pour l’instant. Pour toute question : Accueil de la mairie, 05 55 12 34 56.');
	});
	test('phone numbers are links to call, on the service page and the poster', () => {
		for (const [path, links] of [['services/etat-civil', 2], ['affiche', 3]] as const) {
			expect(page(town2.dir, path).querySelectorAll('main a[href="tel:+33555123456"]'), path).toHaveLength(links);
		}
	});
	test('the two updates at 02:30 on the autumn clock-change night are told apart and in the order they happened', () => {
		const list = page(town2.dir, 'actualites').querySelectorAll('main article').map(text);
		const summer = list.findIndex((t) => t.includes('Sauvegardes mises à l’abri') || t.includes("Sauvegardes mises à l'abri"));
		const winter = list.findIndex((t) => t.includes('Réservation des salles coupée'));
		// The list is grouped by day: each update shows its time.
		expect(list[summer]).toContain('2 h 30 (heure d’été)');
		expect(list[winter]).toContain('2 h 30 (heure d’hiver)');
		expect(text(page(town2.dir, 'actualites/2025-10-26-nuit-hiver').querySelector('main'))).toContain('dimanche 26 octobre 2025 à 2 h 30 (heure d’hiver)');
		// Newest first: the winter-time one happened an hour after the summer-time one.
		expect(winter).toBeLessThan(summer);
		expect(text(page(town2.dir, 'en/updates/2025-10-26-nuit-ete').querySelector('main'))).toContain('Sunday 26 October 2025 at 02:30 (summer time)');
	});
});
