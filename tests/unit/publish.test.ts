import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { publishSchema } from '../../src/schemas/publishing.ts';
import { publicKeyFingerprint, signingKeys } from '../../src/lib/publish/fingerprint.ts';
import { contentSecurityPolicy, cspHash, headersFile, htaccessFile, inlineElements, MAX_HASHES, mergeInline, nginxSnippet, securePage, securityContact, securityHeaders, securityTxt, sitePolicy, TooManyHashesError } from '../../src/lib/publish/headers.ts';
import { compareWithManifest, createManifest, isSafePath, manifestForFolder, parseHeadersFile, parseManifest, serializeManifest, sha256, type Found } from '../../src/lib/publish/manifest.ts';
import { expandPath, syncCommand, targetLabel } from '../../src/lib/publish/targets.ts';
import { copiesBehind, freshnessProblems, NO_BUILDS_SEEN, readSeenBuilds, recordBuilds, seenBuildsFile, writeSeenBuilds } from '../../src/lib/publish/seen-builds.ts';
import { compareHeaders, isClean, linkedPaths, readBounded, verifyFolder } from '../../src/lib/publish/verify.ts';
import { copySigningFiles } from '../../src/lib/publish/integration.ts';
import { resign, TEST_ALLOWED_SIGNERS, TEST_PUBLIC_KEY } from '../fixtures/signing/test-site.ts';

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

describe('a genuine copy must also be current (freshness, after TUF)', () => {
	const manifest = { ...createManifest([], meta('https://info.ville.fr/')), mirrors: ['https://secours.ville.fr/crise/'] };
	const before = new Date('2024-07-01T00:00:00Z');
	const after = new Date('2024-07-03T16:00:00Z');
	test.each([
		['before its expiry, at its address', before, 'https://info.ville.fr/', []],
		['at a mirror, written without the final slash', before, 'https://secours.ville.fr/crise', []],
		['on disk (no address)', before, undefined, []],
		['at its expiry', after, 'https://info.ville.fr/', ['expired']],
		['at another address', before, 'https://info-ville.example/', ['wrong-address']],
		['at its address over plain http', before, 'http://info.ville.fr/', ['wrong-address']],
		['expired and elsewhere', after, 'https://secours.ville.fr/', ['expired', 'wrong-address']],
	] as const)('a copy %s: %j', (_, now, address, kinds) => {
		expect(freshnessProblems(manifest, { now, address }).map((p) => p.kind)).toEqual(kinds);
	});
	test('the address problem names the addresses the publication was signed for', () => {
		expect(freshnessProblems(manifest, { now: before, address: 'https://x.example/' })[0]?.detail).toBe('https://info.ville.fr/, https://secours.ville.fr/crise/');
	});

	const site = 'https://info.ville.fr/';
	const monday = { site, builtAt: '2024-06-24T10:00:00.000Z', from: 'https://secours.ville.fr/' };
	const friday = { site, builtAt: '2024-06-28T16:00:00.000Z', from: 'https://info.ville.fr/' };
	const now = new Date('2024-06-28T17:00:00Z');
	test('the newest build seen per site is remembered, and never goes back to an older one', () => {
		const seen = recordBuilds(NO_BUILDS_SEEN, [friday], now);
		expect(seen.sites).toEqual({ [site]: { builtAt: friday.builtAt, seenAt: now.toISOString(), from: friday.from } });
		expect(recordBuilds(seen, [monday], new Date('2024-06-29T00:00:00Z'))).toEqual(seen);
		expect(Object.keys(recordBuilds(seen, [{ ...monday, site: 'https://autre.example' }], now).sites)).toEqual([site, 'https://autre.example/']);
	});
	test('a copy older than a build seen before, or than another copy checked at once, is behind', () => {
		const seen = recordBuilds(NO_BUILDS_SEEN, [friday], now);
		expect(copiesBehind(seen, [monday], now)).toEqual([{ copy: monday, newest: seen.sites[site] }]);
		expect(copiesBehind(NO_BUILDS_SEEN, [monday, friday], now)).toEqual([{ copy: monday, newest: { builtAt: friday.builtAt, seenAt: now.toISOString(), from: friday.from } }]);
		expect(copiesBehind(seen, [friday, { ...friday, from: 'https://secours.ville.fr/' }], now)).toEqual([]);
	});
	test('the state file is in the user cache folder, or where the environment says', () => {
		expect(seenBuildsFile({}, '/home/com')).toBe('/home/com/.cache/town-site-verify/newest-builds.json');
		expect(seenBuildsFile({ XDG_CACHE_HOME: '/var/cache/com' }, '/home/com')).toBe('/var/cache/com/town-site-verify/newest-builds.json');
		expect(seenBuildsFile({ TOWN_SITE_VERIFY_STATE: '/tmp/s.json', XDG_CACHE_HOME: '/x' }, '/home/com')).toBe('/tmp/s.json');
	});
	test('the state file is written whole and read back; a missing one means nothing seen, a damaged one is named', () => {
		const file = join(mkdtempSync(join(tmpdir(), 'seen-')), 'deep', 'newest-builds.json');
		expect(readSeenBuilds(file)).toEqual(NO_BUILDS_SEEN);
		const seen = recordBuilds(NO_BUILDS_SEEN, [friday], now);
		writeSeenBuilds(file, seen);
		expect(readSeenBuilds(file)).toEqual(seen);
		writeFileSync(file, '{"format": "town-site-verify-state/1", "sites": {"x": 1}}');
		expect(() => readSeenBuilds(file)).toThrow(`${file} is damaged: delete it`);
	});
});

