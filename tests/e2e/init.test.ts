import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildSite } from '../support/build-site.ts';

const roots: string[] = [];
/** A fresh temporary folder, removed when the tests end. */
const tempRoot = (): string => {
	const root = mkdtempSync(join(tmpdir(), 'init-e2e-'));
	roots.push(root);
	return root;
};
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

const run = (script: string, args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', input: '' });
const TOWN = ['--town', 'Saint-Exemple-sur-Loire', '--phone', '02 47 00 12 34', '--email', 'mairie@saint-exemple.fr', '--site', 'https://info.saint-exemple.fr/'];

/** Every text file of a built site, with its path. */
function textFiles(dir: string): [string, string][] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile() && /\.(html|json|txt|xml|ics|js|css|pub)$|allowed_signers$/.test(e.name))
		.map((e) => [join(e.parentPath, e.name), readFileSync(join(e.parentPath, e.name), 'utf8')]);
}

describe('npm run init with flags, then one npm run new', () => {
	const root = tempRoot();
	const dir = join(root, 'content');
	const key = join(root, 'keys', 'signature');
	const builds: (() => void)[] = [];
	afterAll(() => builds.forEach((remove) => remove()));

	test('gives a standby site that checks, builds, shows the town and its phone, never the example town', () => {
		const init = run('scripts/init.ts', ['--dir', dir, ...TOWN, '--mirror', 'https://secours.saint-exemple.fr/', '--services', 'etat-civil,elections,cantine,standard-telephonique,messagerie,paiements', '--key', key]);
		expect(init.status, init.stderr).toBe(0);
		expect(init.stdout).toContain('Étapes suivantes');
		expect(existsSync(key)).toBe(true);
		expect(readFileSync(join(dir, 'signing', 'allowed_signers'), 'utf8')).toMatch(/^mairie@saint-exemple\.fr namespaces="file" ssh-ed25519 \S+\n$/);
		expect(readFileSync(join(dir, 'signing', 'signature.pub'), 'utf8')).toBe(readFileSync(`${key}.pub`, 'utf8'));

		const check = run('scripts/check.ts', ['--dir', dir]);
		expect(check.status, check.stdout).toBe(0);
		const warnings = check.stdout.split('\n').filter((line) => line.startsWith('  ! '));
		expect(warnings).toHaveLength(23);
		expect(warnings.filter((line) => !line.includes('[À COMPLÉTER'))).toEqual([]);

		const build = buildSite(dir);
		builds.push(build.remove);
		expect(build.status, build.output).toBe(0);
		const home = readFileSync(join(build.outDir, 'index.html'), 'utf8');
		expect(home).toContain('Saint-Exemple-sur-Loire');
		// The number is a link to call, its groups held together by no-break spaces.
		expect(home.replace(/\u00a0/g, ' ')).toContain('02 47 00 12 34');
		expect(home).toContain('href="tel:+33247001234"');
		expect(home).toContain('Aucun incident en cours');
		expect(readFileSync(join(build.outDir, 'affiche/index.html'), 'utf8')).toContain('Le site officiel qui vous informe en cas de panne informatique ou de cyberattaque');
		expect(readFileSync(join(build.outDir, 'en/services/etat-civil/index.html'), 'utf8')).toContain('Civil registration');
		for (const page of ['sabonner/index.html', 'canaux-officiels/index.html']) expect(existsSync(join(build.outDir, page)), page).toBe(true);
		for (const [path, text] of textFiles(build.outDir)) expect(text, path).not.toMatch(/fleury|aubrais/i);
		expect(JSON.parse(readFileSync(join(build.outDir, 'api/v2/summary.json'), 'utf8')).status.indicator).toBe('none');
		expect(JSON.parse(readFileSync(join(build.outDir, 'status.json'), 'utf8')).overall).toMatchObject({ status: 'operational', affected: 0 });
		expect(readFileSync(join(build.outDir, 'status.txt'), 'utf8').split('\n')[0]!.length).toBeLessThanOrEqual(160);
	});

	test('one incident update later, the site is in crisis', () => {
		const update = run('scripts/new.ts', ['--dir', dir, '--kind', 'incident', '--title', 'Cyberattaque : la mairie passe au papier', '--body', 'Les ordinateurs sont arrêtés. Appelez le 02 47 00 12 34.']);
		expect(update.status, update.stderr).toBe(0);
		expect(update.stdout).toContain('── SMS');
		const build = buildSite(dir);
		builds.push(build.remove);
		expect(build.status, build.output).toBe(0);
		expect(JSON.parse(readFileSync(join(build.outDir, 'api/v2/summary.json'), 'utf8')).status.indicator).toBe('critical');
		expect(JSON.parse(readFileSync(join(build.outDir, 'status.json'), 'utf8')).overall.affected).toBeGreaterThan(0);
		expect(readFileSync(join(build.outDir, 'index.html'), 'utf8')).not.toContain('Aucun incident en cours');
	});

	test('refuses to overwrite a key, or to replace a site without --yes, and changes nothing', () => {
		const again = run('scripts/init.ts', ['--dir', dir, ...TOWN, '--key', key, '--yes']);
		expect(again.status).toBe(1);
		expect(again.stderr).toContain('Une clé existe déjà');
		const noYes = run('scripts/init.ts', ['--dir', dir, ...TOWN, '--key', join(root, 'keys', 'other')]);
		expect(noYes.status).toBe(1);
		expect(noYes.stderr).toContain('Ajoutez --yes');
		expect(existsSync(join(root, 'keys', 'other'))).toBe(false);
		expect(readdirSync(join(dir, 'updates'))).toHaveLength(1);
		const inside = run('scripts/init.ts', ['--dir', join(root, 'empty'), ...TOWN, '--key', join(root, 'empty', 'signing', 'key')]);
		expect(inside.stderr).toContain('ne doit pas être dans');
	});

	test('npm run messages gives the four texts as JSON', () => {
		const id = readdirSync(join(dir, 'updates'))[0]!.replace(/\.md$/, '');
		const result = run('scripts/messages.ts', [id, '--json', '--dir', dir]);
		expect(result.status, result.stderr).toBe(0);
		expect(Object.keys(JSON.parse(result.stdout))).toEqual(['sms', 'social', 'voicemail', 'alert']);
	});
});

