import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { publishSchema } from '../../src/schemas/publishing.ts';
import { publicKeyFingerprint, signingKeys } from '../../src/lib/publish/fingerprint.ts';
import { contentSecurityPolicy, cspHash, headersFile, htaccessFile, inlineElements, MAX_HASHES, mergeInline, nginxSnippet, securePage, securityContact, securityHeaders, securityTxt, sitePolicy, TooManyHashesError } from '../../src/lib/publish/headers.ts';
import { compareWithManifest, createManifest, isSafePath, manifestForFolder, parseManifest, serializeManifest, sha256 } from '../../src/lib/publish/manifest.ts';
import { expandPath, syncCommand, targetLabel } from '../../src/lib/publish/targets.ts';
import { linkedPaths } from '../../src/lib/publish/verify.ts';
import { copySigningFiles } from '../../src/lib/publish/integration.ts';
import { TEST_PUBLIC_KEY } from '../fixtures/signing/test-site.ts';

const builtAt = new Date('2024-06-28T16:00:00Z');
const files = (entries: Record<string, string>) => Object.entries(entries).map(([path, text]) => ({ path, data: Buffer.from(text) }));

describe('the manifest', () => {
	test('lists every file with its SHA-256 and size, sorted by path, with the build time and the site', () => {
		const manifest = createManifest(files({ 'index.html': '<h1>Accueil</h1>', '.htaccess': 'x', 'a/b.txt': '' }), { site: 'https://info.ville.fr/', builtAt });
		expect(manifest).toEqual({
			format: 'town-site-manifest/1',
			site: 'https://info.ville.fr/',
			builtAt: '2024-06-28T16:00:00.000Z',
			files: [
				{ path: '.htaccess', sha256: createHash('sha256').update('x').digest('hex'), size: 1, hostConfig: true },
				{ path: 'a/b.txt', sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', size: 0 },
				{ path: 'index.html', sha256: sha256('<h1>Accueil</h1>'), size: 16 },
			],
		});
	});
	test('never lists itself or its signature', () => {
		const manifest = createManifest(files({ 'manifest.json': '{}', 'manifest.json.sig': 'sig', 'index.html': '' }), { site: 'https://x.fr/', builtAt });
		expect(manifest.files.map((f) => f.path)).toEqual(['index.html']);
	});
	test('marks the host configuration files, which a host may hide', () => {
		const manifest = createManifest(files({ '_headers': '', '_hosting/nginx.conf': '', 'sous/.htaccess': '', 'headers.html': '' }), { site: 'https://x.fr/', builtAt });
		expect(manifest.files.filter((f) => f.hostConfig).map((f) => f.path)).toEqual(['_headers', '_hosting/nginx.conf', 'sous/.htaccess']);
	});
	test('is written as JSON that reads back identical, one file per line', () => {
		const manifest = createManifest(files({ 'b.html': 'b', 'a.html': 'a' }), { site: 'https://x.fr/', builtAt });
		const text = serializeManifest(manifest);
		expect(parseManifest(text)).toEqual(manifest);
		expect(text.split('\n').filter((l) => l.includes('"sha256"'))).toHaveLength(2);
		expect(parseManifest(serializeManifest({ ...manifest, files: [] })).files).toEqual([]);
	});
	test('made from a folder, covers files in sub-folders and dot files', () => {
		const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
		mkdirSync(join(dir, '.well-known'));
		mkdirSync(join(dir, 'services/etat-civil'), { recursive: true });
		writeFileSync(join(dir, '.well-known/security.txt'), 'Contact: x');
		writeFileSync(join(dir, 'services/etat-civil/index.html'), 'page');
		expect(manifestForFolder(dir, { site: 'https://x.fr/', builtAt }).files.map((f) => f.path)).toEqual(['.well-known/security.txt', 'services/etat-civil/index.html']);
	});
	test('refuses paths that leave the site folder, whether building or reading one', () => {
		for (const path of ['../etc/passwd', '/etc/passwd', 'a//b', 'a/./b', 'a\\b', '']) expect(isSafePath(path), path).toBe(false);
		expect(() => createManifest(files({ '../x': '' }), { site: 'https://x.fr/', builtAt })).toThrow('unsafe path');
		const evil = JSON.stringify({ format: 'town-site-manifest/1', site: 'x', builtAt: 'x', files: [{ path: '../../etc/passwd', sha256: 'a'.repeat(64), size: 1 }] });
		expect(() => parseManifest(evil)).toThrow('not a town-site-manifest/1 manifest');
		expect(() => parseManifest('not json')).toThrow('not valid JSON');
	});
	test('compared with a full listing, names each missing, changed and unexpected file', () => {
		const manifest = createManifest(files({ 'a.html': 'a', 'b.html': 'b', 'c.html': 'c' }), { site: 'https://x.fr/', builtAt });
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
	test('the site-wide policy merges every page, and past its hash limit stops the build naming pages, never allowing unsafe-inline', () => {
		const merged = mergeInline([inlineElements('<style>a{}</style>'), inlineElements('<style>b{}</style><script>c()</script>')]);
		expect(merged.styles).toHaveLength(2);
		expect(merged.hasScripts).toBe(true);
		const pages = new Map(Array.from({ length: MAX_HASHES + 1 }, (_, i) => [`/page-${i}/`, inlineElements(`<style>.c${i}{}</style>`)]));
		expect(() => sitePolicy(pages)).toThrow(TooManyHashesError);
		expect(() => sitePolicy(pages)).toThrow(/41 different inline <style> elements, more than 40.*never relaxed to 'unsafe-inline'.*first found in \/page-0\/, \/page-1\//);
		pages.delete('/page-0/');
		expect(sitePolicy(pages)).not.toContain('unsafe-inline');
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
		const { html, inline } = securePage(page);
		expect(html).toMatch(/^<html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-[^"]+"><meta name="referrer" content="no-referrer"><title>/);
		expect(inline).toEqual(inlineElements(page));
		expect(securePage('<html><head><title>x</title></head></html>').html).toMatch(/^<html><head><meta http-equiv="content-security-policy" content="[^"]+"><meta name="referrer" content="no-referrer"><title>/);
		expect(() => securePage('<p>no head</p>')).toThrow('no <head>');
	});
});

/** Text where content may put markup: only real elements count, wherever the same text appears. */
describe.each([
	// As Astro writes them: quotes escaped in attributes, < in text.
	['an attribute', (text: string) => `<meta name="description" content="${text.replace(/"/g, '&quot;')}">`],
	['the title', (text: string) => `<title>${text.replace(/</g, '&lt;')}</title>`],
	['a paragraph', (text: string) => `<p>${text.replace(/</g, '&lt;')}</p>`],
])('markup written in %s', (_where, place) => {
	const hostile = '<meta http-equiv=content-security-policy content="default-src *"><script>alert(1)</script><style>*{}</style>';
	const page = `<html><head><meta charset="utf-8">${place(hostile)}</head><body><p>x</p></body></html>`;
	test('adds no hash and does not open script-src', () => {
		expect(inlineElements(page)).toEqual({ scripts: [], styles: [], hasScripts: false });
		expect(contentSecurityPolicy(inlineElements(page))).toContain("script-src 'none'");
	});
	test('does not stop the page from getting its own policy', () => {
		expect(securePage(page).html).toContain(`<meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'none'; style-src 'self'; `);
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
