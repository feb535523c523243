import { describe, expect, test } from 'vitest';
import { loadContent, type SiteContent } from '../../src/lib/content.ts';
import { FIXTURE, fixtureWith } from '../support/fixture-site.ts';
import { FEED_LIMIT, feedFor, feedItems, feedList } from '../../src/lib/feed-items.ts';

const ROOT = new URL('https://ville.example/crise/');
const fixture = loadContent(FIXTURE).content!;


/** The fixture site with some files added or replaced, loaded. */
function siteWith(files: Record<string, string>): SiteContent {
	const dir = fixtureWith(files);
	const { content, problems } = loadContent(dir);
	expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
	return content!;
}

const service = (name: string) => `name: ${name}\ncategory: demarches\ndescription: Un service.\ninitialStatus: down\nalternative:\n  summary: Venez à l'accueil.\n`;
const update = (front: string, body = 'Texte.') => `---\n${front}\n---\n${body}\n`;

/** Four more services and updates changing three, then four statuses at once. */
const changes = siteWith({
	'services/cantine.yaml': service('Cantine'),
	'services/ecoles.yaml': service('Inscriptions scolaires'),
	'updates/trois.md': update('title: Trois services reprennent\ndate: 2024-06-25T10:00+02:00\nkind: information\nchanges:\n  - { service: cantine, status: degraded }\n  - { service: ecoles, status: paper }\n  - { service: urbanisme, status: paper }'),
	'updates/quatre.md': update('title: Tout est coupé\ndate: 2024-06-25T11:00+02:00\nkind: incident\nchanges:\n  - { service: cantine, status: down }\n  - { service: ecoles, status: down }\n  - { service: urbanisme, status: down }\n  - { service: standard, status: down }'),
	'updates/rectificatif.md': update('title: Horaires de la cantine\ndate: 2024-06-25T12:00+02:00\nkind: correction\ncorrects: trois'),
});

/** The fixture site plus `count` extra updates, one hour apart, all about the civil registry. */
function withManyUpdates(count: number): SiteContent {
	const files: Record<string, string> = {};
	for (let i = 0; i < count; i++) {
		const date = new Date(Date.parse('2024-06-24T09:00:00Z') + i * 3_600_000).toISOString().replace('.000Z', 'Z');
		files[`updates/extra-${i}.md`] = update(`title: Point ${i}\ndate: ${date}\nkind: information\nservices: [etat-civil]`, `Texte ${i}.`);
	}
	return siteWith(files);
}

describe('item titles say what changed', () => {
	test.each([
		['a status change, in French', fixture, 'fr', '2024-06-25-etat-civil-papier', "État civil : sur papier uniquement — L'état civil passe au papier"],
		['a status change, in English', fixture, 'en', '2024-06-25-etat-civil-papier', "Civil registry: on paper only — L'état civil passe au papier"],
		['a return to normal', fixture, 'fr', '2024-06-26-standard', 'Standard téléphonique : fonctionne normalement — Le standard répond de nouveau'],
		['three changes are all named', changes, 'fr', 'trois', 'Cantine : perturbé ; Inscriptions scolaires : sur papier uniquement ; Urbanisme : sur papier uniquement — Trois services reprennent'],
		['more than three changes are counted', changes, 'fr', 'quatre', '4 services changent d’état — Tout est coupé'],
		['more than three changes are counted, in English', changes, 'en', 'quatre', '4 services change status — Tout est coupé'],
		['no change: the title alone', fixture, 'fr', '2024-06-26-phishing', 'Attention aux faux messages'],
		['a correction already titled so is not prefixed twice', fixture, 'fr', '2024-06-27-correction', "Correction : horaires de l'accueil"],
	] as const)('%s', (_, content, lang, id, title) => {
		expect(feedItems(content, lang, ROOT).get(id)?.title).toBe(title);
	});
	test.each([
		['fr', 'Correction : Horaires de la cantine'],
		['en', 'Correction: Horaires de la cantine'],
	] as const)('a correction whose title does not say so gets the word (%s)', (lang, title) => {
		expect(feedItems(changes, lang, ROOT).get('rectificatif')?.title).toBe(title);
	});
	test('a title that looks like markup cannot become a tag in a reader, and keeps its other characters', () => {
		const title = feedItems(fixture, 'fr', ROOT).get('2024-06-26-hostile')!.title;
		expect(title).not.toMatch(/<[a-z/!?]/i);
		expect(title).toContain(`"doubles" & 'simples' : 3 < 5, ‹b>gras‹/b> et 🚨🗳️`);
	});
});

