import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, inject, test } from 'vitest';
import { buildSite, type Build } from '../support/build-site.ts';

// The fixture site is served under /crise/ (its siteUrl has a sub-path) and replays 28 June 2024, 18:00.
const outDir = inject('fixtureBuild');

const page = (path: string): HTMLElement => parse(readFileSync(join(outDir, path, path.endsWith('.html') ? '' : 'index.html'), 'utf8'));
const text = (el: HTMLElement | null) => el?.textContent.replace(/\s+/g, ' ').trim() ?? '';

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []));
}

describe('the home page', () => {
	test('is French, with one h1 and a banner giving the overall situation and both update times', () => {
		const home = page('');
		expect(home.querySelector('html')!.getAttribute('lang')).toBe('fr');
		expect(home.querySelectorAll('h1')).toHaveLength(1);
		const banner = home.querySelector('.banner')!;
		expect(text(banner)).toContain('2 services sur 3 fonctionnent autrement.');
		expect(text(banner)).not.toContain('Interrompu');
		expect(banner.getAttribute('data-status')).toBe('paper');
		expect(text(banner)).toContain('Dernière mise à jour : jeudi 27 juin 2024 à 11 h');
		expect(banner.querySelectorAll('time').map((t) => t.getAttribute('datetime'))).toEqual(['2024-06-27T11:00:00+02:00', '2024-06-29T10:00:00+02:00']);
	});
	test('groups services by category in the settings order, with status and alternative', () => {
		const home = page('');
		const headings = home.querySelectorAll('#services ~ h3').map(text);
		expect(headings).toEqual(['Démarches', 'Nous joindre']);
		const items = home.querySelectorAll('.services > li').map(text);
		expect(items[0]).toContain('État civil');
		expect(items[0]).toContain('Sur papier uniquement');
		expect(items[0]).toContain("Déclarations à l'accueil de la mairie");
		expect(items[2]).toContain('Fonctionnait le');
		expect(items[2]).not.toContain('Fonctionne normalement');
		expect(items[2]).not.toContain("Venez à l'accueil");
	});
	test('flags services not confirmed within the window as "à confirmer"', () => {
		const items = page('').querySelectorAll('.services > li').map(text);
		expect(items.filter((t) => t.includes('— à confirmer'))).toHaveLength(3);
	});
	test('shows the pinned warning and the channels that are not read', () => {
		const home = page('');
		expect(text(home.querySelector('#pinned')!.parentNode as HTMLElement)).toContain('Attention aux faux messages');
		expect(home.querySelector('del')!.textContent).toBe('contact@testville.example');
	});
	test('says that a service not listed works normally', () => {
		expect(text(page(''))).toContain("Un service qui n'est pas dans cette liste fonctionne normalement.");
	});
});

describe('the service page', () => {
	test('shows the full alternative with its place and hours, deadlines and the status history', () => {
		const service = page('services/etat-civil');
		expect(text(service.querySelector('#alternative')!.parentNode as HTMLElement)).toContain('1 place de la Mairie');
		expect(text(service)).toContain('Dans les 5 jours');
		expect(service.querySelectorAll('#history ~ .history > li').map(text)).toEqual(["mardi 25 juin 2024 à 9 h : Interrompu → Sur papier uniquement L'état civil passe au papier"]);
	});
});

describe('updates', () => {
	test('each has a page, and an update dated after the replay clock is not published', () => {
		expect(existsSync(join(outDir, 'actualites/2024-06-26-standard/index.html'))).toBe(true);
		expect(existsSync(join(outDir, 'actualites/2024-07-01-future'))).toBe(false);
	});
	test('a correction links to what it corrects, and the corrected update says so', () => {
		expect(page('actualites/2024-06-27-correction').querySelector('.notice a')!.getAttribute('href')).toBe('/crise/actualites/2024-06-25-etat-civil-papier/');
		expect(text(page('actualites/2024-06-25-etat-civil-papier'))).toContain('Cette actualité a été corrigée');
	});
	test('the archive lists updates newest first', () => {
		const titles = page('actualites').querySelectorAll('article h3').map(text);
		expect(titles[0]).toContain('Correction');
		expect(titles.at(-1)).toBe('Cyberattaque à la mairie');
	});
	test('hostile markdown is inert', () => {
		const html = readFileSync(join(outDir, 'actualites/2024-06-25-etat-civil-papier/index.html'), 'utf8');
		expect(html).not.toMatch(/<script|javascript:|onclick/i);
	});
});

