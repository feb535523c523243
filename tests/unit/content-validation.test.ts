import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/lib/content.ts';
import { formatProblem, type Problem } from '../../src/lib/problems.ts';
import { FIXTURE, fixtureWith } from '../support/fixture-site.ts';

const errorsOf = (dir: string) => loadContent(dir, { cwd: dir }).problems.filter((p) => p.severity === 'error');

/** The fixture's settings with one text replaced. */
const settingsWith = (from: string, to: string) => readFileSync(join(FIXTURE, 'settings.yaml'), 'utf8').replace(from, to);
const update = (front: string, body = 'Texte.') => `---\n${front}\n---\n${body}\n`;
const VALID_UPDATE = 'title: Test\ndate: 2024-06-25T10:00+02:00\nkind: information';

describe('the fixture site is valid', () => {
	test('it loads with no error', () => {
		const { content, problems } = loadContent(FIXTURE);
		expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(content?.services.map((s) => s.id)).toEqual(['etat-civil', 'urbanisme', 'standard']);
	});
});

describe.each<{ name: string; files: Record<string, string | null>; expected: Partial<Record<keyof Problem, string | number>> }>([
	{
		name: 'an update naming an unknown service',
		files: { 'updates/bad.md': update(`${VALID_UPDATE}\nservices: [etat-civl]`) },
		expected: { file: 'updates/bad.md', line: 5, field: 'services[0]', found: '« etat-civl »', hint: 'vouliez-vous dire « etat-civil » ?' },
	},
	{
		name: 'a status change for an unknown service',
		files: { 'updates/bad.md': update(`${VALID_UPDATE}\nchanges:\n  - service: cantine\n    status: paper`) },
		expected: { file: 'updates/bad.md', field: 'changes[0].service', found: '« cantine »' },
	},
	{
		name: 'a status change naming the same service twice',
		files: { 'updates/bad.md': update(`${VALID_UPDATE}\nchanges:\n  - { service: etat-civil, status: paper }\n  - { service: etat-civil, status: down }`) },
		expected: { file: 'updates/bad.md', line: 7, field: 'changes[1].service', found: '« etat-civil » en double' },
	},
	{
		name: 'a service naming an unknown place',
		files: { 'services/cantine.yaml': 'name: Cantine\ncategory: demarches\ndescription: Repas.\ninitialStatus: down\nalternative:\n  summary: Repas froid.\n  places: [mairie, ecol]\n' },
		expected: { file: 'services/cantine.yaml', line: 7, field: 'alternative.places[1]', found: '« ecol »', hint: 'vouliez-vous dire « ecole » ?' },
	},
	{
		name: 'a polling station at an unknown place',
		files: { 'elections/legislatives.yaml': 'title: T\nrounds:\n  - { name: T1, date: 2024-06-30, opens: "08:00", closes: "18:00" }\nstations:\n  - { number: 1, place: gymnase }\nregistration: a\nproxies: b\nidentity: c\nresults: d\n' },
		expected: { file: 'elections/legislatives.yaml', field: 'stations[0].place', found: '« gymnase »' },
	},
	{
		name: 'an unknown status word',
		files: { 'updates/bad.md': update(`${VALID_UPDATE}\nchanges:\n  - service: etat-civil\n    status: ferme`) },
		expected: { file: 'updates/bad.md', line: 7, field: 'changes[0].status', expected: 'une de ces valeurs : operational, degraded, paper, down', found: '« ferme »' },
	},
	{
		name: 'a date without offset',
		files: { 'updates/bad.md': update('title: Test\ndate: 2024-06-25T10:00\nkind: information') },
		expected: { file: 'updates/bad.md', line: 3, field: 'date', found: '« 2024-06-25T10:00 »' },
	},
	{
		name: 'an impossible date',
		files: { 'updates/bad.md': update('title: Test\ndate: 2024-02-30T10:00+01:00\nkind: information') },
		expected: { file: 'updates/bad.md', field: 'date', found: '« 2024-02-30T10:00+01:00 »' },
	},
	{
		name: 'an impossible polling day',
		files: { 'elections/legislatives.yaml': 'title: T\nrounds:\n  - { name: T1, date: 2024-06-31, opens: "08:00", closes: "18:00" }\nstations:\n  - { number: 1, place: mairie }\nregistration: a\nproxies: b\nidentity: c\nresults: d\n' },
		expected: { field: 'rounds[0].date', found: '« 2024-06-31 »' },
	},
	{
		name: 'a missing required field',
		files: { 'updates/bad.md': update('date: 2024-06-25T10:00+02:00\nkind: information') },
		expected: { file: 'updates/bad.md', field: 'title', expected: 'un texte', found: 'rien (champ absent)' },
	},
	{
		name: 'a misspelt field name',
		files: { 'services/urbanisme.yaml': 'name: Urbanisme\ncategory: demarches\ndescription: Permis.\ninitialStatus: degraded\nalternatve:\n  summary: Courrier.\n' },
		expected: { file: 'services/urbanisme.yaml', line: 6, field: 'alternatve', found: 'le(s) champ(s) inconnu(s) « alternatve »' },
	},
	{
		name: 'a correction that does not say what it corrects',
		files: { 'updates/bad.md': update('title: Test\ndate: 2024-06-25T10:00+02:00\nkind: correction') },
		expected: { file: 'updates/bad.md', field: 'corrects' },
	},
	{
		name: 'a correction of an unknown update',
		files: { 'updates/bad.md': update(`${VALID_UPDATE.replace('information', 'correction')}\ncorrects: 2024-06-25-etat-civil`) },
		expected: { field: 'corrects', found: '« 2024-06-25-etat-civil »', hint: 'vouliez-vous dire « 2024-06-25-etat-civil-papier » ?' },
	},
	{
		name: 'YAML that does not parse',
		files: { 'places/ecole.yaml': 'name: École\naddress: [1 rue\n' },
		expected: { file: 'places/ecole.yaml', expected: 'du YAML valide' },
	},
	{
		name: 'the same field twice',
		files: { 'places/ecole.yaml': 'name: École\nname: Autre\naddress: 1 rue\n' },
		expected: { file: 'places/ecole.yaml', line: 2, expected: 'du YAML valide' },
	},
	{
		name: 'an update without front matter',
		files: { 'updates/bad.md': 'Juste du texte.\n' },
		expected: { file: 'updates/bad.md', line: 1, found: 'aucun en-tête' },
	},
	{
		name: 'a duplicate id (two files for one service)',
		files: { 'services/standard.yml': 'name: Doublon\ncategory: contact\ndescription: x\ninitialStatus: down\n' },
		expected: { file: 'services/standard.yml', found: 'aussi « services/standard.yaml »' },
	},
	{
		name: 'a missing settings file',
		files: { 'settings.yaml': null },
		expected: { file: 'settings.yaml', found: 'aucun fichier' },
	},
	{
		name: 'a duplicate category id',
		files: { 'settings.yaml': settingsWith('  - id: contact\n', '  - id: demarches\n') },
		expected: { file: 'settings.yaml', field: 'categories[1].id', found: '« demarches » en double' },
	},
	{
		name: 'an unknown time zone',
		files: { 'settings.yaml': `${settingsWith('', '')}timezone: Europe/Fleury\n` },
		expected: { file: 'settings.yaml', field: 'timezone', found: '« Europe/Fleury »' },
	},
	{
		name: 'a duplicate polling station number',
		files: { 'elections/legislatives.yaml': 'title: T\nrounds:\n  - { name: T1, date: 2024-06-30, opens: "08:00", closes: "18:00" }\nstations:\n  - { number: 1, place: mairie }\n  - { number: 1, place: ecole }\nregistration: a\nproxies: b\nidentity: c\nresults: d\n' },
		expected: { field: 'stations[1].number', found: 'le numéro 1 en double' },
	},
	{
		name: 'an unknown category',
		files: { 'services/urbanisme.yaml': 'name: Urbanisme\ncategory: cadre-de-vie\ndescription: Permis.\ninitialStatus: degraded\n' },
		expected: { field: 'category', found: '« cadre-de-vie »' },
	},
	{
		name: 'a file name with capitals and accents',
		files: { 'places/Écoles.yaml': 'name: x\naddress: y\n' },
		expected: { file: 'places/Écoles.yaml', found: '« Écoles.yaml »' },
	},
	{
		name: 'a translation without its French file',
		files: { 'places/gare.en.yaml': 'name: Station\n' },
		expected: { file: 'places/gare.en.yaml', found: 'aucun fichier français' },
	},
	{
		name: 'a translation that sets a field that is not translatable',
		files: { 'services/etat-civil.en.yaml': 'name: Civil registry\ninitialStatus: operational\n' },
		expected: { file: 'services/etat-civil.en.yaml', line: 2, field: 'initialStatus' },
	},
	{
		name: 'a page that takes the address of a site page',
		files: { 'pages/elections.md': '---\ntitle: Élections\ndescription: Tout sur le vote.\n---\nTexte.\n' },
		expected: { file: 'pages/elections.md', found: "« elections », déjà l'adresse d'une page du site" },
	},
	{
		name: 'a one-line alternative that is too long',
		files: { 'services/urbanisme.yaml': `name: Urbanisme\ncategory: demarches\ndescription: Permis.\ninitialStatus: degraded\nalternative:\n  summary: ${'x'.repeat(200)}\n` },
		expected: { field: 'alternative.summary', expected: 'au plus 160 caractères', found: '200 caractères' },
	},
])('$name', ({ files, expected }) => {
	test('fails with one message naming the file, the field, what was expected and what was found', () => {
		const errors = errorsOf(fixtureWith(files));
		const match = errors.find((e) => Object.entries(expected).every(([key, value]) => {
			const actual = e[key as keyof Problem];
			return key === 'file' ? e.file.endsWith(value as string) : (typeof actual === 'object' ? actual.fr : actual) === value;
		}));
		expect(match, `got:\n${errors.map((e) => formatProblem(e)).join('\n')}`).toBeDefined();
		expect(match!.expected.en.length).toBeGreaterThan(0);
		expect(match!.found.en.length).toBeGreaterThan(0);
	});
});

