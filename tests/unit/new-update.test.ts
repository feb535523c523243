import { Temporal } from 'temporal-polyfill';
import { describe, expect, test } from 'vitest';
import { interview } from '../../scripts/lib/interview.ts';
import { scripted } from '../support/scripted-prompts.ts';
import { loadContent } from '../../src/lib/content.ts';
import { nextUpdateChoices, nowInZone, parseLocalDateTime, renderTranslationFile, renderUpdateFile, setNextUpdate, updateFileName, type NewUpdate } from '../../src/lib/new-update.ts';
import { parseSourceFile, validate } from '../../src/lib/source-file.ts';
import { updateSchema } from '../../src/schemas/update.ts';

const content = loadContent('tests/fixtures/site').content!;

describe('the file the assistant writes', () => {
	const update: NewUpdate = { kind: 'resolution', title: 'Le standard répond : « enfin » & merci', date: '2024-06-28T09:15+02:00', services: ['etat-civil'], changes: [{ service: 'standard', status: 'operational' }], pinned: false, body: 'Appelez le **02 00 00 00 00**.' };

	test('is named after its date and title, without accents or punctuation', () => {
		expect(updateFileName(update)).toBe('2024-06-28-le-standard-repond-enfin-et-merci.md');
	});
	test('has front matter that passes the update schema, quotes and all', () => {
		const file = parseSourceFile('x.md', renderUpdateFile(update));
		expect(file.problems).toEqual([]);
		const { data, problems } = validate(file, updateSchema);
		expect(problems).toEqual([]);
		expect(data).toMatchObject({ title: update.title, date: update.date, changes: [{ service: 'standard', status: 'operational' }], services: ['etat-civil'] });
		expect(file.body.trim()).toBe(update.body);
	});
	test.each([
		['summer', '2024-06-28T07:15:30Z', '2024-06-28T09:15+02:00'],
		['winter', '2024-12-02T08:00:00Z', '2024-12-02T09:00+01:00'],
	])('is dated in Paris time with its offset (%s)', (_, instant, expected) => {
		expect(nowInZone('Europe/Paris', Temporal.Instant.from(instant))).toBe(expected);
	});
});

describe('the assistant with scripted answers', () => {
	test('asks kind, title, services, each new status, pinning and text, and keeps only real changes', async () => {
		const ask = scripted(['incident', 'Urbanisme fermé', ['urbanisme', 'etat-civil'], 'down', 'same', false, 'Le guichet est fermé.', '2024-06-29T10:00+02:00', false]);
		const result = await interview(ask, content, {});
		expect(result).toEqual({ kind: 'incident', title: 'Urbanisme fermé', services: ['etat-civil'], changes: [{ service: 'urbanisme', status: 'down' }], pinned: false, corrects: undefined, body: 'Le guichet est fermé.', nextUpdate: '2024-06-29T10:00+02:00', en: undefined });
		expect(ask.asked).toHaveLength(9);
		expect(ask.asked[3]).toBe('Nouvel état de « Urbanisme » ?');
	});
	test('for a correction, asks which update it corrects', async () => {
		const ask = scripted(['correction', 'Correction', [], '2024-06-26-standard', false, 'Le bon numéro est…', null, false]);
		expect((await interview(ask, content, {})).corrects).toBe('2024-06-26-standard');
		expect(ask.asked).toContain('Quelle actualité corrigez-vous ?');
	});
	test('does not ask what the flags already gave', async () => {
		const ask = scripted([true]);
		const result = await interview(ask, content, { kind: 'warning', title: 'Faux SMS', services: [], changes: [], body: 'Ne cliquez pas.', nextUpdate: null, en: { title: 'Fake SMS', body: 'Do not click.' } });
		expect(ask.asked).toEqual(["Épingler en haut de la page d'accueil ?"]);
		expect(result.pinned).toBe(true);
	});
});

describe('the next update and the English version', () => {
	test('the assistant asks the next update time, reads a typed one in the town’s zone, and takes the English text', async () => {
		const ask = scripted(['other', '29/06/2024 10 h', true, 'Town planning closed', 'The counter is closed.']);
		const result = await interview(ask, content, { kind: 'incident', title: 'Urbanisme fermé', services: [], changes: [], pinned: false, body: 'Fermé.' });
		expect(result.nextUpdate).toBe('2024-06-29T10:00+02:00');
		expect(result.en).toEqual({ title: 'Town planning closed', body: 'The counter is closed.' });
		expect(ask.asked).toEqual(['Prochaine mise à jour annoncée aux habitants ?', 'Jour et heure (ex. 2024-06-29 10:00 ou 29/06/2024 10 h) :', 'Ajouter la version anglaise maintenant ?', 'Titre en anglais :', 'Texte en anglais :']);
	});
	test('without questions (flags, --yes), nothing more is asked', async () => {
		const ask = scripted([]);
		const result = await interview(ask, content, { kind: 'information', title: 'T', services: [], changes: [], pinned: false, body: 'B', askExtras: false });
		expect(result.nextUpdate).toBeUndefined();
	});
	test('the offered times are in two hours, this evening before 16 h, and tomorrow morning and afternoon', () => {
		expect(nextUpdateChoices('Europe/Paris', 'fr', Temporal.Instant.from('2024-06-28T09:13+02:00')).map((c) => c.value)).toEqual(['2024-06-28T11:13+02:00', '2024-06-28T18:00+02:00', '2024-06-29T10:00+02:00', '2024-06-29T17:00+02:00']);
		expect(nextUpdateChoices('Europe/Paris', 'fr', Temporal.Instant.from('2024-06-28T17:00+02:00'))).toHaveLength(3);
	});
	test.each([
		['2024-06-29 10:00', '2024-06-29T10:00+02:00'],
		['29/12/2024 9 h 30', '2024-12-29T09:30+01:00'],
		['31/02/2024 10 h', undefined],
		['demain', undefined],
	])('a typed time %s reads as %s', (typed, expected) => {
		expect(parseLocalDateTime(typed, 'Europe/Paris')).toBe(expected);
	});
	test('setting the next update keeps the other settings and their comments', () => {
		const before = '# Réglages\ntown: Ville # la commune\nnextUpdate: "2024-01-01T10:00+01:00"\n';
		expect(setNextUpdate(before, '2024-06-29T10:00+02:00')).toBe('# Réglages\ntown: Ville # la commune\nnextUpdate: "2024-06-29T10:00+02:00"\n');
		expect(setNextUpdate(before, null)).toBe('# Réglages\ntown: Ville # la commune\n');
	});
	test('the English file holds the title and the text', () => {
		const file = parseSourceFile('x.en.md', renderTranslationFile({ title: 'Town hall: "open"', body: 'Come in.' }));
		expect(file.data).toEqual({ title: 'Town hall: "open"' });
		expect(file.body.trim()).toBe('Come in.');
	});
});
