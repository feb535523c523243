import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freePort } from '../support/preview-server.ts';
import { hasProgram, prepareSite, resign, runScript, TEST_ALLOWED_SIGNERS } from '../fixtures/signing/test-site.ts';

// CI installs nginx (.ci/run); elsewhere, without it, these tests are skipped with a note.
const nginx = hasProgram('nginx') ?? (process.env.CI ? '/usr/sbin/nginx' : undefined);
if (!nginx) console.warn('nginx is not installed (apt-get install nginx): the HTTP verify tests are skipped');

/** The address the fixture site is signed for; nginx serves it on 127.0.0.1, so HTTP checks name it with --as. */
const OFFICIAL = 'https://status.testville.example/crise/';
const verify = (target: string, ...more: string[]) => runScript('verify', [target, '--allowed-signers', TEST_ALLOWED_SIGNERS, ...(/^https?:/.test(target) ? ['--as', OFFICIAL] : []), ...more]);
const verifyWith = (args: string[], env: NodeJS.ProcessEnv = {}) => runScript('verify', [...args, '--allowed-signers', TEST_ALLOWED_SIGNERS], env);
/** A copy of the publication, its manifest signed again with other build facts: a genuine copy, older or expired. */
function variant(dir: string, change: (manifest: Record<string, unknown>) => Record<string, unknown>): string {
	cpSync(diskCopy, dir, { recursive: true });
	resign(dir, change);
	return dir;
}
const daysFrom = (iso: unknown, days: number) => new Date(Date.parse(String(iso)) + days * 86_400_000).toISOString();

/**
 * A real nginx as a child process: its own configuration, pid and logs in a temporary folder,
 * `daemon off`, on 127.0.0.1 and a free port, serving `root` with the snippet the build generated.
 */
