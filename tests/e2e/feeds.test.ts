import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, inject, test } from 'vitest';
import { loadContent, type SiteContent } from '../../src/lib/content.ts';
import { FIXTURE } from '../support/fixture-site.ts';

// The run's build of the fixture site (served under /crise/, replayed on 28 June 2024 at 18:00), for
// every feed, calendar and status file. The fixture holds a hostile update (2024-06-26-hostile) on purpose.
const SITE = 'https://status.testville.example/crise/';
const outDir = inject('fixtureBuild');
const content: SiteContent = loadContent(FIXTURE).content!;

const read = (path: string) => readFileSync(join(outDir, path), 'utf8');
/** The built file an absolute URL of the site points to, or undefined if it points elsewhere. */
const fileOf = (url: string) => (url.startsWith(SITE) ? join(outDir, decodeURI(url.slice(SITE.length).replace(/#.*$/, '')), url.replace(/#.*$/, '').endsWith('/') ? 'index.html' : '') : undefined);
const page = (path: string): HTMLElement => parse(read(join(path, 'index.html')));

function filesNamed(dir: string, pattern: RegExp): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesNamed(join(dir, e.name), pattern) : pattern.test(e.name) ? [join(dir, e.name)] : []));
}

// ——— RSS ———

interface RssItem {
	title: string;
	link: string;
	guid: { '#text': string; '@_isPermaLink': string };
	pubDate: string;
	description: string;
	category?: string[];
}
interface RssChannel {
	title: string;
	link: string;
	description: string;
	language: string;
	lastBuildDate: string;
	'atom:link': { '@_href': string; '@_rel': string };
	item?: RssItem[];
}
const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' || name === 'category', parseTagValue: false });
const feed = (path: string): RssChannel => {
	const doc = xml.parse(read(path)) as { rss: { '@_version': string; channel: RssChannel } };
	expect(doc.rss['@_version']).toBe('2.0');
	return doc.rss.channel;
};
const itemId = (item: RssItem) => /\/(?:actualites|updates)\/([^/]+)\/$/.exec(item.link)?.[1];

const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;

/** What must never survive in HTML taken from staff markdown. */
function activeContent(html: string): string[] {
	const found: string[] = [];
	for (const el of parse(html).querySelectorAll('*')) {
		if (/^(script|iframe|style|object|embed|svg|form|input|button|link|meta|base)$/i.test(el.tagName)) found.push(`<${el.tagName.toLowerCase()}>`);
		for (const [name, value] of Object.entries(el.attributes)) {
			if (/^on/i.test(name) || name === 'style') found.push(`${name}=`);
			if ((name === 'href' || name === 'src') && !/^(https?:|mailto:|tel:)/i.test(value)) found.push(`${name}="${value}"`);
		}
	}
	return found;
}

describe('every RSS feed', () => {
	const feeds = () => filesNamed(outDir, /^rss\.xml$/).map((file) => relative(outDir, file));
	test('one feed exists per language for all updates, the elections and every service', () => {
		const services = content.services.map((s) => s.id);
		const expected = ['rss.xml', 'en/rss.xml', 'elections/rss.xml', 'en/elections/rss.xml', ...services.flatMap((id) => [`services/${id}/rss.xml`, `en/services/${id}/rss.xml`])];
		expect(feeds().sort()).toEqual(expected.sort());
	});
	test('has the required channel elements, its language and its own address', () => {
		for (const path of feeds()) {
			const channel = feed(path);
			expect(channel.title, path).toMatch(/Testville/);
			expect(channel.description.length, path).toBeGreaterThan(20);
			expect(channel.link, path).toMatch(new RegExp(`^${SITE}`));
			expect(channel.language, path).toBe(path.startsWith('en/') ? 'en' : 'fr');
			expect(channel.lastBuildDate, path).toMatch(RFC_822);
			expect(channel['atom:link']['@_href'], path).toBe(`${SITE}${path}`);
			expect(channel['atom:link']['@_rel'], path).toBe('self');
		}
	});
	test('items have a title, an absolute permanent link as guid, an RFC 822 date and a description, newest first', () => {
		for (const path of feeds()) {
			const items = feed(path).item ?? [];
			for (const item of items) {
				expect(item.title.length, path).toBeGreaterThan(0);
				expect(item.link, path).toMatch(new RegExp(`^${SITE}(en/updates|actualites)/[a-z0-9-]+/$`));
				expect(existsSync(fileOf(item.link)!), item.link).toBe(true);
				expect(item.guid['#text'], path).toBe(item.link);
				expect(item.guid['@_isPermaLink'], path).toBe('true');
				expect(item.pubDate, path).toMatch(RFC_822);
				expect(item.description.length, path).toBeGreaterThan(0);
			}
			const dates = items.map((i) => Date.parse(i.pubDate));
			expect(dates, path).toEqual([...dates].sort((a, b) => b - a));
		}
	});
	test('pubDate is the update’s moment, whatever the offset it was written with', () => {
		const item = feed('rss.xml').item!.find((i) => itemId(i) === '2024-06-25-etat-civil-papier')!;
		// Written 2024-06-25T09:00+02:00.
		expect(item.pubDate).toBe('Tue, 25 Jun 2024 07:00:00 GMT');
	});
	test('every link and image in item descriptions is absolute', () => {
		for (const path of feeds()) {
			for (const item of feed(path).item ?? []) {
				for (const el of parse(item.description).querySelectorAll('[href], [src]')) {
					const url = el.getAttribute('href') ?? el.getAttribute('src')!;
					expect(url, `${path} ${item.link}`).toMatch(/^(https?:\/\/|mailto:|tel:)/);
					if (url.startsWith(SITE) && el.tagName === 'A') expect(existsSync(fileOf(url)!), url).toBe(true);
				}
			}
		}
	});
	test('carries no active content, not even from the hostile update', () => {
		for (const path of feeds()) {
			const raw = read(path);
			expect(raw, path).not.toMatch(/<script|<iframe|javascript:/i);
			for (const item of feed(path).item ?? []) {
				expect(activeContent(item.description), `${path} ${item.link}`).toEqual([]);
				expect(item.description, `${path} ${item.link}`).not.toMatch(/javascript:|alert\(/i);
				// Titles are text; some readers parse them as HTML, so no tag may form in them.
				expect(item.title, `${path} ${item.link}`).not.toMatch(/<[a-z!/?]/i);
			}
		}
	});
});

describe('feed items make sense on their own', () => {
	test('the hostile title keeps its quotes, ampersand, “<” and emoji as text', () => {
		const item = feed('rss.xml').item!.find((i) => itemId(i) === '2024-06-26-hostile')!;
		expect(item.title.replace(/\u00a0/g, ' ')).toContain(`Test « guillemets » "doubles" & 'simples' : 3 < 5, ‹b>gras‹/b> et 🚨🗳️`);
		expect(item.description).toContain('Paragraphe en HTML brut &amp; esperluette.');
		expect(item.description).toContain(`<a href="${SITE}services/urbanisme/">lien relatif vers le service</a>`);
	});
	test.each([
		['fr', 'rss.xml', "État civil : sur papier uniquement — L'état civil passe au papier"],
		['en', 'en/rss.xml', "Civil registry: on paper only — L'état civil passe au papier"],
		['fr', 'rss.xml', 'Standard téléphonique : fonctionne normalement — Le standard répond de nouveau'],
	])('in %s, a status change is in the title: %s', (_, path, title) => {
		// Read as spoken: French titles carry no-break spaces before their colon.
		expect(feed(path).item!.map((i) => i.title.replace(/\u00a0/g, ' '))).toContain(title);
	});
	test('a correction is its own item and links to the update it corrects', () => {
		const items = feed('rss.xml').item!;
		const correction = items.find((i) => itemId(i) === '2024-06-27-correction')!;
		expect(correction.title.replace(/\u00a0/g, ' ')).toBe("Correction : horaires de l'accueil");
		expect(correction.description).toContain(`href="${SITE}actualites/2024-06-25-etat-civil-papier/"`);
		const corrected = items.find((i) => itemId(i) === '2024-06-25-etat-civil-papier')!;
		expect(corrected.description).toContain(`href="${SITE}actualites/2024-06-27-correction/"`);
	});
	test('an English item of an untranslated update says so and keeps the French text marked as French', () => {
		const item = feed('en/rss.xml').item!.find((i) => itemId(i) === '2024-06-26-standard')!;
		expect(item.description).toContain('This page has not been translated yet');
		expect(item.description).toContain('<div lang="fr">');
		expect(item.link).toBe(`${SITE}en/updates/2024-06-26-standard/`);
	});
});

describe('feeds hold the right updates', () => {
	// The fixture's updates that name the service or change its status, newest first.
	test.each([
		['etat-civil', ['2024-06-25-etat-civil-papier', '2024-06-24-incident']],
		['urbanisme', ['2024-06-26-hostile']],
		['standard', ['2024-06-26-standard', '2024-06-24-incident']],
	])('the %s feed, in both languages, holds only and all the updates about it: %j', (id, updates) => {
		for (const path of [`services/${id}/rss.xml`, `en/services/${id}/rss.xml`]) {
			expect((feed(path).item ?? []).map(itemId), path).toEqual(updates);
		}
	});
	test('the global feed holds every published update and nothing scheduled', () => {
		const ids = feed('rss.xml').item!.map(itemId);
		expect(ids).toEqual(content.updates.map((u) => u.id));
		expect(ids).not.toContain('2024-07-01-future');
	});
	test.each(['elections/rss.xml', 'en/elections/rss.xml'])('%s holds the updates naming an election, and only them', (path) => {
		expect(feed(path).item!.map(itemId)).toEqual(['2024-06-25-procurations']);
	});
});

describe('pages point to the feeds', () => {
	test.each([
		['services/etat-civil', '/crise/services/etat-civil/rss.xml'],
		['en/services/etat-civil', '/crise/en/services/etat-civil/rss.xml'],
		['elections', '/crise/elections/rss.xml'],
		['en/elections', '/crise/en/elections/rss.xml'],
	])('%s declares and links its own feed, besides the global one, and links the subscribe page', (path, href) => {
		const doc = page(path);
		const alternates = doc.querySelectorAll('link[rel="alternate"][type="application/rss+xml"]').map((l) => l.getAttribute('href'));
		expect(alternates).toContain(href);
		expect(alternates).toContain(path.startsWith('en') ? '/crise/en/rss.xml' : '/crise/rss.xml');
		expect(doc.querySelectorAll('main a').map((a) => a.getAttribute('href'))).toEqual(expect.arrayContaining([href, path.startsWith('en') ? '/crise/en/subscribe/' : '/crise/sabonner/']));
		expect(existsSync(join(outDir, href.replace('/crise/', '')))).toBe(true);
	});
	test.each([
		['elections', '/crise/calendrier.ics'],
		['en/elections', '/crise/en/calendar.ics'],
	])('%s links the calendar', (path, href) => {
		expect(page(path).querySelectorAll('main a').map((a) => a.getAttribute('href'))).toContain(href);
	});
});

describe.each([
	['fr', 'sabonner', ''],
	['en', 'en/subscribe', 'en/'],
])('the %s subscribe page', (lang, path, prefix) => {
	test('explains feeds in plain words, with one h1', () => {
		const doc = page(path);
		expect(doc.querySelector('html')!.getAttribute('lang')).toBe(lang);
		expect(doc.querySelectorAll('h1')).toHaveLength(1);
		expect(doc.querySelectorAll('main ol li').length).toBeGreaterThanOrEqual(3);
	});
	test('lists every feed, the calendar and the status files as absolute addresses of built files, shown in full', () => {
		const shown = page(path).querySelectorAll('a.url');
		const urls = shown.map((a) => a.getAttribute('href')!);
		for (const a of shown) expect(a.textContent).toBe(a.getAttribute('href'));
		const expected = [
			'rss.xml',
			'elections/rss.xml',
			...content.services.map((s) => `services/${s.id}/rss.xml`),
			lang === 'fr' ? 'calendrier.ics' : 'calendar.ics',
			'status.txt',
			'status.json',
		].map((p) => `${SITE}${prefix}${p}`);
		expect(urls).toEqual(expect.arrayContaining([...expected, `${SITE}api/v2/summary.json`]));
		for (const url of urls) expect(existsSync(fileOf(url)!), url).toBe(true);
	});
});

// ——— Calendar ———

describe.each([
	['fr', 'calendrier.ics', 'Bureaux de vote ouverts de 8 h à 18 h.'],
	['en', 'en/calendar.ics', 'Polling stations open from 08:00 to 18:00.'],
])('the %s calendar', (_, path, hours) => {
	const events = () => {
		const calendar = new ICAL.Component(ICAL.parse(read(path)));
		ICAL.TimezoneService.reset();
		for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
		return { calendar, events: calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
	};
	test('is an iCalendar 2.0 file that publishes its events', () => {
		const { calendar } = events();
		expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
		expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
		expect(read(path)).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR$/);
	});
	test('has each election round with polling hours in Paris time, at the polling stations', () => {
		const rounds = events().events;
		expect(rounds.map((e) => e.uid)).toEqual(['election-legislatives-round-1@status.testville.example', 'election-legislatives-round-2@status.testville.example']);
		expect(rounds.map((e) => [e.startDate.toJSDate().toISOString(), e.endDate.toJSDate().toISOString()])).toEqual([
			['2024-06-30T06:00:00.000Z', '2024-06-30T16:00:00.000Z'],
			['2024-07-07T06:00:00.000Z', '2024-07-07T16:00:00.000Z'],
		]);
		expect(rounds.map((e) => e.startDate.zone?.tzid)).toEqual(['Europe/Paris', 'Europe/Paris']);
		// The fixture's election has no English file: its names stay French, the calendar's own words do not.
		expect(rounds.map((e) => e.summary)).toEqual(['Élections législatives 2024 — Premier tour', 'Élections législatives 2024 — Second tour']);
		expect(rounds[0]!.description.replace(/\u00a0/g, ' ')).toContain(hours);
		expect(rounds[0]!.location).toContain('Testville');
		expect(rounds[0]!.location).toContain(`${SITE}${path.startsWith('en') ? 'en/' : ''}elections/`);
	});
	test('has no active content', () => {
		expect(read(path)).not.toMatch(/<script|javascript:/i);
	});
});

test('the French and English calendars use the same UIDs, so subscribing to both does not duplicate', () => {
	const uids = (path: string) => [...read(path).matchAll(/^UID:(.+)$/gm)].map((m) => m[1]);
	expect(uids('en/calendar.ics')).toEqual(uids('calendrier.ics'));
});

// ——— Status files ———

/** A built JSON file as read aloud: French no-break spaces ("2 services", "25 juin") as plain spaces. */
const spokenJson = (path: string) => JSON.parse(read(path).replace(/\u00a0/g, ' ')) as Record<string, unknown>;

/** The fixture's words in each language, as status.json states them on 28 June 2024 at 18:00. */
const WORDS = {
	fr: {
		name: 'Informations services municipaux — Testville',
		overall: ['Sur papier uniquement', '2 services sur 3 fonctionnent autrement.'],
		services: [
			['État civil', 'Sur papier uniquement le 25 juin — à confirmer', 'services/etat-civil/'],
			['Urbanisme', 'Perturbé le 26 juin — à confirmer', 'services/urbanisme/'],
			['Standard téléphonique', 'Fonctionnait le 26 juin — à confirmer', 'services/standard/'],
		],
		pinned: 'actualites/2024-06-26-phishing/',
		civilRegistryAlternative: "Déclarations à l'accueil de la mairie, sur papier.",
	},
	en: {
		name: 'Municipal services information — Testville',
		overall: ['On paper only', '2 of 3 services work differently.'],
		services: [
			['Civil registry', 'On paper only on 25 June — to be confirmed', 'en/services/etat-civil/'],
			['Urbanisme', 'Disrupted on 26 June — to be confirmed', 'en/services/urbanisme/'],
			['Standard téléphonique', 'Working on 26 June — to be confirmed', 'en/services/standard/'],
		],
		pinned: 'en/updates/2024-06-26-phishing/',
		civilRegistryAlternative: 'Declarations at the town hall counter, on paper.',
	},
} as const;

/** The whole of /status.json for the fixture, every documented field (docs/endpoints.md) with its value. */
function expectedStatusJson(lang: 'fr' | 'en') {
	const words = WORDS[lang];
	const service = (i: number, fields: Record<string, unknown>) => ({ name: words.services[i]![0], label: words.services[i]![1], url: `${SITE}${words.services[i]![2]}`, ...fields });
	return {
		version: 1,
		language: lang,
		site: { name: words.name, town: 'Testville', url: `${SITE}${lang === 'en' ? 'en/' : ''}` },
		asOf: '2024-06-28T18:00:00+02:00',
		lastUpdated: '2024-06-27T11:00:00+02:00',
		nextUpdate: '2024-06-29T10:00:00+02:00',
		nextUpdateLate: false,
		overall: { status: 'paper', label: words.overall[0], affected: 2, total: 3, summary: words.overall[1] },
		pinned: [{ id: '2024-06-26-phishing', title: 'Attention aux faux messages', date: '2024-06-26T15:00:00+02:00', url: `${SITE}${words.pinned}` }],
		services: [
			service(0, { id: 'etat-civil', category: 'demarches', status: 'paper', since: '2024-06-25T09:00:00+02:00', stale: true, lastConfirmed: '2024-06-25T09:00:00+02:00', restoredAt: null, alternative: words.civilRegistryAlternative, noAlternative: null }),
			service(1, { id: 'urbanisme', category: 'demarches', status: 'degraded', since: '2024-06-24T08:30:00+02:00', stale: true, lastConfirmed: '2024-06-26T10:00:00+02:00', restoredAt: null, alternative: 'Dépôt des dossiers par courrier.', noAlternative: null }),
			service(2, { id: 'standard', category: 'contact', status: 'operational', since: '2024-06-26T14:00:00+02:00', stale: true, lastConfirmed: '2024-06-26T14:00:00+02:00', restoredAt: '2024-06-26T14:00:00+02:00', alternative: null, noAlternative: null }),
		],
	};
}

describe.each([
	['fr', 'status.json'],
	['en', 'en/status.json'],
] as const)('%s status.json', (lang, path) => {
	const doc = () => JSON.parse(read(path)) as Record<string, unknown> & { services: { id: string; status: string; stale: boolean; alternative: string | null; url: string }[] };
	test('holds every documented field, with the fixture’s values', () => {
		expect(spokenJson(path)).toEqual(expectedStatusJson(lang));
	});
	test('says the current state of every service, with links to built pages', () => {
		const d = doc();
		expect(d.overall).toMatchObject({ status: 'paper', affected: 2, total: 3 });
		expect(d.services.map((s) => [s.id, s.status, s.stale])).toEqual([
			['etat-civil', 'paper', true],
			['urbanisme', 'degraded', true],
			['standard', 'operational', true],
		]);
		expect(d.lastUpdated).toBe('2024-06-27T11:00:00+02:00');
		expect(d.pinned).toEqual([expect.objectContaining({ id: '2024-06-26-phishing' })]);
		for (const s of d.services) expect(existsSync(fileOf(s.url)!), s.url).toBe(true);
	});
});

describe('/api/v2/summary.json', () => {
	const summary = () => JSON.parse(read('api/v2/summary.json')) as Record<string, any>;
	test('has the fields of Statuspage’s public summary, with the fixture’s page, status and components', () => {
		const s = summary();
		expect(Object.keys(s).sort()).toEqual(['components', 'incidents', 'page', 'scheduled_maintenances', 'status']);
		const pageId = 'status-testville-example-crise';
		expect(s.page).toEqual({ id: pageId, name: 'Informations services municipaux — Testville', url: SITE, time_zone: 'Europe/Paris', updated_at: '2024-06-27T11:00:00+02:00' });
		// The worst status, in Statuspage's words (the mapping itself: tests/unit/status-files.test.ts).
		expect({ ...s.status, description: s.status.description.replace(/\u00a0/g, ' ') }).toEqual({ indicator: 'major', description: '2 services sur 3 fonctionnent autrement.' });
		expect(s.scheduled_maintenances).toEqual([]);
		const component = (id: string, name: string, position: number, description: string, updated: string) => ({
			id, name, position, description, status: expect.stringMatching(/^(operational|degraded_performance|partial_outage|major_outage)$/),
			created_at: '2024-06-24T08:30:00+02:00', updated_at: updated, showcase: true, start_date: null, group_id: null, page_id: pageId, group: false, only_show_if_degraded: false,
		});
		expect(s.components).toEqual([
			component('etat-civil', 'État civil', 1, "Déclarations à l'accueil de la mairie, sur papier.", '2024-06-25T09:00:00+02:00'),
			component('urbanisme', 'Urbanisme', 2, 'Dépôt des dossiers par courrier.', '2024-06-24T08:30:00+02:00'),
			component('standard', 'Standard téléphonique', 3, 'Le numéro principal de la mairie.', '2024-06-26T14:00:00+02:00'),
		]);
		for (const incident of s.incidents) {
			expect(incident).toMatchObject({ id: 'incident-2024-06-24', name: 'Incident informatique à la mairie de Testville', status: 'identified', impact: 'major', resolved_at: null, page_id: pageId, shortlink: SITE });
			for (const u of incident.incident_updates) expect(u).toMatchObject({ id: expect.stringMatching(/^2024-06-\d\d-[a-z-]+$/), status: 'identified', body: expect.stringContaining(`${SITE}actualites/${u.id}/`), incident_id: incident.id, created_at: u.display_at, display_at: expect.stringMatching(/^2024-06-\d\dT\d\d:\d\d:00\+02:00$/) });
		}
	});
	test('has one unresolved incident, the crisis, with every published update, newest first', () => {
		const [incident, ...others] = summary().incidents;
		expect(others).toEqual([]);
		expect(incident.incident_updates.map((u: { id: string }) => u.id)).toEqual(content.updates.map((u) => u.id));
		expect(incident.components.map((c: { id: string }) => c.id)).toEqual(['etat-civil', 'urbanisme']);
		const change = incident.incident_updates.find((u: { id: string }) => u.id === '2024-06-25-etat-civil-papier');
		expect(change.affected_components).toEqual([{ code: 'etat-civil', name: 'État civil', old_status: 'major_outage', new_status: 'partial_outage' }]);
	});
});

describe.each([
	['fr', 'status.txt', ['Testville — mise à jour : jeudi 27 juin 2024 à 11 h', "- État civil : sur papier uniquement (à confirmer). À la place : Déclarations à l'accueil de la mairie, sur papier.", 'Standard : 02 00 00 00 00', SITE]],
	['en', 'en/status.txt', ['Testville — updated: Thursday 27 June 2024 at 11:00', '- Civil registry: on paper only (to be confirmed). Instead: Declarations at the town hall counter, on paper.', 'Standard: 02 00 00 00 00', `${SITE}en/`]],
])('%s status.txt', (_, path, lines) => {
	test('gives town, date, each disrupted service with what to do instead, the switchboard and the address', () => {
		const text = read(path).replace(/,(?= \d)/, '');
		for (const line of lines) expect(text.split('\n')).toContain(line);
		expect(text).not.toContain('Standard téléphonique');
	});
	test('starts with one SMS (at most 160 characters), and the whole is short enough for a phone screen', () => {
		expect(read(path).split('\n')[0]!.length).toBeLessThanOrEqual(160);
		expect(read(path).length).toBeLessThanOrEqual(640);
	});
});

describe('every feed, calendar and status file', () => {
	test('is free of script tags, javascript: links and event attributes, even with the hostile update', () => {
		// The staff editor's own files (its interface translations) are not feeds.
		const files = filesNamed(outDir, /\.(xml|ics|json|txt)$/).filter((f) => !f.includes('pagefind') && !/sitemap/.test(f) && !f.includes('/admin/'));
		expect(files.length).toBeGreaterThanOrEqual(17);
		for (const file of files) {
			const raw = readFileSync(file, 'utf8');
			expect(raw, file).not.toMatch(/<script|<iframe|javascript:|\son[a-z]+\s*=/i);
			if (file.endsWith('.json')) expect(raw, file).not.toContain('<');
		}
	});
});
