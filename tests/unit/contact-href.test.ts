import { describe, expect, test } from 'vitest';
import { contactHref } from '../../src/lib/contact-href.ts';

describe('a contact leads where its kind says when tapped', () => {
	test.each([
		['a phone number dials it', 'phone', '02 38 71 93 93', 'tel:+33238719393'],
		['an email address writes to it', 'email', 'mairie@ville.example', 'mailto:mairie@ville.example'],
		['a web address opens it', 'web', 'https://ville.example/', 'https://ville.example/'],
		['a social account opens it', 'social', 'https://social.example/@ville', 'https://social.example/@ville'],
		['a counter is not a link', 'counter', 'Hôtel de ville, 1 place de la Mairie', undefined],
		['a postal address is not a link', 'post', 'Mairie, 1 place de la Mairie, 45400', undefined],
	] as const)('%s', (_, kind, value, href) => {
		expect(contactHref({ kind, value })).toBe(href);
	});
});
