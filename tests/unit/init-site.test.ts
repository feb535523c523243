import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { initInterview } from '../../scripts/lib/init-interview.ts';
import type { Ask } from '../../scripts/lib/interview.ts';
import { scripted } from '../support/scripted-prompts.ts';
import { loadContent } from '../../src/lib/content.ts';
import { CATALOGUE_DIR, newSiteFiles, readCatalogue, unknownServices, type TownAnswers } from '../../src/lib/init-site.ts';
import { textIn, TO_COMPLETE } from '../../src/lib/problems.ts';

const catalogue = readCatalogue(CATALOGUE_DIR);
const TOWN: TownAnswers = {
	town: 'Saint-Exemple-sur-Loire',
	phone: '02 47 00 12 34',
	email: 'mairie@saint-exemple.fr',
	site: 'https://info.saint-exemple.fr/',
	website: 'https://www.saint-exemple.fr/',
	address: '2 rue de la Mairie, 37000 Saint-Exemple-sur-Loire',
	mirrors: ['https://secours.saint-exemple.fr/'],
	services: ['etat-civil', 'elections', 'cantine', 'standard-telephonique'],
	key: '~/.ssh/site-mairie-signature',
};

/** Writes the files of a new site into a fresh folder and loads it. */
function written(answers: TownAnswers) {
	const dir = join(mkdtempSync(join(tmpdir(), 'init-')), 'content');
	const files = newSiteFiles(answers, catalogue, new Date('2026-01-15T10:00:00Z'));
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), text);
	}
	return { files, ...loadContent(dir, { cwd: dir }) };
}

describe('the init assistant', () => {
	test.each([
		['fr', 'Nom de la commune :'],
		['en', 'Name of the town:'],
	] as const)('asks, in %s, every answer in turn, mirrors as a list', async (lang, first) => {
		const ask = scripted([' Saint-Exemple-sur-Loire ', '02 47 00 12 34', 'mairie@saint-exemple.fr', '2 rue de la Mairie', 'https://info.saint-exemple.fr/', 'https://www.saint-exemple.fr/', 'https://a.fr/, https://b.fr/', ['etat-civil'], '~/cle']);
		const answers = await initInterview(ask, catalogue, {}, lang);
		expect(ask.asked[0]).toBe(first);
		expect(ask.asked).toHaveLength(9);
		expect(answers).toEqual({ town: 'Saint-Exemple-sur-Loire', phone: '02 47 00 12 34', email: 'mairie@saint-exemple.fr', address: '2 rue de la Mairie', site: 'https://info.saint-exemple.fr/', website: 'https://www.saint-exemple.fr/', mirrors: ['https://a.fr/', 'https://b.fr/'], services: ['etat-civil'], key: '~/cle' });
	});
	test('asks nothing that the flags gave', async () => {
		const ask = scripted([]);
		expect(await initInterview(ask, catalogue, TOWN)).toEqual(TOWN);
		expect(ask.asked).toEqual([]);
	});
	test('refuses a site address that is not a web address', async () => {
		const validators: ((v: string) => boolean | string)[] = [];
		const ask: Ask = { ...scripted([]), input: async (o) => (validators.push(o.validate!), 'https://info.saint-exemple.fr/') };
		await initInterview(ask, catalogue, { ...TOWN, site: undefined });
		expect(validators[0]!('info.saint-exemple.fr')).toBe('Une adresse qui commence par https:// ou http://');
		expect(validators[0]!('https://info.saint-exemple.fr/')).toBe(true);
	});
	test('services not in the catalogue are named', () => {
		expect(unknownServices(['etat-civil', 'etat-civl'], catalogue)).toEqual(['etat-civl']);
	});
});

describe('the new site', () => {
	const site = written(TOWN);
	test('is valid, with warnings only where the town must complete it', () => {
		expect(site.problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(site.problems.filter((p) => !textIn('fr', p.found).includes(TO_COMPLETE))).toEqual([]);
		// One warning for each place to complete, in the files the town must open.
		expect(site.problems.map((p) => p.file)).toEqual([
			...Array(5).fill('settings.yaml'),
			...Array(2).fill('places/mairie.yaml'),
			'services/cantine.yaml',
			'services/etat-civil.yaml',
			'services/standard-telephonique.yaml',
			...Array(4).fill('elections/prochaine-election.yaml'),
			'pages/accessibilite.md',
			...Array(3).fill('pages/mentions-legales.md'),
		]);
	});
	test('is on standby: no incident, every service working', () => {
		expect(site.content!.status.standby).toBe(true);
		expect(site.content!.status.overall).toEqual({ status: 'operational', affected: 0, total: 4 });
	});
	test('has the town’s contacts, address and mirrors, and no replay clock', () => {
		const settings = site.content!.settings.data.fr;
		expect(settings).toMatchObject({ town: TOWN.town, siteUrl: TOWN.site, website: TOWN.website, mirrors: TOWN.mirrors });
		expect(settings.replayAt).toBeUndefined();
		expect(settings.incidentStart).toBeUndefined();
		expect(settings.contacts.map((c) => c.value.replace(/\u00a0/g, ' '))).toEqual(expect.arrayContaining([TOWN.phone, TOWN.email, TOWN.address]));
		expect(settings.publish).toMatchObject({ key: TOWN.key, signer: TOWN.email });
	});
	test('holds the picked services in their categories only, an election to fill in, and the legal pages', () => {
		expect(site.content!.services.map((s) => s.id).sort()).toEqual([...TOWN.services].sort());
		expect(site.content!.settings.data.fr.categories.map((c) => c.id)).toEqual(['demarches', 'famille', 'contact']);
		expect(site.content!.elections).toHaveLength(1);
		expect(site.content!.pages.map((p) => p.id).sort()).toEqual(['accessibilite', 'mentions-legales']);
		expect(site.content!.pages.find((p) => p.id === 'mentions-legales')!.html.fr).toContain('Commune de Saint-Exemple-sur-Loire');
	});
	test('without elections among the services, there is no election', () => {
		expect(written({ ...TOWN, services: ['etat-civil'] }).files).not.toHaveProperty('elections/prochaine-election.yaml');
	});
	test('holds no trace of the example town', () => {
		expect(Object.values(site.files).join('\n')).not.toMatch(/fleury|aubrais|02 38/i);
	});
});