async function startNginx(root: string, snippet: string): Promise<{ origin: string; stop: () => Promise<void> }> {
	const dir = mkdtempSync(join(tmpdir(), 'nginx-'));
	const port = await freePort();
	const config = join(dir, 'nginx.conf');
	writeFileSync(
		config,
		`daemon off;
${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 64; }
http {
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	access_log off;
	client_body_temp_path ${dir}/body;
	proxy_temp_path ${dir}/proxy;
	fastcgi_temp_path ${dir}/fastcgi;
	uwsgi_temp_path ${dir}/uwsgi;
	scgi_temp_path ${dir}/scgi;
	server {
		listen 127.0.0.1:${port};
		root ${root};
		include ${snippet};
	}
}
`,
	);
	const child: ChildProcess = spawn(nginx!, ['-c', config, '-e', join(dir, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
	let stderr = '';
	child.stderr!.on('data', (chunk) => (stderr += chunk));
	const origin = `http://127.0.0.1:${port}`;
	const stop = async () => {
		if (child.exitCode === null) {
			const exited = new Promise((r) => child.once('exit', r));
			child.kill('SIGTERM');
			await exited;
		}
		rmSync(dir, { recursive: true, force: true });
	};
	for (let attempt = 0; attempt < 100; attempt++) {
		if (child.exitCode !== null) break;
		try {
			await fetch(`${origin}/`);
			return { origin, stop };
		} catch {
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	const log = readFileSync(join(dir, 'error.log'), 'utf8');
	await stop();
	throw new Error(`nginx did not start: ${stderr}\n${log}`);
}

// One publication of the fixture site, signed with the test key; a copy of it is kept for the disk tests.
const root = mkdtempSync(join(tmpdir(), 'verify-'));
// The fixture site lives under /crise/: nginx's root is the folder that holds crise/.
const www = join(root, 'www');
const site = join(www, 'crise');
const diskCopy = join(root, 'disk-copy');
beforeAll(() => {
	mkdirSync(www);
	const { contentDir } = prepareSite(root, [{ type: 'folder', path: site }]);
	const published = runScript('publish', ['--yes', '--content', contentDir]);
	expect(published.status, published.output).toBe(0);
	// The live path is a link onto .crise.releases/<build>: copy what it points to.
	cpSync(realpathSync(site), diskCopy, { recursive: true });
	// The snippet is copied out: the tests below alter the served folder.
	cpSync(join(site, '_hosting/nginx.conf'), join(root, 'nginx.conf'));
});

describe.skipIf(!nginx)('verify against a copy served by nginx', () => {
	let server: { origin: string; stop: () => Promise<void> } | undefined;
	let url: string;

	beforeAll(async () => {
		server = await startNginx(www, join(root, 'nginx.conf'));
		url = `${server.origin}/crise/`;
	});
	afterAll(async () => {
		await server?.stop();
	});

	test('nginx sends the generated security headers', async () => {
		const response = await fetch(url);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval' /);
		expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('x-frame-options')).toBe('DENY');
		expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
		expect((await fetch(`${url}.htaccess`)).status).toBe(403);
		expect((await fetch(`${url}.well-known/security.txt`)).status).toBe(200);
	});

	test('an untouched copy passes: good signature, every file as signed, the signed security headers sent', () => {
		const result = verify(url);
		expect(result.output).toContain('✓ Signature valide : publication@testville.example');
		expect(result.output).toContain('✓ En-têtes de sécurité : les 7 signés sont envoyés tels quels');
		expect(result.output).toContain('✓ Copie conforme');
		expect(result.status, result.output).toBe(0);
	});

	test('the hosting files the server refuses to serve are named, not skipped silently', () => {
		expect(verify(url).output).toContain('Non servis par l’hébergeur, comme il se doit : .htaccess (403), _headers (403), _hosting/nginx.conf (403)');
	});

	test('calendars are served as text/calendar, with the security headers', async () => {
		const response = await fetch(`${url}calendrier.ics`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'self'/);
		expect((await fetch(`${url}.htaccess`)).status).toBe(403);
	});

	test('a genuine copy found at an address it was not signed for is refused', () => {
		const result = verifyWith([url]);
		expect(result.output).toContain(`✗ MAUVAISE ADRESSE : cette publication est signée pour ${OFFICIAL}, https://mirror.testville.example/, pas pour ${url}`);
		expect(result.status).toBe(1);
	});

	test('several mirrors at once: the one behind the newest publication is named', () => {
		let older = '';
		variant(join(www, 'ancienne'), (m) => ({ ...m, builtAt: (older = daysFrom(m.builtAt, -1)) }));
		const result = verifyWith([url, `${server!.origin}/ancienne/`, '--as', OFFICIAL]);
		expect(result.output).toContain(`✗ EN RETARD : ${server!.origin}/ancienne/ a la publication du ${older}, plus ancienne que celle du`);
		expect(result.output).toContain(`✗ 1 copie sur 2 en échec : ${server!.origin}/ancienne/`);
		expect(result.status).toBe(1);
	});

	test('an older genuine copy served after a newer one was seen is refused; the newer one still passes', () => {
		const state = { TOWN_SITE_VERIFY_STATE: join(mkdtempSync(join(tmpdir(), 'seen-')), 'state.json') };
		expect(verifyWith([url, '--as', OFFICIAL], state).status).toBe(0);
		const replayed = verifyWith([`${server!.origin}/ancienne/`, '--as', OFFICIAL], state);
		expect(replayed.output).toMatch(/✗ EN RETARD : .*plus ancienne que celle du .*, vérifiée le /);
		expect(replayed.output).not.toContain('✓ Copie conforme');
		expect(replayed.status).toBe(1);
		expect(verifyWith([url, '--as', OFFICIAL], state).status).toBe(0);
	});

	test('a security header the server sends differently from the signed one fails the check, and is named', async () => {
		const weakened = join(root, 'nginx-weakened.conf');
		writeFileSync(weakened, readFileSync(join(root, 'nginx.conf'), 'utf8').replace(/add_header Content-Security-Policy "[^"]*"/, `add_header Content-Security-Policy "default-src * 'unsafe-inline'"`));
		const other = await startNginx(www, weakened);
		try {
			const result = verify(`${other.origin}/crise/`);
			expect(result.output).toContain("✗ en-tête   Content-Security-Policy : « default-src * 'unsafe-inline' » sur 404.html, signé « default-src 'self';");
			expect(result.output).toContain('6 sur 7 envoyés tels que signés');
			expect(result.status).toBe(1);
		} finally {
			await other.stop();
		}
	});

	test('the signature is checked against the trusted allowed_signers, not the one the copy ships', () => {
		// The example site's list trusts another key: the copy's own allowed_signers must not count.
		const result = runScript('verify', [url, '--allowed-signers', 'content/signing/allowed_signers']);
		expect(result.output).toContain('✗ SIGNATURE INVALIDE');
		expect(result.status).toBe(1);
	});

	test('an altered, an added (linked) and a removed file are each named, and verify exits 1', () => {
		const page = join(site, 'canaux-officiels/index.html');
		writeFileSync(page, readFileSync(page, 'utf8').replace(/<main([^>]*)>/, '<main$1><p><a href="/crise/paiement/">Payer ici</a></p>'));
		mkdirSync(join(site, 'paiement'));
		writeFileSync(join(site, 'paiement/index.html'), '<!doctype html><title>Payer</title><p>Envoyez votre RIB</p>');
		rmSync(join(site, 'mentions-legales/index.html'));

		const result = verify(url);
		expect(result.status).toBe(1);
		expect(result.output).toMatch(/✗ modifié +canaux-officiels\/index\.html/);
		expect(result.output).toMatch(/✗ inattendu +paiement\/index\.html \(lien depuis canaux-officiels\/index\.html\)/);
		expect(result.output).toMatch(/✗ manquant +mentions-legales\/index\.html/);
		expect(result.output).toContain('3 différences');
	});

	test('an address with no publication is reported as unreachable, not as a bad signature', () => {
		const result = verify(`${url}pas-ici/`);
		expect(result.output).toContain('✗ COPIE INJOIGNABLE OU INCOMPLÈTE');
		expect(result.output).not.toContain('SIGNATURE INVALIDE');
		expect(result.status).toBe(1);
	});

	test('a tampered manifest fails the signature check', () => {
		const manifest = join(site, 'manifest.json');
		writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('"site"', ' "site"'));
		const result = verify(url);
		expect(result.output).toContain('✗ SIGNATURE INVALIDE');
		expect(result.status).toBe(1);
	});
});

describe('verify a copy on disk', () => {
	test('an untouched copy passes', () => {
		const result = verify(diskCopy);
		expect(result.status, result.output).toBe(0);
	});
	test('an expired publication is refused, however genuine', () => {
		let expires = '';
		const copy = variant(join(root, 'expired'), (m) => ({ ...m, builtAt: daysFrom(m.builtAt, -10), expires: (expires = daysFrom(m.builtAt, -5)) }));
		const result = verify(copy);
		expect(result.output).toContain('✓ Signature valide');
		expect(result.output).toContain(`✗ EXPIRÉE depuis le ${expires}`);
		expect(result.status).toBe(1);
	});
	test('a publication in the old format, which has no expiry, is refused as such', () => {
		const copy = variant(join(root, 'format-1'), ({ mirrors: _m, expires: _e, headers: _h, ...m }) => ({ ...m, format: 'town-site-manifest/1' }));
		const result = verify(copy);
		expect(result.output).toContain('old format town-site-manifest/1, which has no expiry date');
		expect(result.status).toBe(1);
	});
	test('the newest build seen is remembered in the user cache folder', () => {
		const cache = mkdtempSync(join(tmpdir(), 'cache-'));
		expect(verifyWith([diskCopy], { TOWN_SITE_VERIFY_STATE: '', XDG_CACHE_HOME: cache }).status).toBe(0);
		const state = JSON.parse(readFileSync(join(cache, 'town-site-verify', 'newest-builds.json'), 'utf8'));
		expect(Object.keys(state.sites)).toEqual([OFFICIAL]);
	});
	test('links (to /dev/zero) and FIFOs are refused unread, and the check ends', () => {
		const copy = join(root, 'hostile');
		cpSync(diskCopy, copy, { recursive: true });
		rmSync(join(copy, 'index.html'));
		symlinkSync('/dev/zero', join(copy, 'index.html'));
		spawnSync('mkfifo', [join(copy, 'tube')]);
		const result = verify(copy);
		expect(result.output).toMatch(/✗ refusé +index\.html \(symbolic link\)/);
		expect(result.output).toMatch(/✗ refusé +tube \(FIFO\)/);
		expect(result.status).toBe(1);
	});
	test('a mistyped option prints the usage line, not a stack trace', () => {
		const result = runScript('verify', [diskCopy, '--allowed-signer', TEST_ALLOWED_SIGNERS]);
		expect(result.status).toBe(2);
		expect(result.output).toContain("✗ Unknown option '--allowed-signer'");
		expect(result.output).toContain('Usage : npm run verify -- <adresse https://… ou dossier>…');
		expect(result.output).not.toMatch(/ERR_PARSE_ARGS|\n\s+at /);
	});
	test('reports an added file that no page links to, which HTTP could not see', () => {
		writeFileSync(join(diskCopy, 'rib.txt'), 'IBAN FR76 …');
		const result = verify(diskCopy);
		expect(result.status).toBe(1);
		expect(result.output).toMatch(/✗ inattendu +rib\.txt/);
		expect(result.output).toContain('1 différence');
		// The report in English too.
		expect(runScript('verify', [diskCopy, '--allowed-signers', TEST_ALLOWED_SIGNERS, '--lang', 'en']).output).toMatch(/✗ unexpected +rib\.txt/);
	});
});

describe('verify over HTTP is bounded in size and time', () => {
	let server: Server;
	let origin: string;
	beforeAll(async () => {
		// Serves the publication, but index.html never ends and the legal page trickles one byte a second.
		server = createServer((request, response) => {
			const path = decodeURIComponent(new URL(request.url!, 'http://x').pathname.replace(/^\/crise\//, ''));
			if (path === 'index.html') {
				const chunk = Buffer.alloc(64 << 10, 'a');
				const pump = () => {
					while (!response.destroyed && response.write(chunk));
					if (!response.destroyed) response.once('drain', pump);
				};
				return pump();
			}
			if (path === 'mentions-legales/index.html') {
				const timer = setInterval(() => response.write('a'), 1000);
				return response.on('close', () => clearInterval(timer));
			}
			try {
				response.end(readFileSync(join(diskCopy, path)));
			} catch {
				response.writeHead(404).end();
			}
		});
		await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
		origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
	});
	afterAll(() => {
		server.closeAllConnections();
		server.close();
	});

	test('an endless body stops at the signed size, a trickling one at the time limit; both are named', async () => {
		const child = spawn(process.execPath, ['scripts/verify.ts', `${origin}/crise/`, '--as', OFFICIAL, '--timeout', '2', '--allowed-signers', TEST_ALLOWED_SIGNERS], {
			env: { ...process.env, TOWN_SITE_VERIFY_STATE: join(mkdtempSync(join(tmpdir(), 'seen-')), 's.json') },
		});
		let output = '';
		child.stdout!.on('data', (c) => (output += c));
		child.stderr!.on('data', (c) => (output += c));
		const status = await new Promise((done) => child.on('exit', done));
		const size = JSON.parse(readFileSync(join(diskCopy, 'manifest.json'), 'utf8')).files.find((f: { path: string }) => f.path === 'index.html').size;
		expect(output).toMatch(new RegExp(`✗ modifié +index\\.html \\(larger than the ${size} bytes signed\\)`));
		expect(output).toMatch(/✗ illisible +mentions-legales\/index\.html \(time limit reached\)/);
		expect(status).toBe(1);
	});
});