describe('reading a copy on disk never follows a link, opens a special file or reads past the signed size', () => {
	const dir = mkdtempSync(join(tmpdir(), 'bounded-'));
	writeFileSync(join(dir, 'page.html'), 'x'.repeat(100));
	symlinkSync('/dev/zero', join(dir, 'zero'));
	symlinkSync('page.html', join(dir, 'lien'));
	spawnSync('mkfifo', [join(dir, 'tube')]);
	test.each([
		['a regular file within its size', 'page.html', 100, { data: Buffer.from('x'.repeat(100)) }],
		['a regular file larger than the limit', 'page.html', 10, { tooLarge: 100 }],
		['a link to /dev/zero', 'zero', 100, { refused: 'symbolic link' }],
		['a link to a regular file', 'lien', 100, { refused: 'symbolic link' }],
		['a FIFO (would block forever)', 'tube', 100, { refused: 'FIFO' }],
		['a device', '/dev/zero', 100, { refused: 'device' }],
		['a missing file', 'absent', 100, { absent: true }],
	] as const)('%s', (_, name, limit, expected) => {
		expect(readBounded(name.startsWith('/') ? name : join(dir, name), limit)).toEqual(expected);
	});
});

describe('verifying a signed folder holding links and special files', () => {
	const dir = mkdtempSync(join(tmpdir(), 'hostile-copy-'));
	beforeAll(() => {
		const site = files({ 'index.html': '<h1>Accueil</h1>', 'a/page.html': 'page', 'rib.txt': 'IBAN' });
		for (const { path, data } of site) {
			mkdirSync(join(dir, path, '..'), { recursive: true });
			writeFileSync(join(dir, path), data);
		}
		writeFileSync(join(dir, 'manifest.json'), serializeManifest(createManifest(site, meta())));
		resign(dir, (m) => m);
		// After signing: a listed page swapped for a link to /dev/zero, another grown, a FIFO and a link to a folder added.
		rmSync(join(dir, 'index.html'));
		symlinkSync('/dev/zero', join(dir, 'index.html'));
		writeFileSync(join(dir, 'rib.txt'), 'IBAN'.repeat(1 << 20));
		spawnSync('mkfifo', [join(dir, 'a/tube')]);
		symlinkSync('/etc', join(dir, 'etc'));
	});
	test('each is named and none is read: the check ends', () => {
		const report = verifyFolder(dir, TEST_ALLOWED_SIGNERS);
		expect(report.signature.ok).toBe(true);
		expect(report.differences).toEqual([
			{ kind: 'refused', path: 'a/tube', detail: 'FIFO' },
			{ kind: 'refused', path: 'etc', detail: 'symbolic link' },
			{ kind: 'refused', path: 'index.html', detail: 'symbolic link' },
			{ kind: 'changed', path: 'rib.txt', detail: 'larger than the 4 bytes signed' },
		]);
		expect(report.checked).toBe(1);
		expect(isClean(report)).toBe(false);
	});
	test('a manifest that is a link is refused unread', () => {
		const copy = mkdtempSync(join(tmpdir(), 'link-manifest-'));
		symlinkSync('/dev/zero', join(copy, 'manifest.json'));
		writeFileSync(join(copy, 'manifest.json.sig'), 'x');
		expect(verifyFolder(copy, TEST_ALLOWED_SIGNERS).signature).toEqual({ ok: false, message: 'manifest.json is a symbolic link: refused, not read' });
	});
	test('the folder given may itself be a link, as a deployed live path is', () => {
		const link = join(mkdtempSync(join(tmpdir(), 'live-')), 'site');
		symlinkSync(dir, link);
		expect(verifyFolder(link, TEST_ALLOWED_SIGNERS).differences).toHaveLength(4);
	});
});

describe('the security headers a server sends', () => {
	const expected = securityHeaders("default-src 'self'");
	const sent = (changes: Record<string, string | null> = {}) => {
		const headers = new Headers(expected);
		for (const [name, value] of Object.entries(changes)) value === null ? headers.delete(name) : headers.set(name, value);
		return headers;
	};
	test('as signed on every page: nothing to say', () => {
		const checks = compareHeaders(expected, [{ path: 'index.html', headers: sent() }, { path: 'en/index.html', headers: sent({ 'Content-Security-Policy': "default-src  'self' " }) }]);
		expect(checks.every((c) => c.pages === 2 && c.absentOn === 0 && !c.different)).toBe(true);
	});
	test('weakened on one page: the header, the page and what was sent are named', () => {
		const checks = compareHeaders(expected, [{ path: 'index.html', headers: sent() }, { path: 'faq/index.html', headers: sent({ 'Content-Security-Policy': "default-src * 'unsafe-inline'" }) }]);
		expect(checks.find((c) => c.different)).toEqual({ name: 'Content-Security-Policy', expected: "default-src 'self'", pages: 2, absentOn: 0, different: { path: 'faq/index.html', sent: "default-src * 'unsafe-inline'" } });
	});
	test('not sent: counted per header', () => {
		const checks = compareHeaders(expected, [{ path: 'index.html', headers: sent({ 'X-Frame-Options': null }) }]);
		expect(checks.filter((c) => c.absentOn).map((c) => c.name)).toEqual(['X-Frame-Options']);
	});
});

describe('the nginx snippet', () => {
	test('serves calendars as text/calendar, without a location that would drop the security headers', () => {
		const nginx = nginxSnippet(securityHeaders("default-src 'self'"), '/ville/');
		const ics = nginx.split('\n').find((l) => l.startsWith('location') && l.includes('.ics'));
		expect(ics).toBe('location ~* ^/ville/.*\\.ics$ { types { } default_type text/calendar; charset_types text/calendar; }');
		expect(ics).not.toContain('add_header');
	});
});
