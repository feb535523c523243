import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/lib/content.ts';
import { countWords, fit, smsText, speakNumbers, toGsm, updateMessages } from '../../src/lib/messages.ts';
import { fixtureWith } from '../support/fixture-site.ts';

const ROOT = new URL('https://info.ville-exemple.fr/crise/');
const long = 'Les démarches d’état civil se font au guichet, sur papier, du lundi au vendredi de 8 h 30 à 17 h. ';
const body = `${long.repeat(12)}\n\nVoyez https://info.ville-exemple.fr/crise/ ou écrivez à accueil@ville-exemple.fr.\n\nAppelez le 02 38 71 93 93 ; le 01 23 45 67 89 est coupé.\n`;
const content = loadContent(
	fixtureWith({
		'updates/2024-06-27-long.md': `---\ntitle: « Tout » change pour l’état civil, le standard et bien d’autres services encore, voyez le détail ci-dessous, pour les écoles, la cantine et la police municipale\ndate: 2024-06-27T10:00+02:00\nkind: information\nchanges:\n  - { service: etat-civil, status: paper }\n---\n${body}`,
		'updates/2024-06-27-court.md': '---\ntitle: Le standard répond\ndate: 2024-06-27T10:30+02:00\nkind: resolution\nchanges:\n  - { service: standard, status: operational }\n---\nAppelez le 02 00 00 00 00.\n',
	}),
).content!;

describe.each(['2024-06-27-long', '2024-06-27-court', '2024-06-24-incident'])('messages for %s stay within each channel’s limits', (id) => {
	const m = updateMessages(content, id, ROOT);
	test('the SMS is at most 160 characters, ends with the site’s short address, and counts its parts', () => {
		expect(m.sms.text.length).toBeLessThanOrEqual(160);
		expect(m.sms.text).toMatch(/ info\.ville-exemple\.fr\/crise$/);
		expect(m.sms.parts).toBeGreaterThanOrEqual(1);
	});
	test('the post is at most 500 characters and ends with the update’s page', () => {
		expect(m.social.text.length).toBeLessThanOrEqual(500);
		expect(m.social.text.endsWith(`https://info.ville-exemple.fr/crise/actualites/${id}/`), m.social.text).toBe(true);
	});
	test('the voicemail reads in under 45 seconds at 150 words a minute, with no address and no digit', () => {
		expect(m.voicemail.words).toBe(countWords(m.voicemail.text));
		expect((m.voicemail.words * 60) / 150).toBeLessThan(45);
		expect(m.voicemail.text).not.toMatch(/https?:|www\.|@|\.fr\b|\d/);
	});
	test('the alert has a title of at most 60 characters and a text of at most 400 with the site’s address', () => {
		expect(m.alert.title.length).toBeLessThanOrEqual(60);
		expect(m.alert.text.length).toBeLessThanOrEqual(400);
		expect(m.alert.text).toContain('https://info.ville-exemple.fr/crise/');
	});
});

test('the SMS gives the switchboard’s number after the title when the text does not', () => {
	expect(updateMessages(content, '2024-06-24-incident', ROOT).sms.text).toContain('Tél. 02 00 00 00 00.');
	expect(updateMessages(content, '2024-06-27-court', ROOT).sms.text).not.toContain('Tél.');
});

describe('the long update', () => {
	const m = updateMessages(content, '2024-06-27-long', ROOT);
	test('an SMS too long for its title alone is cut at a word, in the GSM alphabet (typographic quotes replaced)', () => {
		expect(m.sms.text).toMatch(/^Testville : " Tout " change pour l'état civil, .*\.\.\. info\.ville-exemple\.fr\/crise$/);
		expect(m.sms).toMatchObject({ gsm: true, parts: 1, outsideGsm: [] });
	});
	test('the voicemail speaks the announced change and the switchboard number in words', () => {
		expect(m.voicemail.text).toContain('État civil : sur papier uniquement.');
		expect(m.voicemail.text).toContain('appelez le zéro deux, zéro zéro, zéro zéro, zéro zéro, zéro zéro.');
	});
});

describe('the GSM 03.38 alphabet', () => {
	test.each([
		['ê and ë are outside the table', 'Fête annulée à Noël', false, ['ê', 'ë']],
		['é è à ù are in the table', 'Déclarations à l’accueil, où il y a très peu d’attente', true, []],
		['œ is not', 'Le cœur de ville', false, ['œ']],
	])('%s', (_, text, gsm, outside) => {
		const sms = smsText([text], 'ville.fr');
		expect(sms.gsm).toBe(gsm);
		expect(sms.outsideGsm).toEqual(outside);
	});
	test('a text needing UCS-2 says how many SMS it takes', () => {
		const sms = smsText(['Fête '.repeat(30)], 'ville.fr');
		expect(sms).toMatchObject({ gsm: false, parts: 3 });
		expect(sms.text.length).toBeLessThanOrEqual(160);
	});
	test('typographic characters become their GSM equivalents', () => {
		expect(toGsm('« Oui » – l’heure…\u00a0!')).toBe('" Oui " - l\'heure... !');
	});
});

describe('numbers are written to be spoken', () => {
	test.each([
		['02 38 71 93 93', 'zéro deux, trente-huit, soixante et onze, quatre-vingt-treize, quatre-vingt-treize'],
		['+33 6 12 34 56 78', 'zéro six, douze, trente-quatre, cinquante-six, soixante-dix-huit'],
		['de 8 h 30 à 12 h et', 'de huit heures trente à douze heures et'],
		['à 17:00', 'à dix-sept heures'],
		['le 1er juillet 2024', 'le premier juillet deux mille vingt-quatre'],
		['10 habitants', 'dix habitants'],
	])('%s', (text, spoken) => {
		expect(speakNumbers(text)).toBe(spoken);
	});
});

test('a cut text ends on a whole word with an ellipsis', () => {
	expect(fit('un deux trois quatre', 12)).toBe('un deux…');
	expect(fit('court', 12)).toBe('court');
});
