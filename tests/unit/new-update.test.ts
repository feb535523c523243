import { Temporal } from 'temporal-polyfill';
import { describe, expect, test } from 'vitest';
import { interview, type Ask } from '../../scripts/lib/interview.ts';
import { loadContent } from '../../src/lib/content.ts';
import { nowInZone, renderUpdateFile, updateFileName, type NewUpdate } from '../../src/lib/new-update.ts';
import { parseSourceFile, validate } from '../../src/lib/source-file.ts';
import { updateSchema } from '../../src/schemas/update.ts';

const content = loadContent('tests/fixtures/site').content!;

/** Answers prompts in order, and records what was asked. */
function scripted(answers: unknown[]): Ask & { asked: string[] } {
	const queue = [...answers];
	const asked: string[] = [];
	const answer = async ({ message }: { message: string }) => {
		asked.push(message);
		if (!queue.length) throw new Error(`unexpected question: ${message}`);
		return queue.shift() as never;
	};
	return { asked, select: answer, input: answer, checkbox: answer, confirm: answer };
}

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
		const ask = scripted(['incident', 'Urbanisme fermé', ['urbanisme', 'etat-civil'], 'down', 'same', false, 'Le guichet est fermé.']);
		const result = await interview(ask, content, {});
		expect(result).toEqual({ kind: 'incident', title: 'Urbanisme fermé', services: ['etat-civil'], changes: [{ service: 'urbanisme', status: 'down' }], pinned: false, corrects: undefined, body: 'Le guichet est fermé.' });
		expect(ask.asked).toHaveLength(7);
		expect(ask.asked[3]).toBe('Nouvel état de « Urbanisme » ?');
	});
	test('for a correction, asks which update it corrects', async () => {
		const ask = scripted(['correction', 'Correction', [], '2024-06-26-standard', false, 'Le bon numéro est…']);
		expect((await interview(ask, content, {})).corrects).toBe('2024-06-26-standard');
		expect(ask.asked).toContain('Quelle actualité corrigez-vous ?');
	});
	test('does not ask what the flags already gave', async () => {
		const ask = scripted([true]);
		const result = await interview(ask, content, { kind: 'warning', title: 'Faux SMS', services: [], changes: [], body: 'Ne cliquez pas.' });
		expect(ask.asked).toEqual(["Épingler en haut de la page d'accueil ?"]);
		expect(result.pinned).toBe(true);
	});
});
