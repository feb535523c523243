import { describe, expect, test } from 'vitest';
import { absentRoute, type Sections } from '../../src/lib/sections.ts';

const none: Sections = { elections: false, calendar: false };
const calendarOnly: Sections = { elections: false, calendar: true };
const all: Sections = { elections: true, calendar: true };

// The live preview has every optional route and answers 404 for those the content does not call for.
describe('which routes the live preview answers 404, as a build would not have them', () => {
	test.each([
		['/elections', none, true],
		['/en/elections/rss.xml', calendarOnly, true],
		['/calendrier.ics', calendarOnly, false],
		['/elections', all, false],
		['/en/calendar.ics', none, true],
		// Routes every site has are never absent.
		['/', none, false],
		['/services/[id]', none, false],
		['/404', none, false],
	] as const)('%s with %o: %s', (pattern, s, absent) => {
		expect(absentRoute(pattern, s)).toBe(absent);
	});
});
