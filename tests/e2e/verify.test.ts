import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freePort } from '../support/preview-server.ts';
import { hasProgram, prepareSite, runScript, TEST_ALLOWED_SIGNERS } from '../fixtures/signing/test-site.ts';

// CI installs nginx (.ci/run); elsewhere, without it, these tests are skipped with a note.
const nginx = hasProgram('nginx') ?? (process.env.CI ? '/usr/sbin/nginx' : undefined);
if (!nginx) console.warn('nginx is not installed (apt-get install nginx): the HTTP verify tests are skipped');

const verify = (target: string) => runScript('verify', [target, '--allowed-signers', TEST_ALLOWED_SIGNERS]);

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
	cpSync(site, diskCopy, { recursive: true });
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

	test('an untouched copy passes: good signature, every file as signed', () => {
		const result = verify(url);
		expect(result.output).toContain('✓ Signature valide : publication@testville.example');
		expect(result.output).toContain('✓ Copie conforme');
		expect(result.status, result.output).toBe(0);
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
		expect(result.output).toContain('3 différence(s)');
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
	test('reports an added file that no page links to, which HTTP could not see', () => {
		writeFileSync(join(diskCopy, 'rib.txt'), 'IBAN FR76 …');
		const result = verify(diskCopy);
		expect(result.status).toBe(1);
		expect(result.output).toMatch(/✗ inattendu +rib\.txt/);
		expect(result.output).toContain('1 différence(s)');
		// The report in English too.
		expect(runScript('verify', [diskCopy, '--allowed-signers', TEST_ALLOWED_SIGNERS, '--lang', 'en']).output).toMatch(/✗ unexpected +rib\.txt/);
	});
});