describe('item content stands alone', () => {
	const items = feedItems(fixture, 'fr', ROOT);
	test('the link and guid is the update’s absolute permanent address, under the base path', () => {
		expect(items.get('2024-06-26-phishing')?.link).toBe('https://ville.example/crise/actualites/2024-06-26-phishing/');
		expect(feedItems(fixture, 'en', ROOT).get('2024-06-26-phishing')?.link).toBe('https://ville.example/crise/en/updates/2024-06-26-phishing/');
	});
	test('relative links of the body are resolved against the update’s page', () => {
		const html = items.get('2024-06-26-hostile')!.description;
		expect(html).toContain('<a href="https://ville.example/crise/services/urbanisme/">lien relatif vers le service</a>');
		expect(html).toContain('href="https://ville.example/crise/actualites/2024-06-26-hostile/#fin"');
	});
	test('status changes and concerned services are listed with links to their pages', () => {
		expect(items.get('2024-06-25-etat-civil-papier')!.description).toContain('<li><a href="https://ville.example/crise/services/etat-civil/">État civil</a> : Sur papier uniquement</li>');
		expect(items.get('2024-06-24-incident')!.description).toContain('Services concernés :</strong> <a href="https://ville.example/crise/services/etat-civil/">État civil</a>, <a href="https://ville.example/crise/services/standard/">Standard téléphonique</a>');
	});
	test('a correction links to what it corrects, and the corrected update to its correction', () => {
		expect(items.get('2024-06-27-correction')!.description).toContain('remplace une information de l’actualité : <a href="https://ville.example/crise/actualites/2024-06-25-etat-civil-papier/">');
		expect(items.get('2024-06-25-etat-civil-papier')!.description).toContain('<a href="https://ville.example/crise/actualites/2024-06-27-correction/">');
	});
	test('categories give the kind, the services and the elections', () => {
		expect(items.get('2024-06-24-incident')!.categories).toEqual(['Incident', 'État civil', 'Standard téléphonique']);
		expect(items.get('2024-06-25-procurations')!.categories).toEqual(['Information', 'Élections législatives 2024']);
	});
	test('the date is the update’s moment', () => {
		expect(items.get('2024-06-25-etat-civil-papier')!.pubDate.toISOString()).toBe('2024-06-25T07:00:00.000Z');
	});
	test('the hostile body keeps no script, event attribute, iframe or javascript: link', () => {
		const html = items.get('2024-06-26-hostile')!.description;
		expect(html).not.toMatch(/<script|<iframe|<svg|<style|\son\w+=|javascript:|style=/i);
		expect(html).toContain('lien piégé');
	});
});

describe('each feed picks its updates', () => {
	test.each([
		['all updates', { kind: 'all' as const }, ['2024-06-27-correction', '2024-06-26-phishing', '2024-06-26-standard', '2024-06-26-hostile', '2024-06-25-procurations', '2024-06-25-etat-civil-papier', '2024-06-24-incident']],
		['the civil registry', { kind: 'service' as const, id: 'etat-civil' }, ['2024-06-25-etat-civil-papier', '2024-06-24-incident']],
		['town planning', { kind: 'service' as const, id: 'urbanisme' }, ['2024-06-26-hostile']],
		['the elections', { kind: 'elections' as const }, ['2024-06-25-procurations']],
	])('%s', (_, scope, ids) => {
		expect(feedFor(fixture, 'fr', ROOT, scope).items.map((i) => i.id)).toEqual(ids);
	});
	test(`a feed holds at most the ${FEED_LIMIT} newest updates`, () => {
		const content = withManyUpdates(FEED_LIMIT + 5);
		const items = feedFor(content, 'fr', ROOT, { kind: 'service', id: 'etat-civil' }).items;
		expect(items).toHaveLength(FEED_LIMIT);
		expect(items[0]!.id).toBe(content.updates.find((u) => u.data.fr.services.includes('etat-civil') || u.data.fr.changes.some((c) => c.service === 'etat-civil'))!.id);
	});
	test('the channel has its language, its page, its own address and the date of its newest item', () => {
		const feed = feedFor(fixture, 'en', ROOT, { kind: 'service', id: 'etat-civil' });
		expect(feed).toMatchObject({ language: 'en', link: 'https://ville.example/crise/en/services/etat-civil/', self: 'https://ville.example/crise/en/services/etat-civil/rss.xml', title: 'Civil registry — Testville' });
		expect(feed.lastBuildDate.toISOString()).toBe('2024-06-25T07:00:00.000Z');
	});
	test('an empty feed is still dated, by the site’s latest update', () => {
		const content = loadContent('tests/fixtures/site').content!;
		const feed = feedFor({ ...content, updates: content.updates.filter((u) => u.data.fr.elections.length === 0) }, 'fr', ROOT, { kind: 'elections' });
		expect(feed.items).toEqual([]);
		expect(feed.lastBuildDate.getTime()).toBe(content.status.lastUpdated);
	});
});

test('the feed list names every feed of a language: all, elections, then each service in display order', () => {
	expect(feedList(fixture, 'en').map((f) => f.path)).toEqual(['/en/rss.xml', '/en/elections/rss.xml', '/en/services/etat-civil/rss.xml', '/en/services/urbanisme/rss.xml', '/en/services/standard/rss.xml']);
});