describe('all problems are reported at once', () => {
	test('three broken files give three errors, and no content', () => {
		const { content, problems } = loadContent(
			fixtureWith({
				'updates/a.md': update(`${VALID_UPDATE}\nservices: [nope]`),
				'updates/b.md': update('title: B\ndate: hier\nkind: information'),
				'places/ecole.yaml': 'name: École\n',
			}),
		);
		expect(problems.filter((p) => p.severity === 'error')).toHaveLength(3);
		expect(content).toBeUndefined();
	});
});

describe('warnings do not stop the build', () => {
	test.each([
		['an update dated in the future', {}, 'updates/2024-07-01-future.md', 'date'],
		['a service down without alternative', { 'services/urbanisme.yaml': 'name: Urbanisme\ncategory: demarches\ndescription: Permis.\ninitialStatus: down\n' }, 'services/urbanisme.yaml', 'alternative'],
		['a status not confirmed within the window', {}, 'services/urbanisme.yaml', 'checked'],
		['a resolution that restores no service', { 'updates/fin.md': update('title: Fin\ndate: 2024-06-27T10:00+02:00\nkind: resolution') }, 'updates/fin.md', 'changes'],
		['a next update already past', { 'settings.yaml': settingsWith('nextUpdate: 2024-06-29', 'nextUpdate: 2024-06-27') }, 'settings.yaml', 'nextUpdate'],
	])('%s', (_, files, file, field) => {
		const dir = fixtureWith(files);
		const { content, problems } = loadContent(dir, { cwd: dir });
		expect(content).toBeDefined();
		expect(problems).toContainEqual(expect.objectContaining({ severity: 'warning', file, field }));
	});
});

