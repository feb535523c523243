import { execFileSync } from 'node:child_process';
import { readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/lib/content.ts';
import { formatProblem, textIn, type Problem } from '../../src/lib/problems.ts';
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
		expected: { file: 'services/urbanisme.yaml', line: 6, field: 'alternatve', found: 'le champ inconnu « alternatve »' },
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
	{
		name: 'a working web contact with a javascript: address',
		files: { 'settings.yaml': settingsWith('neverAsk:', '  - kind: web\n    label: Site\n    value: "javascript:alert(document.domain)"\nneverAsk:') },
		expected: { file: 'settings.yaml', line: 33, field: 'contacts[2].value', expected: 'une adresse web complète, ex. « https://www.ville.fr/ »', found: '« javascript:alert(document.domain) »' },
	},
	{
		name: 'a working social contact that is not a web address',
		files: { 'settings.yaml': settingsWith('neverAsk:', '  - kind: social\n    label: Réseau\n    value: "data:text/html,<script>alert(1)</script>"\nneverAsk:') },
		expected: { file: 'settings.yaml', field: 'contacts[2].value', found: '« data:text/html,<script>alert(1)</script> »' },
	},
	{
		name: 'a working email contact that is not an email address',
		files: { 'settings.yaml': settingsWith('neverAsk:', '  - kind: email\n    label: Courriel\n    value: "x@y.fr?body=<script>"\nneverAsk:') },
		expected: { file: 'settings.yaml', field: 'contacts[2].value', found: '« x@y.fr?body=<script> »' },
	},
	{
		name: 'a contact phone number with letters (it would dial another number than the one shown)',
		files: { 'settings.yaml': settingsWith('value: 02 00 00 00 00', 'value: 02 00 00 00 00 ou le 06') },
		expected: { file: 'settings.yaml', field: 'contacts[0].value', found: '« 02 00 00 00 00 ou le 06 »' },
	},
	{
		name: 'a contact phone number holding a bidi override (shown 06 39 98 12 45, dials another)',
		files: { 'settings.yaml': settingsWith('value: 02 00 00 00 00', 'value: "06 \u202E54 21 89 93\u202C"') },
		expected: { file: 'settings.yaml', field: 'contacts[0].value', found: "le caractère U+202E (contrôle du sens d'écriture) en position 4" },
	},
	{
		name: "a place's phone number holding a bidi isolate",
		files: { 'places/ecole.yaml': 'name: École\naddress: 1 rue\nphone: "\u206702 38 71 93 93"\n' },
		expected: { file: 'places/ecole.yaml', line: 3, field: 'phone', found: "le caractère U+2067 (contrôle du sens d'écriture) en position 1" },
	},
	{
		name: "a service alternative's phone number with letters",
		files: { 'services/urbanisme.yaml': 'name: Urbanisme\ncategory: demarches\ndescription: Permis.\ninitialStatus: degraded\nalternative:\n  summary: Courrier.\n  phone: appelez-nous\n' },
		expected: { file: 'services/urbanisme.yaml', line: 7, field: 'alternative.phone', expected: 'un numéro de téléphone : chiffres, espaces et + . - ( ) / seulement, ex. « 02 38 00 00 00 »' },
	},
	{
		name: "Word's manual line break (\\v) in an update title",
		files: { 'updates/bad.md': update('title: "Ligne une\\vligne deux"\ndate: 2024-06-25T10:00+02:00\nkind: information') },
		expected: { file: 'updates/bad.md', line: 2, field: 'title', found: 'le caractère U+000B (saut de ligne manuel de Word) en position 10' },
	},
	{
		name: 'a NUL character in a service description',
		files: { 'services/urbanisme.yaml': 'name: Urbanisme\ncategory: demarches\ndescription: "Permis\\0 de construire."\ninitialStatus: degraded\n' },
		expected: { file: 'services/urbanisme.yaml', line: 3, field: 'description', found: 'le caractère U+0000 (caractère nul) en position 7' },
	},
	{
		name: 'a page break (\\f) in an update body',
		files: { 'updates/bad.md': update(VALID_UPDATE, 'Premier paragraphe.\n\nSecond\f paragraphe.') },
		expected: { file: 'updates/bad.md', line: 8, field: 'body', found: 'le caractère U+000C (saut de page) en position 28' },
	},
	{
		name: 'a siteUrl with a space',
		files: { 'settings.yaml': settingsWith('siteUrl: https://status.testville.example/crise/', 'siteUrl: https://status.testville.example/la crise/') },
		expected: { file: 'settings.yaml', line: 4, field: 'siteUrl', expected: 'une adresse web sans espace' },
	},
	{
		name: 'a siteUrl with a user name and password',
		files: { 'settings.yaml': settingsWith('siteUrl: https://status.testville.example/crise/', 'siteUrl: https://admin:secret@status.testville.example/crise/') },
		expected: { file: 'settings.yaml', field: 'siteUrl', expected: 'une adresse web sans identifiant ni mot de passe (rien avant « @ »)' },
	},
	{
		name: 'a siteUrl in plain http',
		files: { 'settings.yaml': settingsWith('siteUrl: https://status.testville.example/crise/', 'siteUrl: http://status.testville.example/crise/') },
		expected: { file: 'settings.yaml', field: 'siteUrl', expected: 'une adresse en https://, ex. « https://info.ville.fr/ »' },
	},
	{
		name: 'a siteUrl on http://localhost (local preview does not need it)',
		files: { 'settings.yaml': settingsWith('siteUrl: https://status.testville.example/crise/', 'siteUrl: http://localhost:4321/') },
		expected: { file: 'settings.yaml', field: 'siteUrl', found: '« http://localhost:4321/ »' },
	},
	{
		name: 'a mirror in plain http',
		files: { 'settings.yaml': settingsWith('  - https://mirror.testville.example/', '  - http://mirror.testville.example/') },
		expected: { file: 'settings.yaml', line: 6, field: 'mirrors[0]' },
	},
	{
		name: 'a page named like the folder of the signing key',
		files: { 'pages/signing.md': '---\ntitle: Signature\ndescription: Clé.\n---\nTexte.\n' },
		expected: { file: 'pages/signing.md', found: "« signing », déjà l'adresse d'une page du site" },
	},
	{
		name: 'a YAML alias bomb (billion laughs)',
		files: { 'places/ecole.yaml': `a: &a ["x","x","x","x","x","x","x","x","x"]\n${Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`).join('\n')}\nname: École\naddress: 1 rue\n` },
		expected: { file: 'places/ecole.yaml', line: 2, expected: 'du YAML sans renvois « *nom » démultipliés' },
	},
	{
		name: '3,000 nested quotes in an update body',
		files: { 'updates/bad.md': update(VALID_UPDATE, `${'> '.repeat(3000)}x`) },
		expected: { file: 'updates/bad.md', line: 6, field: 'body', found: 'trop de niveaux imbriqués pour être affichés' },
	},
	{
		name: '3,000 nested lists in a markdown field',
		files: { 'settings.yaml': settingsWith('known: Les ordinateurs de la mairie sont arrêtés.', `known: "${'- '.repeat(3000)}x"`) },
		expected: { file: 'settings.yaml', line: 17, field: 'situation.known', expected: 'un texte moins imbriqué (citations, listes ou mises en forme les unes dans les autres, sur trop de niveaux pour être affichées)' },
	},
	{
		name: 'an update body longer than 50,000 characters',
		files: { 'updates/bad.md': update(VALID_UPDATE, 'Texte. '.repeat(8000)) },
		expected: { file: 'updates/bad.md', field: 'body', expected: "un texte d'au plus 50000 caractères", found: '56001 caractères' },
	},
	{
		name: 'a content file over 1 MB',
		files: { 'places/ecole.yaml': `name: École\naddress: 1 rue\naccessNotes: ${'x'.repeat(1_100_000)}\n` },
		expected: { file: 'places/ecole.yaml', expected: 'un fichier de moins de 1 Mo', found: '1.1 Mo' },
	},
	{
		name: 'a folder where an update file should be',
		files: { 'updates/dossier.md/x.md': update(VALID_UPDATE) },
		expected: { file: 'updates/dossier.md', found: 'un dossier' },
	},
])('$name', ({ files, expected }) => {
	test('fails with one message naming the file, the field, what was expected and what was found', () => {
		const errors = errorsOf(fixtureWith(files));
		const match = errors.find((e) => Object.entries(expected).every(([key, value]) => {
			const actual = e[key as keyof Problem];
			return key === 'file' ? e.file.endsWith(value as string) : (typeof actual === 'object' ? textIn('fr', actual) : actual) === value;
		}));
		expect(match, `got:\n${errors.map((e) => formatProblem(e)).join('\n')}`).not.toBeUndefined();
		// Told in English too, not left in French.
		expect(textIn('en', match!.expected)).not.toBe(textIn('fr', match!.expected));
	});
});

describe('ordinary text is never refused', () => {
	test('tabs, Windows line ends, accents, emoji, right-to-left script and marks, non-breaking spaces', () => {
		const dir = fixtureWith({
			'places/ecole.yaml': 'name: "École\tJules-Ferry 🏫"\r\naddress: "1 rue de l’École, 00000 Testville"\r\naccessNotes: "مدخل بدون درج — entrée de plain-pied\u200F"\r\nphone: "02\u00A038\u202F71 93 93"\r\n',
			'updates/crlf.md': update(VALID_UPDATE, 'Ligne un,\r\nligne deux.\r\n\r\n« Citation » : 5 € — fin.').replace(/\n/g, '\r\n'),
		});
		expect(errorsOf(dir).map((e) => formatProblem(e))).toEqual([]);
	});
});

describe('placeholders left by npm run init', () => {
	test('a phone number or contact still to complete is a warning, not an error', () => {
		const dir = fixtureWith({
			'places/ecole.yaml': 'name: École\naddress: 1 rue\nphone: "[À COMPLÉTER : numéro de l\'école]"\n',
			'settings.yaml': settingsWith('value: 02 00 00 00 00', 'value: "[À COMPLÉTER : numéro du standard]"'),
		});
		const { problems } = loadContent(dir, { cwd: dir });
		expect(problems.filter((p) => p.severity === 'error').map((e) => formatProblem(e))).toEqual([]);
		expect(problems).toContainEqual(expect.objectContaining({ severity: 'warning', file: 'places/ecole.yaml', line: 3 }));
	});
	test('a placeholder after a javascript: address does not make it acceptable', () => {
		const dir = fixtureWith({ 'settings.yaml': settingsWith('neverAsk:', '  - kind: web\n    label: Site\n    value: "javascript:alert(1) [À COMPLÉTER]"\nneverAsk:') });
		expect(errorsOf(dir)).toContainEqual(expect.objectContaining({ file: 'settings.yaml', field: 'contacts[2].value' }));
	});
});

describe('no link and no special file in content/ is ever read', () => {
	test.each<[string, (dir: string) => void, string, string]>([
		['a link to a folder among the updates', (dir) => symlinkSync(join(dir, 'places'), join(dir, 'updates/dossier.md')), 'updates/dossier.md', `un lien vers`],
		['a link to a system file as a place', (dir) => symlinkSync('/etc/hostname', join(dir, 'places/passwd.yaml')), 'places/passwd.yaml', '« /etc/hostname »'],
		['a link to a page outside the project', (dir) => { writeFileSync(join(dir, '../dehors.md'), '---\ntitle: Dehors\ndescription: x\n---\nx\n'); symlinkSync('../../dehors.md', join(dir, 'pages/dehors.md')); }, 'pages/dehors.md', '« ../../dehors.md »'],
		['a whole collection folder as a link', (dir) => { renameSync(join(dir, 'elections'), join(dir, '../elections')); symlinkSync('../elections', join(dir, 'elections')); }, 'elections', '« ../elections »'],
		['the settings file as a link', (dir) => { renameSync(join(dir, 'settings.yaml'), join(dir, '../settings.yaml')); symlinkSync('../settings.yaml', join(dir, 'settings.yaml')); }, 'settings.yaml', '« ../settings.yaml »'],
		['a named pipe, which would block any reader', (dir) => execFileSync('mkfifo', [join(dir, 'updates/tube.md')]), 'updates/tube.md', 'un fichier spécial (tube, socket ou périphérique)'],
	])('%s is refused, naming the file', (_, make, file, found) => {
		const dir = fixtureWith();
		make(dir);
		const { content, problems } = loadContent(dir, { cwd: dir });
		expect(content).toBeUndefined();
		expect(problems.filter((p) => p.severity === 'error' && p.file === file).map((p) => textIn('fr', p.found))).toContainEqual(expect.stringContaining(found));
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
		expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(content?.status.overall.total).toBe(3);
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