test('init refuses unknown services and names the catalogue', () => {
	const root = tempRoot();
	mkdirSync(join(root, 'content'));
	writeFileSync(join(root, 'content', '.keep'), '');
	const result = run('scripts/init.ts', ['--dir', join(root, 'content'), ...TOWN, '--services', 'etat-civil,piscines', '--key', join(root, 'k')]);
	expect(result.status).toBe(1);
	expect(result.stderr).toContain('Services inconnus du catalogue : piscines');
	expect(existsSync(join(root, 'k'))).toBe(false);
});

test('init refuses answers that make an invalid site, before making the key or touching the content', () => {
	const root = tempRoot();
	mkdirSync(join(root, 'content'));
	writeFileSync(join(root, 'content', 'settings.yaml'), 'ancien contenu\n');
	const result = run('scripts/init.ts', ['--dir', join(root, 'content'), ...TOWN.slice(0, 4), '--email', 'mairie at saint-exemple', ...TOWN.slice(6), '--services', 'etat-civil', '--key', join(root, 'k'), '--yes']);
	expect(result.status).toBe(1);
	expect(result.stderr).toContain("rien n'a été modifié");
	expect(result.stderr).toContain('securityContact');
	expect(existsSync(join(root, 'k'))).toBe(false);
	expect(readdirSync(root)).toEqual(['content']);
	expect(readFileSync(join(root, 'content', 'settings.yaml'), 'utf8')).toBe('ancien contenu\n');
});

test.each([
	['a file, not a folder', (root: string) => join(root, 'notes.txt'), 'notes.txt est un fichier, pas un dossier'],
	['inside a file, where no folder can be made', (root: string) => join(root, 'notes.txt', 'content'), "Impossible d'écrire à côté de"],
])('init refuses a --dir that is %s, names it, and makes no key and no change', (_, dirIn, message) => {
	const root = tempRoot();
	writeFileSync(join(root, 'notes.txt'), 'mes notes\n');
	const result = run('scripts/init.ts', ['--dir', dirIn(root), ...TOWN, '--services', 'etat-civil', '--key', join(root, 'k'), '--yes']);
	expect(result.status).toBe(1);
	expect(result.stderr).toContain(message);
	expect(result.stderr).not.toMatch(/\n\s+at /);
	expect(readdirSync(root)).toEqual(['notes.txt']);
	expect(readFileSync(join(root, 'notes.txt'), 'utf8')).toBe('mes notes\n');
});