describe('the English site', () => {
	test('uses translations where they exist and says when a page is not translated', () => {
		const home = page('en');
		expect(home.querySelector('html')!.getAttribute('lang')).toBe('en');
		expect(text(home)).toContain('Civil registry');
		expect(text(page('en/services/etat-civil'))).not.toContain('not been translated');
		expect(text(page('en/services/urbanisme'))).toContain('This page has not been translated yet');
	});
	test('the language switch leads to the same page in the other language', () => {
		expect(page('services/etat-civil').querySelector('a.lang')!.getAttribute('href')).toBe('/crise/en/services/etat-civil/');
		expect(page('en/updates').querySelector('a.lang')!.getAttribute('href')).toBe('/crise/actualites/');
	});
});

describe('every page', () => {
	test('works under the sub-path: no link or asset points at the domain root', () => {
		for (const file of htmlFiles(outDir)) {
			const links = parse(readFileSync(file, 'utf8')).querySelectorAll('[href], [src]').map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '');
			expect(links.filter((l) => l.startsWith('/') && !l.startsWith('/crise/')), file).toEqual([]);
		}
	});
	test('has one h1, a lang, no script (but on the search pages) and nothing from another origin', () => {
		// The staff editor (/admin/) is not a public page: tests/browser/editor.test.ts covers it.
		for (const file of htmlFiles(outDir).filter((f) => !f.includes('/admin/'))) {
			const doc = parse(readFileSync(file, 'utf8'));
			expect(doc.querySelectorAll('h1'), file).toHaveLength(1);
			expect(doc.querySelector('html')!.getAttribute('lang'), file).toMatch(/^(fr|en)$/);
			expect(doc.querySelectorAll('iframe, [src^="http"], [href^="http"][rel="stylesheet"]'), file).toHaveLength(0);
			const scripts = doc.querySelectorAll('script');
			if (/\/(recherche|search)\/index\.html$/.test(file)) expect(scripts.every((sc) => !sc.getAttribute('src')?.startsWith('http')), file).toBe(true);
			else expect(scripts, file).toHaveLength(0);
		}
	});
	test('the poster carries the site address and a QR code', () => {
		const poster = page('affiche');
		expect(text(poster)).toContain('https://status.testville.example/crise/');
		expect(poster.querySelector('.qr svg')).not.toBeNull();
	});
});

describe('the build', () => {
	// With telemetry on, Astro records its notice and an anonymous id in <XDG_CONFIG_HOME>/astro/config.json,
	// then sends usage data under that id (tests/support/build-site.ts gives each build its own XDG_CONFIG_HOME).
	// Both builds run as on a staff member's computer (CI=false): on a CI machine Astro skips the notice anyway.
	const telemetryRecord = (build: Build) => join(dirname(build.outDir), 'config', 'astro', 'config.json');
	test('sends nothing to Astro and records nothing: the kit starts Astro with its telemetry off', () => {
		const build = buildSite('tests/fixtures/town2', { env: { CI: 'false' } });
		try {
			expect(build.status, build.output).toBe(0);
			expect(build.output).not.toContain('anonymous usage data');
			expect(existsSync(join(dirname(build.outDir), 'config'))).toBe(false);
		} finally {
			build.remove();
		}
	});
	test('sends nothing to Astro either when started as `npx astro build`: no anonymous id is made to send it under', () => {
		const build = buildSite('tests/fixtures/town2', { launcher: false, env: { CI: 'false' } });
		try {
			expect(build.status, build.output).toBe(0);
			const record = existsSync(telemetryRecord(build)) ? readFileSync(telemetryRecord(build), 'utf8') : '';
			expect(record).not.toContain('anonymousId');
		} finally {
			build.remove();
		}
	});
});

describe('bad content', () => {
	test('fails the build with every problem listed, no stack trace, and writes no page', () => {
		const dir = mkdtempSync(join(tmpdir(), 'bad-'));
		cpSync('tests/fixtures/site', dir, { recursive: true });
		writeFileSync(join(dir, 'updates/bad.md'), '---\ntitle: x\ndate: 2024-06-25T10:00+02:00\nkind: information\nservices: [etat-civl]\n---\n');
		writeFileSync(join(dir, 'places/ecole.yaml'), 'name: École\n');
		const build = buildSite(dir);
		expect(build.status).not.toBe(0);
		expect(build.output).toContain('updates/bad.md:5 — champ « services[0] »');
		expect(build.output).toContain('vouliez-vous dire « etat-civil » ?');
		expect(build.output).toContain('places/ecole.yaml');
		// Staff see their problems, not Astro reporting an "unhandled error" with a stack trace into the config.
		expect(build.output).not.toMatch(/unhandled error|Stack trace|^\s+at /m);
		expect(existsSync(join(build.outDir, 'index.html'))).toBe(false);
	});
});
