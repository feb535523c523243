import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { publishSchema } from '../../src/schemas/publishing.ts';
import { publicKeyFingerprint, signingKeys } from '../../src/lib/publish/fingerprint.ts';
import { addSecurityMeta, contentSecurityPolicy, cspHash, headersFile, htaccessFile, inlineElements, mergeInline, nginxSnippet, securityContact, securityHeaders, securityTxt } from '../../src/lib/publish/headers.ts';
import { compareWithManifest, createManifest, isSafePath, manifestForFolder, parseHeadersFile, parseManifest, serializeManifest, sha256, type Found } from '../../src/lib/publish/manifest.ts';
import { expandPath, syncCommand, targetLabel } from '../../src/lib/publish/targets.ts';
import { linkedPaths } from '../../src/lib/publish/verify.ts';
import { copySigningFiles } from '../../src/lib/publish/integration.ts';
import { TEST_PUBLIC_KEY } from '../fixtures/signing/test-site.ts';

const builtAt = new Date('2024-06-28T16:00:00Z');
const expires = new Date('2024-07-03T16:00:00Z');
/** The build facts of a manifest, for an address. */
const meta = (site = 'https://x.fr/') => ({ site, mirrors: [], builtAt, expires });
const files = (entries: Record<string, string>) => Object.entries(entries).map(([path, text]) => ({ path, data: Buffer.from(text) }));