describe('problems can be read in English', () => {
	test('the same problem is framed and explained in English', () => {
		const [problem] = errorsOf(fixtureWith({ 'updates/bad.md': update(`${VALID_UPDATE}\nservices: [etat-civl]`) }));
		expect(formatProblem(problem!, 'en')).toBe(
			'updates/bad.md:5 — field "services[0]": expected a service from content/services/ (etat-civil, standard, urbanisme); found "etat-civl" (did you mean "etat-civil"?)',
		);
		expect(formatProblem(problem!, 'fr')).toBe(
			'updates/bad.md:5 — champ « services[0] » : attendu un service de content/services/ (etat-civil, standard, urbanisme) ; trouvé « etat-civl » (vouliez-vous dire « etat-civil » ?)',
		);
	});
	test.each([
		['a date without offset', update('title: Test\ndate: 2024-06-25T10:00\nkind: information'), 'a date and time with its UTC offset'],
		['an unknown status word', update(`${VALID_UPDATE}\nchanges:\n  - service: etat-civil\n    status: ferme`), 'one of: operational, degraded, paper, down'],
		['a missing title', update('date: 2024-06-25T10:00+02:00\nkind: information'), 'expected a text; found nothing (missing field)'],
	])('%s', (_, file, english) => {
		const [problem] = errorsOf(fixtureWith({ 'updates/bad.md': file }));
		expect(formatProblem(problem!, 'en')).toContain(english);
	});
});
