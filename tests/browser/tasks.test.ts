import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { ChannelsPage, ElectionsPage, HomePage, ServicePage } from './pages.ts';

/**
 * Ten everyday tasks of the reference case, tried as a resident on a phone would: 390 × 844, no
 * JavaScript, starting from the home page, at most one tap. The depth of a task is the screen on which
 * its answer is wholly visible: on the home page, the screen holding the answer's bottom edge; after a
 * tap, the screen holding the link on the home page plus the screen holding the answer on the page the
 * link opens, less one (both scrolls add up). Each answer is what settles the task honestly: where and
 * when to go, not merely the name of the service.
 */
const SCREEN = { width: 390, height: 844 };
const origin = inject('siteOrigin');

interface Task {
	task: string;
	/** On the home page, the link tapped; none when the home page itself answers. */
	tap?: (start: HomePage) => Locator;
	/** What answers the task, on the page reached. */
	answer: (page: Page) => Locator;
	/** Words the answer must hold, so a wrong or empty element cannot pass. */
	says: RegExp;
	route: string;
}

const home = (page: Page) => new HomePage(page, origin);

const TASKS: Task[] = [
	{
		task: 'declare a birth',
		route: 'tap État civil → the place and its hours',
		tap: (start) => start.service('État civil').locator('h4 a'),
		answer: (page) => new ServicePage(page, origin, 'etat-civil').placeHours,
		says: /Lundi au vendredi\s+8 h 30/,
	},
	{
		task: 'enrol a child',
		route: 'tap Inscriptions scolaires → the place and its hours',
		tap: (start) => start.service('Inscriptions scolaires').locator('h4 a'),
		answer: (page) => new ServicePage(page, origin, 'inscriptions-scolaires').placeHours,
		says: /\d+ h/,
	},
	{
		task: 'pay the cantine',
		route: 'home: the cantine line says what to do instead',
		answer: (page) => home(page).service('Cantine').locator('.alt'),
		says: /Facturation plus tard/,
	},
	{
		task: 'file a planning application',
		route: 'home: the urbanisme line says where and how to file',
		answer: (page) => home(page).service('Urbanisme').locator('.alt'),
		says: /dossier sur papier : au guichet urbanisme .* ou par lettre recommandée/,
	},
	{
		task: 'find my polling station',
		route: 'tap Élections → every station with its area and address',
		tap: (start) => start.navLink('Élections'),
		answer: (page) => new ElectionsPage(page, origin).pollingStations.last(),
		says: /Bureau 13 — .+\n?.*45400/,
	},
	{
		task: 'give a proxy',
		route: 'tap Élections → the link to maprocuration.gouv.fr',
		tap: (start) => start.navLink('Élections'),
		answer: (page) => new ElectionsPage(page, origin).proxyLink,
		says: /procuration/,
	},
	{
		task: 'reach someone by phone',
		route: 'home: the tap-to-call button',
		answer: (page) => home(page).callButton,
		says: /02 38 71 93 93/,
	},
	{
		task: 'know what the town never asks',
		route: 'tap Canaux officiels → the list of what the town never asks',
		tap: (start) => start.navLink('Canaux officiels'),
		answer: (page) => new ChannelsPage(page, origin).neverAsk,
		says: /mot de passe[\s\S]*carte bancaire[\s\S]*RIB/,
	},
	{
		task: 'see what is down',
		route: 'home: every service with its status, up to the last',
		answer: (page) => home(page).services.last(),
		says: /Interrompu|Perturbé|Sur papier|Fonctionne/,
	},
	{
		task: 'know when the next update comes',
		route: 'home: the banner',
		answer: (page) => home(page).nextUpdate,
		says: /samedi 29 juin 2024/,
	},
];

/** The element's bottom edge in pixels, and the screen (1, 2, …) holding it, from what the viewport shows now. */
async function screenOf(locator: Locator): Promise<{ screen: number; bottom: number }> {
	const box = await locator.boundingBox();
	if (!box) throw new Error(`not displayed: ${locator}`);
	const bottom = Math.round(box.y + box.height);
	return { screen: Math.max(1, Math.ceil(bottom / SCREEN.height)), bottom };
}

let browser: Browser;
let context: BrowserContext;
const depths: { task: string; depth: number; bottom: number; route: string }[] = [];
beforeAll(async () => {
	browser = await launchChromium();
	context = await browser.newContext({ viewport: SCREEN, javaScriptEnabled: false });
});
afterAll(async () => {
	const inOrder = TASKS.flatMap(({ task }) => depths.filter((d) => d.task === task));
	if (inOrder.length) console.log(`Depth of each task at 390 × 844 without JavaScript (screens, at most one tap):\n${formatTable(inOrder)}`);
	await browser.close();
});

function formatTable(rows: typeof depths): string {
	const width = Math.max(...rows.map((r) => r.task.length));
	return ["| task | depth | answer's bottom edge on its page | how |", '| --- | --- | --- | --- |', ...rows.map((r) => `| ${r.task.padEnd(width)} | ${r.depth} | ${r.bottom} px | ${r.route} |`)].join('\n');
}

// The tasks run at once, each in its own tab; the table keeps their order.
describe.concurrent('on a phone without JavaScript, each everyday task is answered within two screens, with at most one tap', () => {
	test.each(TASKS)('$task', async ({ task, tap, answer, says, route }) => {
		const start = await new HomePage(await context.newPage(), origin).open();
		let depth = 0;
		if (tap) {
			const link = tap(start);
			depth = (await screenOf(link)).screen - 1;
			await link.click();
			await start.page.waitForLoadState();
		}
		const found = answer(start.page);
		// Read as spoken: French text carries no-break spaces ("8 h 30", "02 38 71 93 93").
		expect((await found.innerText()).replace(/\u00a0/g, ' ')).toMatch(says);
		const { screen, bottom } = await screenOf(found);
		depth += screen;
		depths.push({ task, depth, bottom, route });
		await start.page.close();
		expect(depth).toBeLessThanOrEqual(2);
	});
});
