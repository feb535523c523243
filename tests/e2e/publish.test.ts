import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { contentSecurityPolicy, inlineElements } from '../../src/lib/publish/headers.ts';
import { listFiles, manifestForFolder, parseHeadersFile, parseManifest, serializeManifest, sha256 } from '../../src/lib/publish/manifest.ts';
import { releaseName } from '../../src/lib/publish/targets.ts';
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
		result = runScript('publish', ['--yes', '--content', contentDir]);
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
		expect(readdirSync(join(root, 'usb')).sort()).toEqual(['.site.releases', 'site']);
	});
	test('the command names every failed target with the reason, and exits 1', () => {
		expect(result.status).toBe(1);
		expect(result.output).toMatch(/✗ ÉCHEC : partage \(folder .*not-a-folder\/site\) — .*not-a-folder n'est pas un dossier/);
		expect(result.output).toMatch(/✗ ÉCHEC : documents .* contient autre chose qu'une publication du site/);
		expect(result.output).toContain('2 cibles sur 3 en échec');
	});
});

describe('publishing with a mistyped option', () => {
	test('prints the usage line, not a stack trace, and builds nothing', () => {
		const result = runScript('publish', ['--olny', 'cle-usb']);
		expect(result.status).toBe(2);
		expect(result.output).toContain("✗ Unknown option '--olny'");
		expect(result.output).toContain('Usage : npm run publish -- [--only <cible>]');
		expect(result.output).not.toMatch(/ERR_PARSE_ARGS|\n\s+at /);
		expect(result.output).not.toContain('Construction du site');
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
		const result = runScript('publish', ['--yes', '--content', contentDir]);
		expect(result.status).toBe(1);
		expect(result.output).toContain('updates/bad.md:5');
		expect(result.output).toContain('vouliez-vous dire « etat-civil » ?');
		expect(result.output).toContain('Rien n’a été publié');
		expect(result.output).not.toContain('Construction du site');
		expect(snapshot(target)).toEqual(before);
	});
	test('content with warnings is not published unasked: without a terminal to answer, it refuses and names --yes', () => {
		const root = mkdtempSync(join(tmpdir(), 'publish-warn-'));
		const target = join(root, 'site');
		const { contentDir } = prepareSite(root, [{ type: 'folder', path: target }]);
		const result = runScript('publish', ['--content', contentDir]);
		expect(result.output).toContain('avertissement');
		expect(result.output).toContain('relancez avec --yes pour publier quand même');
		expect(result.output).not.toContain('Construction du site');
		expect(result.status).toBe(1);
		expect(existsSync(target)).toBe(false);
	});
	test('without a signing key it stops before building and says how to create one', () => {
		const root = mkdtempSync(join(tmpdir(), 'publish-nokey-'));
		const target = join(root, 'site');
		const { contentDir } = prepareSite(root, [{ type: 'folder', path: target }]);
		const missing = join(root, 'no-such-key');
		const result = runScript('publish', ['--yes', '--content', contentDir, '--key', missing]);
		expect(result.status).toBe(1);
		expect(result.output).toContain(`Clé de signature introuvable : ${missing}`);
		expect(result.output).toContain(`ssh-keygen -t ed25519 -C "publication@ville.fr" -f ${missing}`);
		expect(result.output).not.toContain('Construction du site');
		expect(existsSync(target)).toBe(false);
	});
	test('stops when the signing key is not the one allowed_signers trusts', () => {
		const root = mkdtempSync(join(tmpdir(), 'publish-key-'));
		const target = join(root, 'site');
		const { contentDir, keyPath } = prepareSite(root, [{ type: 'folder', path: target }]);
		// The site trusts another key than the one that signs.
		writeFileSync(join(contentDir, 'signing/allowed_signers'), readFileSync('content/signing/allowed_signers'));
		const result = runScript('publish', ['--yes', '--content', contentDir, '--key', keyPath]);
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
	let contentDir: string;

	beforeAll(() => {
		// A previous publication: replaced whole, its stale page gone.
		mkdirSync(folder, { recursive: true });
		writeFileSync(join(folder, 'manifest.json'), '{}');
		writeFileSync(join(folder, 'stale.html'), 'old page');
		mkdirSync(join(root, 'server'));
		writeFileSync(zip, 'previous archive');
		// What a run killed while writing the archive left.
		mkdirSync(join(root, '.site.zip.new-k1ll3d'));
		const targets: Record<string, unknown>[] = [
			{ name: 'cle-usb', type: 'folder', path: folder },
			{ name: 'archive', type: 'zip', path: zip },
		];
		if (rsync) targets.push({ name: 'serveur', type: 'rsync', destination: `${rsyncDest}/` });
		if (rclone) targets.push({ name: 'secours', type: 'rclone', remote: `:local:${rcloneDest}` });
		({ contentDir } = prepareSite(root, targets));
		result = runScript('publish', ['--yes', '--content', contentDir]);
	});

	test('succeeds and says so', () => {
		expect(result.output).toContain('✓ Signé par publication@testville.example');
		expect(result.status, result.output).toBe(0);
	});
	test('the folder replaces the previous publication whole, and verifies', () => {
		expect(existsSync(join(folder, 'stale.html'))).toBe(false);
		expect(verify(folder).status).toBe(0);
	});
	test('the live folder is a link onto the new build in .site.releases/, the previous publication kept beside it', () => {
		const manifest = parseManifest(readFileSync(join(folder, 'manifest.json'), 'utf8'));
		expect(readlinkSync(folder)).toBe(`.site.releases/${releaseName(manifest.builtAt)}`);
		const releases = readdirSync(join(root, 'usb', '.site.releases')).sort();
		expect(releases).toHaveLength(2);
		const previous = releases.find((r) => r !== releaseName(manifest.builtAt))!;
		expect(readFileSync(join(root, 'usb', '.site.releases', previous, 'stale.html'), 'utf8')).toBe('old page');
	});
	test('the signed manifest says for which addresses, until when (publish.validDays, default 5 days) and with which security headers', () => {
		const manifest = parseManifest(readFileSync(join(folder, 'manifest.json'), 'utf8'));
		expect(manifest.site).toBe('https://status.testville.example/crise/');
		expect(manifest.mirrors).toEqual(['https://mirror.testville.example/']);
		expect(Date.parse(manifest.expires) - Date.parse(manifest.builtAt)).toBe(5 * 86_400_000);
		expect(manifest.headers.map(([name]) => name)).toContain('Content-Security-Policy');
		expect(manifest.headers).toEqual(parseHeadersFile(readFileSync(join(folder, '_headers'), 'utf8')));
		expect(result.output).toMatch(/valable jusqu’au \d{4}-/);
	});
	test('the zip archive replaces the previous one, and what a killed run left beside it is gone', () => {
		expect(readdirSync(root).filter((n) => n.startsWith('.site.zip'))).toEqual([]);
		expect(readFileSync(zip).subarray(0, 2).toString()).toBe('PK');
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
		// The staff editor has its own policy (src/lib/cms/admin-policy.ts, tested in tests/unit/cms-config.test.ts).
		const pages = listFiles(folder).filter((p) => p.endsWith('.html') && !p.startsWith('admin/'));
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
	// Last of this group: it starts from the publication above, on the USB key, and replaces it.
	test('npm run publish killed (kill -9) while deploying: the live copy still verifies, and the next run publishes and leaves no temporary folder', () => {
		const live = snapshot(folder);

		const killed = runScript('publish', ['--yes', '--content', contentDir, '--only', 'cle-usb'], { PUBLISH_KILL_AT: 'staged' });
		expect(killed.signal).toBe('SIGKILL');
		expect(snapshot(folder)).toEqual(live);
		expect(verify(folder).status).toBe(0);
		expect(readdirSync('.astro').filter((n) => n.startsWith(`publish-${killed.pid}-`))).toHaveLength(1);

		const again = runScript('publish', ['--yes', '--content', contentDir, '--only', 'cle-usb']);
		expect(again.status, again.output).toBe(0);
		expect(snapshot(folder)).not.toEqual(live);
		expect(readdirSync(join(root, 'usb')).sort()).toEqual(['.site.releases', 'site']);
		expect(readdirSync(join(root, 'usb', '.site.releases')).filter((n) => n.startsWith('.'))).toEqual([]);
		expect(readdirSync('.astro').filter((n) => n.startsWith(`publish-${killed.pid}-`))).toEqual([]);
	});
});

describe('a folder publication survives being killed, and two at once', () => {
	const targets = resolve('src/lib/publish/targets.ts');
	const manifestModule = resolve('src/lib/publish/manifest.ts');
	/** Deploys `build` to `dest` in a separate process, as `npm run publish` would, with `env` (PUBLISH_KILL_AT…). */
	const deployArgs = (build: string, dest: string) => [
		'--input-type=module',
		'-e',
		`import { readFileSync } from 'node:fs';
		import { deployFolder } from ${JSON.stringify(targets)};
		import { parseManifest } from ${JSON.stringify(manifestModule)};
		const [build, dest] = process.argv.slice(1);
		try {
			const links = process.env.LINKS === 'no' ? false : undefined;
			deployFolder(build, dest, parseManifest(readFileSync(build + '/manifest.json', 'utf8')), { lockWaitMs: Number(process.env.LOCK_WAIT_MS ?? 60000), links });
		} catch (error) {
			console.error(error.message);
			process.exit(1);
		}`,
		build,
		dest,
	];
	const deploy = (build: string, dest: string, env: NodeJS.ProcessEnv = {}) => {
		const result = spawnSync(process.execPath, deployArgs(build, dest), { env: { ...process.env, ...env }, encoding: 'utf8' });
		return { status: result.status, signal: result.signal, output: `${result.stdout}${result.stderr}` };
	};
	const deployAsync = (build: string, dest: string) =>
		new Promise<number | null>((done) => spawn(process.execPath, deployArgs(build, dest), { stdio: 'ignore' }).on('exit', (code) => done(code)));

	/** A small build made at `builtAt`, its pages naming it, with its manifest. */
	function makeBuild(root: string, label: string, builtAt: string): string {
		const dir = join(root, `build-${label}`);
		const site = Object.fromEntries([...Array(40).keys()].map((i) => [`page-${i}/index.html`, `<h1>${label} ${i}</h1>`]));
		for (const [path, text] of Object.entries({ ...site, 'index.html': `<h1>${label}</h1>` })) {
			mkdirSync(dirname(join(dir, path)), { recursive: true });
			writeFileSync(join(dir, path), text);
		}
		const manifest = manifestForFolder(dir, { site: 'https://x.example/', mirrors: [], builtAt: new Date(builtAt), expires: new Date(Date.parse(builtAt) + 86_400_000) });
		writeFileSync(join(dir, 'manifest.json'), serializeManifest(manifest));
		return dir;
	}
	const A = '2024-06-27T10:00:00.000Z';
	const B = '2024-06-28T16:00:00.000Z';
	/** A fresh parent folder with builds A and B. */
	function setup() {
		const root = mkdtempSync(join(tmpdir(), 'killed-'));
		mkdirSync(join(root, 'usb'));
		return { root, dest: join(root, 'usb', 'site'), a: makeBuild(root, 'A', A), b: makeBuild(root, 'B', B) };
	}

	test.each([
		['after copying the new build, before switching', 'staged', 'A'],
		['right after switching', 'switched', 'B'],
	] as const)('killed (SIGKILL) %s (%s): the live path is build %s whole, and the next run finishes and cleans up', (_, moment, live) => {
		const { dest, a, b } = setup();
		expect(deploy(a, dest).status).toBe(0);
		const killed = deploy(b, dest, { PUBLISH_KILL_AT: moment });
		expect(killed.signal).toBe('SIGKILL');
		expect(snapshot(dest)).toEqual(snapshot(live === 'A' ? a : b));

		const next = deploy(b, dest);
		expect(next.status, next.output).toBe(0);
		expect(snapshot(dest)).toEqual(snapshot(b));
		expect(readlinkSync(dest)).toBe(`.site.releases/${releaseName(B)}`);
		// The lock of the killed run, its temporary folders: gone. The previous build is kept for a rollback.
		expect(readdirSync(dirname(dest)).sort()).toEqual(['.site.releases', 'site']);
		expect(readdirSync(join(dirname(dest), '.site.releases')).sort()).toEqual([releaseName(A), releaseName(B)]);
	});

	test('publishing again keeps the previous build for a rollback and deletes older ones', () => {
		const { root, dest, a, b } = setup();
		const c = makeBuild(root, 'C', '2024-06-29T08:00:00.000Z');
		for (const build of [a, b, c]) expect(deploy(build, dest).status).toBe(0);
		expect(snapshot(dest)).toEqual(snapshot(c));
		expect(readdirSync(join(dirname(dest), '.site.releases')).sort()).toEqual([releaseName(B), '2024-06-29T08-00-00-000Z']);
	});

	test('the first publication over a folder of the old layout keeps it as the previous build; killed at that moment, the next run repairs it', () => {
		const { dest, a, b } = setup();
		cpSync(a, dest, { recursive: true });
		expect(deploy(b, dest, { PUBLISH_KILL_AT: 'moved-aside' }).signal).toBe('SIGKILL');
		expect(deploy(b, dest).status).toBe(0);
		expect(snapshot(dest)).toEqual(snapshot(b));
		expect(snapshot(join(dirname(dest), '.site.releases', releaseName(A)))).toEqual(snapshot(a));
	});

	test('what the old two-rename deploy left when killed between its renames (no live folder) is put back, then replaced', () => {
		const { dest, a, b } = setup();
		cpSync(a, join(dirname(dest), '.site.old-x1Y2z3'), { recursive: true });
		mkdirSync(join(dirname(dest), '.site.new-a1B2c3'));
		writeFileSync(join(dirname(dest), '.site.new-a1B2c3', 'index.html'), 'half a copy');
		expect(deploy(b, dest).status).toBe(0);
		expect(snapshot(dest)).toEqual(snapshot(b));
		expect(readdirSync(dirname(dest)).sort()).toEqual(['.site.releases', 'site']);
		expect(snapshot(join(dirname(dest), '.site.releases', releaseName(A)))).toEqual(snapshot(a));
	});

	test.each([
		['after copying the new build', 'staged', 'build A whole'],
		['between its two renames', 'moved-aside', 'absent (moved aside)'],
		['right after switching', 'switched', 'build B whole'],
	] as const)('without symbolic links (FAT USB key), killed %s (%s): the live folder is %s, and the next run puts it back and finishes', (_, moment, live) => {
		const { dest, a, b } = setup();
		const noLinks = { LINKS: 'no' };
		expect(deploy(a, dest, noLinks).status).toBe(0);
		expect(deploy(b, dest, { ...noLinks, PUBLISH_KILL_AT: moment }).signal).toBe('SIGKILL');
		if (live.startsWith('absent')) expect(existsSync(dest)).toBe(false);
		else expect(snapshot(dest)).toEqual(snapshot(live === 'build A whole' ? a : b));

		const next = deploy(b, dest, noLinks);
		expect(next.status, next.output).toBe(0);
		expect(lstatSync(dest).isDirectory()).toBe(true);
		expect(snapshot(dest)).toEqual(snapshot(b));
		expect(readdirSync(dirname(dest))).toEqual(['site']);
	});

	test('an older build never replaces a newer one', () => {
		const { dest, a, b } = setup();
		expect(deploy(b, dest).status).toBe(0);
		const older = deploy(a, dest);
		expect(older.status).toBe(1);
		expect(older.output).toContain(`une publication plus récente (construite le ${B}) est déjà en ligne`);
		expect(snapshot(dest)).toEqual(snapshot(b));
	});

	test('two publications at once: the newer build is live at the end, whichever started first', async () => {
		const { dest, a, b } = setup();
		await Promise.all([deployAsync(a, dest), deployAsync(b, dest)]);
		expect(snapshot(dest)).toEqual(snapshot(b));
		expect(existsSync(join(dirname(dest), '.site.lock'))).toBe(false);
	});

	test('a publication under way holds the lock: another waits, then gives up naming it', () => {
		const { dest, b } = setup();
		// This test process is alive: its lock is not stale.
		writeFileSync(join(dirname(dest), '.site.lock'), JSON.stringify({ pid: process.pid, host: hostname(), builtAt: A }));
		const blocked = deploy(b, dest, { LOCK_WAIT_MS: '300' });
		expect(blocked.status).toBe(1);
		expect(blocked.output).toContain('une autre publication est en cours vers ce dossier');
		expect(existsSync(dest)).toBe(false);
	});
});