describe('the manifest', () => {
	test('lists every file with its SHA-256 and size, sorted by path, with the build time, expiry and addresses', () => {
		const manifest = createManifest(files({ 'index.html': '<h1>Accueil</h1>', '.htaccess': 'x', 'a/b.txt': '' }), meta('https://info.ville.fr/'));
		expect(manifest).toEqual({
			format: 'town-site-manifest/2',
			site: 'https://info.ville.fr/',
			mirrors: [],
			builtAt: '2024-06-28T16:00:00.000Z',
			expires: '2024-07-03T16:00:00.000Z',
			headers: [],
			files: [
				{ path: '.htaccess', sha256: createHash('sha256').update('x').digest('hex'), size: 1, hostConfig: true },
				{ path: 'a/b.txt', sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', size: 0 },
				{ path: 'index.html', sha256: sha256('<h1>Accueil</h1>'), size: 16 },
			],
		});
	});
	test('never lists itself or its signature', () => {
		const manifest = createManifest(files({ 'manifest.json': '{}', 'manifest.json.sig': 'sig', 'index.html': '' }), meta());
		expect(manifest.files.map((f) => f.path)).toEqual(['index.html']);
	});
	test('marks the host configuration files, which a host may hide', () => {
		const manifest = createManifest(files({ '_headers': '', '_hosting/nginx.conf': '', 'sous/.htaccess': '', 'headers.html': '' }), meta());
		expect(manifest.files.filter((f) => f.hostConfig).map((f) => f.path)).toEqual(['_headers', '_hosting/nginx.conf', 'sous/.htaccess']);
	});
	test('carries the security headers the build wrote in _headers, and the mirrors', () => {
		const headers = headersFile(securityHeaders("default-src 'self'"));
		const manifest = createManifest(files({ _headers: headers, 'index.html': '' }), { ...meta(), mirrors: ['https://secours.x.fr/'] });
		expect(manifest.headers).toEqual(securityHeaders("default-src 'self'"));
		expect(manifest.mirrors).toEqual(['https://secours.x.fr/']);
		expect(parseHeadersFile('# c\n/en/*\n  X-Other: 1\n/*\n  X-Frame-Options: DENY\n  Referrer-Policy:   no-referrer  \n')).toEqual([
			['X-Frame-Options', 'DENY'],
			['Referrer-Policy', 'no-referrer'],
		]);
	});
	test('must expire after its build; an old manifest without expiry is refused as such', () => {
		expect(() => createManifest(files({ 'index.html': '' }), { ...meta(), expires: builtAt })).toThrow('expire after its build');
		const old = JSON.stringify({ format: 'town-site-manifest/1', site: 'https://x.fr/', builtAt: builtAt.toISOString(), files: [] });
		expect(() => parseManifest(old)).toThrow('old format town-site-manifest/1, which has no expiry date');
	});
	test('is written as JSON that reads back identical, one file per line', () => {
		const manifest = createManifest(files({ 'b.html': 'b', 'a.html': 'a', _headers: '/*\n  X-Frame-Options: DENY\n' }), { ...meta(), mirrors: ['https://m.x.fr/'] });
		const text = serializeManifest(manifest);
		expect(parseManifest(text)).toEqual(manifest);
		expect(text.split('\n').filter((l) => l.includes('"sha256"'))).toHaveLength(3);
		expect(parseManifest(serializeManifest({ ...manifest, files: [] })).files).toEqual([]);
	});
	test('made from a folder, covers files in sub-folders and dot files', () => {
		const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
		mkdirSync(join(dir, '.well-known'));
		mkdirSync(join(dir, 'services/etat-civil'), { recursive: true });
		writeFileSync(join(dir, '.well-known/security.txt'), 'Contact: x');
		writeFileSync(join(dir, 'services/etat-civil/index.html'), 'page');
		expect(manifestForFolder(dir, meta()).files.map((f) => f.path)).toEqual(['.well-known/security.txt', 'services/etat-civil/index.html']);
	});
	test('refuses paths that leave the site folder, whether building or reading one', () => {
		for (const path of ['../etc/passwd', '/etc/passwd', 'a//b', 'a/./b', 'a\\b', '']) expect(isSafePath(path), path).toBe(false);
		expect(() => createManifest(files({ '../x': '' }), meta())).toThrow('unsafe path');
		const evil = JSON.stringify({ ...createManifest([], meta()), files: [{ path: '../../etc/passwd', sha256: 'a'.repeat(64), size: 1 }] });
		expect(() => parseManifest(evil)).toThrow('not a town-site-manifest/2 manifest');
		expect(() => parseManifest('not json')).toThrow('not valid JSON');
	});
	test('compared with a full listing, names each missing, changed and unexpected file', () => {
		const manifest = createManifest(files({ 'a.html': 'a', 'b.html': 'b', 'c.html': 'c' }), meta());
		const actual = new Map([
			['a.html', sha256('a')],
			['b.html', sha256('B')],
			['d.html', sha256('d')],
			['manifest.json', 'x'],
			['manifest.json.sig', 'x'],
		]);
		expect(compareWithManifest(manifest, actual)).toEqual([
			{ kind: 'changed', path: 'b.html' },
			{ kind: 'missing', path: 'c.html' },
			{ kind: 'unexpected', path: 'd.html' },
		]);
	});
	test('compared with a folder, names what is not a regular file, listed or not, with what it is', () => {
		const manifest = createManifest(files({ 'a.html': 'a', 'b.html': 'b' }), meta());
		const actual = new Map<string, Found>([
			['a.html', { kind: 'refused', detail: 'symbolic link' }],
			['b.html', { kind: 'changed', detail: 'larger than the 1 bytes signed' }],
			['tube', { kind: 'refused', detail: 'FIFO' }],
		]);
		expect(compareWithManifest(manifest, actual)).toEqual([
			{ kind: 'refused', path: 'a.html', detail: 'symbolic link' },
			{ kind: 'changed', path: 'b.html', detail: 'larger than the 1 bytes signed' },
			{ kind: 'refused', path: 'tube', detail: 'FIFO' },
		]);
	});
});

describe('the key fingerprint', () => {
	test('is what ssh-keygen -l prints, for the test key and the example site key', () => {
		for (const file of [TEST_PUBLIC_KEY, 'content/signing/site-mairie-signature.pub']) {
			const printed = spawnSync('ssh-keygen', ['-l', '-f', file], { encoding: 'utf8' }).stdout.split(' ')[1];
			expect(publicKeyFingerprint(readFileSync(file, 'utf8')).fingerprint, file).toBe(printed);
		}
	});
	test('is computed for RSA and ECDSA keys too', () => {
		const dir = mkdtempSync(join(tmpdir(), 'keys-'));
		for (const type of ['rsa', 'ecdsa']) {
			spawnSync('ssh-keygen', ['-q', '-t', type, '-N', '', '-C', `test ${type}`, '-f', join(dir, type)]);
			const printed = spawnSync('ssh-keygen', ['-l', '-f', join(dir, `${type}.pub`)], { encoding: 'utf8' }).stdout.split(' ')[1];
			const info = publicKeyFingerprint(readFileSync(join(dir, `${type}.pub`), 'utf8'));
			expect(info.fingerprint).toBe(printed);
			expect(info.comment).toBe(`test ${type}`);
		}
	});
	test('refuses what is not a public key line', () => {
		expect(() => publicKeyFingerprint('-----BEGIN OPENSSH PRIVATE KEY-----')).toThrow();
		expect(() => publicKeyFingerprint('ssh-ed25519 AAAAB3NzaC1yc2EAAAADAQABAAABAQ comment')).toThrow('does not match');
	});
	test('the build ships only allowed_signers and public keys, and stops on a private key in the signing folder', () => {
		const dir = mkdtempSync(join(tmpdir(), 'signing-'));
		const from = join(dir, 'signing');
		mkdirSync(from);
		writeFileSync(join(from, 'allowed_signers'), readFileSync('tests/fixtures/signing/allowed_signers'));
		writeFileSync(join(from, 'cle.pub'), readFileSync(TEST_PUBLIC_KEY));
		writeFileSync(join(from, 'notes.txt'), 'not shipped');
		expect(copySigningFiles(from, join(dir, 'out'))).toBe(2);
		writeFileSync(join(from, 'cle'), readFileSync('tests/fixtures/signing/test-only-signing-key'));
		expect(() => copySigningFiles(from, join(dir, 'out2'))).toThrow('is a PRIVATE key');
	});
	test('of a signing folder: every .pub file, by name', () => {
		const keys = signingKeys('tests/fixtures/signing');
		expect(keys.map((k) => k.file)).toEqual(['test-only-signing-key.pub']);
		expect(signingKeys('tests/fixtures/nowhere')).toEqual([]);
	});
});

/** Every source of every directive: none may name another origin. */
function sources(csp: string): string[] {
	return csp.split(';').flatMap((d) => d.trim().split(/\s+/).slice(1));
}
const FIRST_PARTY = /^('self'|'none'|'wasm-unsafe-eval'|'sha256-[A-Za-z0-9+/]+=*'|data:)$/;

describe('the security headers', () => {
	const page = '<html><head><meta charset="utf-8"><title>x</title><style>p{color:red}</style></head><body><script src="/x.js"></script><script>run()</script></body></html>';
	test('hash inline styles and scripts as browsers do (CR LF read as LF), not scripts with a src', () => {
		const inline = inlineElements(page);
		expect(inline.styles).toEqual([`'sha256-${createHash('sha256').update('p{color:red}').digest('base64')}'`]);
		expect(inline.scripts).toEqual([cspHash('run()')]);
		expect(inline.hasScripts).toBe(true);
		expect(cspHash('a\r\nb')).toBe(cspHash('a\nb'));
		expect(inlineElements('<script type="application/ld+json">{}</script>').scripts).toEqual([]);
	});
	test('the policy allows no third-party origin, only the page itself, its hashes and data: images', () => {
		const csp = contentSecurityPolicy(inlineElements(page));
		expect(csp).toMatch(/^default-src 'self'; /);
		for (const source of sources(csp)) expect(source).toMatch(FIRST_PARTY);
		for (const directive of ["object-src 'none'", "base-uri 'self'", "form-action 'none'", "frame-ancestors 'none'", "img-src 'self' data:"]) expect(csp).toContain(directive);
		expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
		expect(csp).not.toContain('unsafe-inline');
	});
	test('a page without script gets script-src none; the meta form leaves out frame-ancestors, which meta cannot carry', () => {
		const csp = contentSecurityPolicy(inlineElements('<style>p{}</style>'), { forMeta: true });
		expect(csp).toContain("script-src 'none'");
		expect(csp).not.toContain('frame-ancestors');
	});
	test('the site-wide policy merges every page, and falls back to unsafe-inline only past 40 hashes', () => {
		const merged = mergeInline([inlineElements('<style>a{}</style>'), inlineElements('<style>b{}</style><script>c()</script>')]);
		expect(merged.styles).toHaveLength(2);
		expect(merged.hasScripts).toBe(true);
		const many = mergeInline(Array.from({ length: 41 }, (_, i) => inlineElements(`<style>.c${i}{}</style>`)));
		expect(contentSecurityPolicy(many)).toContain("style-src 'self' 'unsafe-inline'");
	});
	test('every file carries the same headers: _headers, .htaccess and the nginx snippet', () => {
		const headers = securityHeaders("default-src 'self'");
		expect(headers.map(([name]) => name)).toEqual(['Content-Security-Policy', 'Strict-Transport-Security', 'X-Content-Type-Options', 'X-Frame-Options', 'Referrer-Policy', 'Permissions-Policy', 'Cross-Origin-Opener-Policy']);
		const netlify = headersFile(headers);
		const apache = htaccessFile(headers, '/ville/');
		const nginx = nginxSnippet(headers, '/ville/');
		for (const [name, value] of headers) {
			expect(netlify).toContain(`  ${name}: ${value}\n`);
			expect(apache).toContain(`Header always set ${name} "${value}"`);
			expect(nginx).toContain(`add_header ${name} "${value}" always;`);
		}
		expect(netlify).toMatch(/^#.*\n\/\*\n/);
		expect(apache).toContain('ErrorDocument 404 /ville/404.html');
		expect(nginx).toContain('error_page 404 /ville/404.html;');
		expect(nginx).toContain('location ~ ^/ville/(_headers$|_hosting/) { deny all; }');
	});
	test('the page gets its policy and referrer policy as meta, right after the charset and before any style', () => {
		const html = addSecurityMeta(page, "default-src 'self'");
		expect(html).toMatch(/^<html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src 'self'"><meta name="referrer" content="no-referrer"><title>/);
		expect(addSecurityMeta(html, 'other')).toBe(html);
	});
});

describe('security.txt', () => {
	test('gives the contact, expires about six months after the build, and names every copy', () => {
		const text = securityTxt({ contact: 'mailto:securite@ville.fr', builtAt, sites: ['https://info.ville.fr/crise/', 'https://secours.ville.fr'] });
		expect(text).toContain('Contact: mailto:securite@ville.fr\n');
		expect(text).toContain('Expires: 2024-12-27T16:00:00Z\n');
		expect(text).toContain('Canonical: https://info.ville.fr/crise/.well-known/security.txt\n');
		expect(text).toContain('Canonical: https://secours.ville.fr/.well-known/security.txt\n');
		expect(text).toContain('Preferred-Languages: fr, en\n');
	});
	test('the contact is the configured one, else the first working email address, else a working web page', () => {
		const contacts = [
			{ kind: 'email', value: 'old@ville.fr', working: false },
			{ kind: 'phone', value: '02 00 00 00 00', working: true },
			{ kind: 'email', value: 'accueil@ville.fr', working: true },
		];
		expect(securityContact('https://ville.fr/securite', contacts)).toBe('https://ville.fr/securite');
		expect(securityContact(undefined, contacts)).toBe('mailto:accueil@ville.fr');
		expect(securityContact(undefined, [{ kind: 'web', value: 'https://ville.fr/contact', working: true }])).toBe('https://ville.fr/contact');
		expect(securityContact(undefined, contacts.slice(0, 2))).toBeUndefined();
	});
});

describe('publish settings and targets', () => {
	test('accept the four kinds of target, and refuse an unknown one or a misplaced field', () => {
		const ok = publishSchema.safeParse({
			signer: 'publication@ville.fr',
			targets: [
				{ type: 'folder', path: '/media/usb/site' },
				{ type: 'zip', path: '~/site.zip' },
				{ type: 'rsync', destination: 'web@host:/var/www/' },
				{ type: 'rclone', remote: 'secours:bucket/site', options: ['--checksum'] },
			],
		});
		expect(ok.success).toBe(true);
		expect(publishSchema.safeParse({ signer: 'x', targets: [{ type: 'ftp', path: 'x' }] }).success).toBe(false);
		expect(publishSchema.safeParse({ signer: 'x', targets: [{ type: 'rsync', path: 'x' }] }).success).toBe(false);
		expect(publishSchema.safeParse({ signer: 'x', targets: [{ type: 'rclone', remote: '/not/a/remote' }] }).success).toBe(false);
	});
	test('rsync deletes stale files and swaps at the end; rclone syncs; both keep extra options', () => {
		expect(syncCommand({ type: 'rsync', destination: 'web@host:/var/www/', options: ['-e', 'ssh -p 2222'] }, '/tmp/build/')).toEqual(['rsync', '-a', '--delete', '--delay-updates', '--chmod=D755,F644', '-e', 'ssh -p 2222', '/tmp/build/', 'web@host:/var/www/']);
		expect(syncCommand({ type: 'rclone', remote: 'secours:site', options: [] }, '/tmp/build')).toEqual(['rclone', 'sync', '/tmp/build', 'secours:site']);
	});
	test('paths starting with ~ are in the home folder; reports name each target', () => {
		expect(expandPath('~/site.zip', '/home/com', '/projet')).toBe('/home/com/site.zip');
		expect(expandPath('sortie', '/home/com', '/projet')).toBe('/projet/sortie');
		expect(targetLabel({ type: 'folder', path: '/media/usb' })).toBe('folder /media/usb');
		expect(targetLabel({ name: 'secours', type: 'rclone', remote: 's:b', options: [] })).toBe('secours (rclone s:b)');
	});
});

describe('links found in a served page', () => {
	test('are the same-origin paths under the site, with folders read as their index.html', () => {
		const html = `<a href="/ville/faq/">f</a><a href="../autre.html#x">a</a><img src="img/a.png" srcset="img/a.png 1x, /ville/img/b.png 2x">
			<a href="https://ailleurs.example/">x</a><a href="/hors-site/">y</a><a href="mailto:a@b.fr">m</a><meta http-equiv="refresh" content="0; url=/ville/piege.html">`;
		const root = new URL('http://127.0.0.1:8080/ville/');
		expect(linkedPaths(html, new URL('http://127.0.0.1:8080/ville/services/index.html'), root).sort()).toEqual(['autre.html', 'faq/index.html', 'piege.html', 'services/img/a.png', 'img/b.png'].sort());
	});
});
