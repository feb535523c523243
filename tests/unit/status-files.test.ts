import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadContent, type SiteContent } from '../../src/lib/content.ts';
import { FIXTURE, fixtureWith } from '../support/fixture-site.ts';
import { STATUS_JSON_VERSION, statusJson as statusJsonOf } from '../../src/lib/status-files/status-json.ts';
import { statusText as statusTextOf } from '../../src/lib/status-files/status-txt.ts';
import { INCIDENT_UPDATES_LIMIT, statuspageSummary as summaryOf } from '../../src/lib/status-files/statuspage.ts';
import { statusView } from '../../src/lib/status-files/view.ts';
import type { Lang } from '../../src/i18n/ui.ts';
import type { Status } from '../../src/schemas/common.ts';

const ROOT = new URL('https://ville.example/crise/');
const statusJson = (content: SiteContent, lang: Lang) => statusJsonOf(statusView(content, lang, ROOT));
const statusText = (content: SiteContent, lang: Lang) => statusTextOf(statusView(content, lang, ROOT));
const statuspageSummary = (content: SiteContent) => summaryOf(statusView(content, 'fr', ROOT));
const fixture = loadContent(FIXTURE).content!;

/** The fixture site with some files added or replaced, loaded. */
function siteWith(files: Record<string, string>): SiteContent {
	const dir = fixtureWith(files);
	return loadContent(dir).content!;
}
/** Every service of the fixture set to `status` by one update. */
const allAt = (status: Status) =>
	siteWith({ 'updates/2024-06-27-tout.md': `---\ntitle: Tout change\ndate: 2024-06-27T12:00+02:00\nkind: information\nchanges:\n  - { service: etat-civil, status: ${status} }\n  - { service: urbanisme, status: ${status} }\n  - { service: standard, status: ${status} }\n---\nTexte.\n` });

describe('Statuspage mapping, from our words to theirs', () => {
	test.each([
		['operational', 'operational', 'none'],
		['degraded', 'degraded_performance', 'minor'],
		['paper', 'partial_outage', 'major'],
		['down', 'major_outage', 'critical'],
	] as const)('%s → component %s, page indicator %s when it is the worst', (status, component, indicator) => {
		const summary = statuspageSummary(allAt(status));
		expect(summary.components.map((c) => c.status)).toEqual([component, component, component]);
		expect(summary.status.indicator).toBe(indicator);
	});
	test('with every service working again there is no unresolved incident and the page says all is well', () => {
		const summary = statuspageSummary(allAt('operational'));
		expect(summary.incidents).toEqual([]);
		expect(summary.status.description).toBe('Tous les services fonctionnent normalement.');
	});
	test('on standby (no incident start, no incident update) the page says so, with indicator none and no incident', () => {
		const standby = siteWith({
			'settings.yaml': readFileSync(join(FIXTURE, 'settings.yaml'), 'utf8').replace(/^incidentStart: .*\n/m, ''),
			'updates/2024-06-24-incident.md': readFileSync(join(FIXTURE, 'updates/2024-06-24-incident.md'), 'utf8').replace('kind: incident', 'kind: information'),
		});
		const summary = statuspageSummary(standby);
		expect({ ...summary.status, description: summary.status.description.replace(/\u00a0/g, ' ') }).toEqual({ indicator: 'none', description: 'Aucun incident en cours : les services de la mairie fonctionnent normalement.' });
		expect(summary.incidents).toEqual([]);
		expect(summary.components.every((c) => c.status === 'operational')).toBe(true);
		expect(statusJson(standby, 'en').overall).toMatchObject({ status: 'operational', affected: 0, summary: 'No incident in progress: the town hall’s services are working normally.' });
	});
	test('while disrupted, the crisis is one incident whose impact, like the page indicator, is the worst status', () => {
		const summary = statuspageSummary(fixture);
		expect(summary.components.map((c) => [c.id, c.status])).toEqual([['etat-civil', 'partial_outage'], ['urbanisme', 'degraded_performance'], ['standard', 'operational']]);
		expect(summary.status.indicator).toBe('major');
		const [incident] = summary.incidents;
		expect(incident).toMatchObject({ id: 'incident-2024-06-24', status: 'identified', impact: 'major', started_at: '2024-06-24T08:30:00+02:00', resolved_at: null, shortlink: 'https://ville.example/crise/' });
	});
	test(`the incident lists at most the ${INCIDENT_UPDATES_LIMIT} newest updates`, () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < INCIDENT_UPDATES_LIMIT + 5; i++) files[`updates/extra-${i}.md`] = `---\ntitle: Point ${i}\ndate: ${new Date(Date.parse('2024-06-24T09:00:00Z') + i * 60_000).toISOString()}\nkind: information\n---\nTexte.\n`;
		const content = siteWith(files);
		const updates = statuspageSummary(content).incidents[0]!.incident_updates;
		expect(updates.map((u) => u.id)).toEqual(content.updates.slice(0, INCIDENT_UPDATES_LIMIT).map((u) => u.id));
	});
	test('an incident update body is the update as plain text, with its address, and nothing active', () => {
		const hostile = statuspageSummary(fixture).incidents[0]!.incident_updates.find((u) => u.id === '2024-06-26-hostile')!;
		expect(hostile.body).toContain('Paragraphe en HTML brut & esperluette.');
		expect(hostile.body).toContain('https://ville.example/crise/actualites/2024-06-26-hostile/');
		expect(hostile.body).not.toMatch(/<[a-z!/?]|javascript:|alert\(/i);
	});
});

