import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { contentSecurityPolicy, inlineElements } from '../../src/lib/publish/headers.ts';
import { listFiles, parseManifest, sha256 } from '../../src/lib/publish/manifest.ts';
import { hasProgram, prepareSite, runScript, TEST_ALLOWED_SIGNERS, TEST_PUBLIC_KEY } from '../fixtures/signing/test-site.ts';

/** Every file of a folder with its SHA-256: a snapshot to prove that nothing changed. */
const snapshot = (dir: string) => Object.fromEntries(listFiles(dir).map((p) => [p, sha256(readFileSync(join(dir, p)))]));
const verify = (target: string) => runScript('verify', [target, '--allowed-signers', TEST_ALLOWED_SIGNERS]);
// Where tests must not be skipped: CI installs rsync (.ci/run).
const rsync = hasProgram('rsync') ?? (process.env.CI ? 'rsync' : undefined);
const rclone = hasProgram('rclone') ?? (process.env.CI ? 'rclone' : undefined);

/** Extracts a zip archive with an independent reader (Python's zipfile, on every machine here). */
function unzipTo(zipFile: string, dir: string): void {
	const result = spawnSync('python3', ['-m', 'zipfile', '-e', zipFile, dir], { encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`zip archive unreadable: ${result.stderr}`);
}

describe('publishing to several targets when one fails', () => {
	const root = mkdtempSync(join(tmpdir(), 'publish-fail-'));
	const good = join(root, 'usb', 'site');
	// A path whose parent is a regular file: no folder can be made there, even by root.
	const inTheWay = join(root, 'not-a-folder');
	const broken = join(inTheWay, 'site');
	// A folder holding something else than a publication: publish must refuse to replace it.
	const foreign = join(root, 'documents');
	let result: { status: number | null; output: string };
	let before: { inTheWay: string; foreign: Record<string, string> };

	beforeAll(() => {
		mkdirSync(join(root, 'usb'));
		writeFileSync(inTheWay, 'a file where a folder was expected\n');
		mkdirSync(foreign);
		writeFileSync(join(foreign, 'budget.ods'), 'not a site');
		before = { inTheWay: readFileSync(inTheWay, 'utf8'), foreign: snapshot(foreign) };
		const { contentDir } = prepareSite(root, [
			{ name: 'cle-usb', type: 'folder', path: good },
			{ name: 'partage', type: 'folder', path: broken },
			{ name: 'documents', type: 'folder', path: foreign },
		]);
		result = runScript('publish', ['--content', contentDir]);
	});

	test('the good target is complete and consistent: verify passes on it', () => {
		expect(result.output).toContain('✓ publié : cle-usb');
		const check = verify(good);
		expect(check.output).toContain('✓ Copie conforme');
		expect(check.status, check.output).toBe(0);
		const manifest = parseManifest(readFileSync(join(good, 'manifest.json'), 'utf8'));
		expect(manifest.files.map((f) => f.path)).toContain('index.html');
	});
	test('the failing targets keep what was there before, and no temporary folder is left behind', () => {
		expect(readFileSync(inTheWay, 'utf8')).toBe(before.inTheWay);
		expect(snapshot(foreign)).toEqual(before.foreign);
		expect(readdirSync(root).sort()).toEqual(['content', 'documents', 'key', 'not-a-folder', 'usb']);
		expect(readdirSync(join(root, 'usb'))).toEqual(['site']);
	});
	test('the command names every failed target with the reason, and exits 1', () => {
		expect(result.status).toBe(1);
		expect(result.output).toMatch(/✗ ÉCHEC : partage \(folder .*not-a-folder\/site\) — .*not-a-folder n'est pas un dossier/);
		expect(result.output).toMatch(/✗ ÉCHEC : documents .* contient autre chose qu'une publication du site/);
		expect(result.output).toContain('2 cible(s) sur 3 en échec');
	});
});

describe('publishing with broken content', () => {
	test('stops before building or deploying anything, with every problem listed, and exits 1', () => {
		const root = mkdtempSync(join(tmpdir(), 'publish-bad-'));
		const target = join(root, 'site');
		mkdirSync(target);
		writeFileSync(join(target, 'manifest.json'), '{}');
		writeFileSync(join(target, 'index.html'), 'the live copy');
		const { contentDir } = prepareSite(root, [{ type: 'folder', path: target }]);
		writeFileSync(join(contentDir, 'updates/bad.md'), '---\ntitle: x\ndate: 2024-06-25T10:00+02:00\nkind: information\nservices: [etat-civl]\n---\n');
		const before = snapshot(target);
		const result = runScript('publish', ['--content', contentDir]);
		expect(result.status).toBe(1);
		expect(result.output).toContain('updates/bad.md:5');
		expect(result.output).toContain('vouliez-vous dire « etat-civil » ?');
		expect(result.output).toContain('Rien n’a été publié');
		expect(result.output).not.toContain('Construction du site');
		expect(snapshot(target)).toEqual(before);
	});
	test('stops when the signing key is not the one allowed_signers trusts', () => {
		const root = mkdtempSync(join(tmpdir(), 'publish-key-'));
		const target = join(root, 'site');
		const { contentDir, keyPath } = prepareSite(root, [{ type: 'folder', path: target }]);
		// The site trusts another key than the one that signs.
		writeFileSync(join(contentDir, 'signing/allowed_signers'), readFileSync('content/signing/allowed_signers'));
		const result = runScript('publish', ['--content', contentDir, '--key', keyPath]);
		expect(result.status).toBe(1);
		expect(result.output).toContain('La signature ne se vérifie pas');
		expect(existsSync(target)).toBe(false);
	});
});

describe('publishing to every kind of target', () => {
	const root = mkdtempSync(join(tmpdir(), 'publish-all-'));
	const folder = join(root, 'usb', 'site');
	const zip = join(root, 'site.zip');
	const rsyncDest = join(root, 'server', 'www');
	const rcloneDest = join(root, 'bucket');
	let result: { status: number | null; output: string };

	beforeAll(() => {
		// A previous publication: replaced whole, its stale page gone.
		mkdirSync(folder, { recursive: true });
		writeFileSync(join(folder, 'manifest.json'), '{}');
		writeFileSync(join(folder, 'stale.html'), 'old page');
		mkdirSync(join(root, 'server'));
		writeFileSync(zip, 'previous archive');
		const targets: Record<string, unknown>[] = [
			{ name: 'cle-usb', type: 'folder', path: folder },
			{ name: 'archive', type: 'zip', path: zip },
		];
		if (rsync) targets.push({ name: 'serveur', type: 'rsync', destination: `${rsyncDest}/` });
		if (rclone) targets.push({ name: 'secours', type: 'rclone', remote: `:local:${rcloneDest}` });
		const { contentDir } = prepareSite(root, targets);
		result = runScript('publish', ['--content', contentDir]);
	});

	test('succeeds and says so', () => {
		expect(result.output).toContain('✓ Signé par publication@testville.example');
		expect(result.status, result.output).toBe(0);
	});
	test('the folder replaces the previous publication whole, and verifies', () => {
		expect(existsSync(join(folder, 'stale.html'))).toBe(false);
		expect(verify(folder).status).toBe(0);
	});
	test('the zip archive holds the whole signed site', () => {
		const dir = mkdtempSync(join(tmpdir(), 'unzipped-'));
		unzipTo(zip, dir);
		const check = verify(dir);
		expect(check.status, check.output).toBe(0);
	});
	test.skipIf(!rsync)('rsync leaves a copy that verifies', () => {
		const check = verify(rsyncDest);
		expect(check.status, check.output).toBe(0);
	});
	test.skipIf(!rclone)('rclone leaves a copy that verifies', () => {
		const check = verify(rcloneDest);
		expect(check.status, check.output).toBe(0);
	});
	test('the copy ships the hosting files, security.txt and the public key, all listed in the manifest', () => {
		const manifest = parseManifest(readFileSync(join(folder, 'manifest.json'), 'utf8'));
		const paths = manifest.files.map((f) => f.path);
		for (const file of ['_headers', '.htaccess', '_hosting/nginx.conf', '.well-known/security.txt', 'signing/allowed_signers', 'signing/test-only-signing-key.pub']) expect(paths).toContain(file);
		expect(manifest.files.filter((f) => f.hostConfig).map((f) => f.path)).toEqual(['.htaccess', '_headers', '_hosting/nginx.conf']);
		const securityTxt = readFileSync(join(folder, '.well-known/security.txt'), 'utf8');
		expect(securityTxt).toContain('Contact: mailto:securite@testville.example');
		expect(securityTxt).toContain('Canonical: https://status.testville.example/crise/.well-known/security.txt');
		const expires = Date.parse(/^Expires: (.+)$/m.exec(securityTxt)![1]!);
		expect((expires - Date.now()) / 86_400_000).toBeGreaterThan(170);
	});
	test('every inline style and script of every page is allowed by its own meta policy and by the site-wide headers', () => {
		const headersCsp = /Content-Security-Policy: (.+)/.exec(readFileSync(join(folder, '_headers'), 'utf8'))![1]!;
		const pages = listFiles(folder).filter((p) => p.endsWith('.html'));
		expect(pages.length).toBeGreaterThan(20);
		for (const page of pages) {
			const html = readFileSync(join(folder, page), 'utf8');
			const meta = parse(html).querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content');
			const inline = inlineElements(html);
			expect(meta, page).toBe(contentSecurityPolicy(inline, { forMeta: true }));
			for (const hash of [...inline.styles, ...inline.scripts]) {
				expect(meta, page).toContain(hash);
				expect(headersCsp, page).toContain(hash);
			}
		}
	});
	test('the official-channels page shows the fingerprint of the signing key, as ssh-keygen -l prints it', () => {
		const printed = spawnSync('ssh-keygen', ['-l', '-f', TEST_PUBLIC_KEY], { encoding: 'utf8' }).stdout.split(' ')[1];
		const page = parse(readFileSync(join(folder, 'canaux-officiels/index.html'), 'utf8'));
		expect(page.querySelector('.fingerprint')?.textContent).toBe(printed);
		expect(page.querySelector('#authenticity')?.parentNode?.textContent).toContain('signée avec la clé de la mairie');
		const en = parse(readFileSync(join(folder, 'en/official-channels/index.html'), 'utf8'));
		expect(en.querySelector('.fingerprint')?.textContent).toBe(printed);
	});
});