describe('status.json', () => {
	const doc = statusJson(fixture, 'fr');
	test(`is version ${STATUS_JSON_VERSION}, in its language, with the site's address`, () => {
		expect(doc).toMatchObject({ version: 1, language: 'fr', site: { town: 'Testville', url: 'https://ville.example/crise/', name: 'Informations services municipaux — Testville' } });
		expect(statusJson(fixture, 'en').site.url).toBe('https://ville.example/crise/en/');
	});
	test('dates carry the town’s offset', () => {
		expect([doc.asOf, doc.lastUpdated, doc.nextUpdate]).toEqual(['2024-06-28T18:00:00+02:00', '2024-06-27T11:00:00+02:00', '2024-06-29T10:00:00+02:00']);
	});
	test('each service has its status, since when, staleness and the alternative only while disrupted', () => {
		expect(doc.services.map((s) => [s.id, s.status, s.since, s.stale, s.alternative])).toEqual([
			['etat-civil', 'paper', '2024-06-25T09:00:00+02:00', true, "Déclarations à l'accueil de la mairie, sur papier."],
			['urbanisme', 'degraded', '2024-06-24T08:30:00+02:00', true, 'Dépôt des dossiers par courrier.'],
			['standard', 'operational', '2024-06-26T14:00:00+02:00', true, null],
		]);
		expect(doc.services[2]!.restoredAt).toBe('2024-06-26T14:00:00+02:00');
	});
	test('English uses the translations', () => {
		expect(statusJson(fixture, 'en').services[0]).toMatchObject({ name: 'Civil registry', label: 'On paper only on 25 June — to be confirmed', alternative: 'Declarations at the town hall counter, on paper.', url: 'https://ville.example/crise/en/services/etat-civil/' });
	});
	test('pinned notices come with title, date and address', () => {
		expect(doc.pinned).toEqual([{ id: '2024-06-26-phishing', title: 'Attention aux faux messages', date: '2024-06-26T15:00:00+02:00', url: 'https://ville.example/crise/actualites/2024-06-26-phishing/' }]);
	});
	test('no next update is null, not a guess', () => {
		const content = loadContent(FIXTURE).content!;
		const without = { ...content, settings: { ...content.settings, data: { ...content.settings.data, fr: { ...content.settings.data.fr, nextUpdate: undefined } } } };
		expect(statusJson(without, 'fr').nextUpdate).toBeNull();
	});
});

describe('status.txt', () => {
	test('its first line is one SMS: at most 160 characters, with the phone and the short address while they fit', () => {
		const long = siteWith({ 'settings.yaml': readFileSync(join(FIXTURE, 'settings.yaml'), 'utf8').replace(/^town: .*$/m, `town: ${'Saint-Aubin-'.repeat(12)}Ville`) });
		const first = statusText(long, 'fr').split('\n')[0]!;
		expect(first.length).toBeLessThanOrEqual(160);
		expect(first.endsWith('… ville.example/crise')).toBe(true);
		expect(statusText(fixture, 'fr').split('\n')[0]).toContain('Tél. 02 00 00 00 00. ville.example/crise');
	});
	test('lists only disrupted services, each with what to do instead, then the switchboard and the address', () => {
		expect(statusText(fixture, 'fr').split('\n')).toEqual([
			'Testville : 2 services sur 3 fonctionnent autrement. Tél. 02 00 00 00 00. ville.example/crise',
			'',
			'Testville — mise à jour : jeudi 27 juin 2024 à 11 h',
			'2 services sur 3 fonctionnent autrement.',
			"- État civil : sur papier uniquement (à confirmer). À la place : Déclarations à l'accueil de la mairie, sur papier.",
			'- Urbanisme : perturbé (à confirmer). À la place : Dépôt des dossiers par courrier.',
			'Standard : 02 00 00 00 00',
			'https://ville.example/crise/',
			'',
		]);
	});
	test('with everything working it says so in two lines before the contacts', () => {
		expect(statusText(allAt('operational'), 'fr').split('\n').slice(3, 5)).toEqual(['Tous les services fonctionnent normalement.', 'Standard : 02 00 00 00 00']);
	});
	test('a long service name loses its details and an alternative is cut after its first sentence', () => {
		const content = siteWith({
			'services/urbanisme.yaml': 'name: Urbanisme (permis, déclarations)\ncategory: demarches\ndescription: Permis.\ninitialStatus: degraded\nalternative:\n  summary: Par courrier. Le délai court toujours, voyez la page.\n',
		});
		expect(statusText(content, 'fr')).toContain('\n- Urbanisme : perturbé (à confirmer). À la place : Par courrier.\n');
	});
	test('the switchboard is the first phone that works, not a channel nobody answers', () => {
		const settings = readFileSync(join(FIXTURE, 'settings.yaml'), 'utf8').replace('contacts:\n', 'contacts:\n  - kind: phone\n    label: Ancien numéro\n    value: 01 11 11 11 11\n    working: false\n');
		const text = statusText(siteWith({ 'settings.yaml': settings }), 'fr');
		expect(text).toContain('Standard : 02 00 00 00 00');
		expect(text).not.toContain('01 11 11 11 11');
	});
});
