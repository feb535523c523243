import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { byPath, compareWithManifest, MANIFEST_FILE, parseManifest, sha256, SIGNATURE_FILE, type Difference, type Found, type Manifest, type ManifestEntry } from './manifest.ts';
import { verifySignature, type SignatureCheck } from './sign.ts';
import { ADMIN_PATH } from '../cms/admin-policy.ts';

/** Larger than any real manifest (about 150 bytes a file) and signature: past this, a copy is refused unread. */
const MAX_MANIFEST_BYTES = 32 << 20;
const MAX_SIGNATURE_BYTES = 64 << 10;
/** A page the manifest does not list, or grown past its signed size, is read up to this size to follow its links. */
const MAX_UNEXPECTED_BYTES = 8 << 20;
/** At most this many unlisted files are fetched by following links: a hostile page may link millions. */
const MAX_FOLLOWED = 1000;

/** A security header the build asked for, as the server sent it on the pages read. */
export interface HeaderCheck {
	name: string;
	expected: string;
	/** Pages read. */
	pages: number;
	/** Pages served without it. */
	absentOn: number;
	/** The first page served with another value, and that value. */
	different?: { path: string; sent: string };
}

export interface VerifyReport {
	/** `folder`: every file of the copy is known. `http`: only the listed files and what pages link to. */
	mode: 'folder' | 'http';
	signature: SignatureCheck;
	/** Absent when the manifest could not be read or its signature is bad. */
	manifest?: Manifest;
	differences: Difference[];
	/** Files read and hashed. */
	checked: number;
	/** HTTP: the host configuration files the server refuses to serve (normal for most hosts), with its answer. */
	hidden?: { path: string; status: number }[];
	/** HTTP: the security headers of the manifest, compared with those the server sent with each page. */
	headers?: HeaderCheck[];
}

/** Whether a copy is exactly what was signed, served with no security header other than the signed ones. */
export const isClean = (report: VerifyReport): boolean =>
	report.signature.ok && report.manifest !== undefined && report.differences.length === 0 && !report.headers?.some((h) => h.different);

/** What a non-regular file is, for messages; `undefined` for a regular file. */
function specialKind(stats: Stats): string | undefined {
	if (stats.isFile()) return undefined;
	if (stats.isSymbolicLink()) return 'symbolic link';
	if (stats.isDirectory()) return 'folder';
	if (stats.isFIFO()) return 'FIFO';
	if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device';
	if (stats.isSocket()) return 'socket';
	return 'special file';
}

export type BoundedRead = { data: Buffer } | { refused: string } | { tooLarge: number } | { absent: true };

/**
 * Reads a regular file of at most `limit` bytes, and nothing else: a symbolic link (to `/dev/zero`…),
 * a FIFO or a device is refused without being opened for reading, and a file larger than `limit`
 * (or growing past it while read) is not read beyond `limit + 1` bytes.
 *
 * @example
 * readBounded('/media/usb/site/index.html', 20876); // → { data: <Buffer …> }
 * readBounded('/media/usb/site/piege', 100);        // → { refused: 'symbolic link' }
 */
export function readBounded(path: string, limit: number): BoundedRead {
	let stats: Stats;
	try {
		stats = lstatSync(path);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { absent: true };
		throw error;
	}
	const kind = specialKind(stats);
	if (kind) return { refused: kind };
	if (stats.size > limit) return { tooLarge: stats.size };
	let fd: number;
	try {
		// O_NOFOLLOW and O_NONBLOCK: if the file was swapped for a link or a FIFO since lstat, open neither follows nor waits.
		fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ELOOP') return { refused: 'symbolic link' };
		throw error;
	}
	try {
		const swapped = specialKind(fstatSync(fd));
		if (swapped) return { refused: swapped };
		const buffer = Buffer.alloc(Math.min(stats.size, limit) + 1);
		let total = 0;
		for (let n = -1; n !== 0 && total < buffer.length; total += n) n = readSync(fd, buffer, total, buffer.length - total, null);
		return total > Math.min(stats.size, limit) ? { tooLarge: total } : { data: buffer.subarray(0, total) };
	} finally {
		closeSync(fd);
	}
}

/** Every entry under a folder, by `/`-separated path: `file` or what else it is. Enters real sub-folders only. */
function walkFolder(root: string): Map<string, 'file' | { refused: string }> {
	const entries = new Map<string, 'file' | { refused: string }>();
	const walk = (sub: string) => {
		for (const entry of readdirSync(join(root, sub), { withFileTypes: true })) {
			const path = sub ? `${sub}/${entry.name}` : entry.name;
			if (entry.isDirectory()) walk(path);
			else if (entry.isFile()) entries.set(path, 'file');
			else entries.set(path, { refused: specialKind(lstatSync(join(root, path))) ?? 'special file' });
		}
	};
	walk('');
	return entries;
}

/** Why the manifest or its signature cannot be checked, when read with readBounded. */
function unreadable(name: string, read: BoundedRead, where: string): SignatureCheck | undefined {
	if ('absent' in read) return { ok: false, missing: true, message: `${name} not found in ${where}` };
	if ('refused' in read) return { ok: false, message: `${name} is a ${read.refused}: refused, not read` };
	if ('tooLarge' in read) return { ok: false, message: `${name} is too large (${read.tooLarge} bytes): refused` };
	return undefined;
}

/**
 * Checks a copy on disk (a USB key, an unzipped archive): the signature of its manifest against the
 * trusted `allowed_signers`, then every file, including files the manifest does not list. Symbolic
 * links and special files are reported, never followed or read; each file is read at most up to
 * the size the manifest gives it. The folder itself may be a link (a deployed `releases/` layout).
 */
export function verifyFolder(dir: string, allowedSigners: string): VerifyReport {
	const root = realpathSync(dir);
	const manifestRead = readBounded(join(root, MANIFEST_FILE), MAX_MANIFEST_BYTES);
	const sigRead = readBounded(join(root, SIGNATURE_FILE), MAX_SIGNATURE_BYTES);
	const problem = unreadable(MANIFEST_FILE, manifestRead, dir) ?? unreadable(SIGNATURE_FILE, sigRead, dir);
	if (problem || !('data' in manifestRead) || !('data' in sigRead)) return { mode: 'folder', signature: problem!, differences: [], checked: 0 };
	const signature = verifySignature(allowedSigners, manifestRead.data, sigRead.data);
	if (!signature.ok) return { mode: 'folder', signature, differences: [], checked: 0 };
	const manifest = parseManifest(manifestRead.data.toString('utf8'));
	const sizes = new Map(manifest.files.map((f) => [f.path, f.size]));
	const actual = new Map<string, Found>();
	let checked = 0;
	for (const [path, entry] of walkFolder(root)) {
		const size = sizes.get(path);
		if (entry !== 'file') actual.set(path, { kind: 'refused', detail: entry.refused });
		// Files the manifest does not list are unexpected whatever they hold: not read.
		else if (size === undefined) actual.set(path, '');
		else {
			const read = readBounded(join(root, path), size);
			if ('data' in read) {
				checked++;
				actual.set(path, sha256(read.data));
			} else if ('tooLarge' in read) actual.set(path, { kind: 'changed', detail: `larger than the ${size} bytes signed` });
			else if ('refused' in read) actual.set(path, { kind: 'refused', detail: read.refused });
		}
	}
	return { mode: 'folder', signature, manifest, differences: compareWithManifest(manifest, actual), checked };
}

/** Attributes whose value is one address. */
const LINK_ATTRIBUTES = ['href', 'src', 'poster', 'action', 'formaction'];

/** Every address an HTML page refers to, as written (entities decoded by the parser). */
function references(html: string): string[] {
	const refs: string[] = [];
	for (const element of DomUtils.findAll(() => true, parseDocument(html).children)) {
		const attributes = element.attribs;
		for (const name of LINK_ATTRIBUTES) if (attributes[name]) refs.push(attributes[name]);
		if (attributes.srcset) refs.push(...attributes.srcset.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '').filter(Boolean));
		if (element.name === 'meta' && attributes['http-equiv']?.toLowerCase() === 'refresh') {
			// The `content` attribute's own syntax: `5; url=/page.html`.
			const url = /url\s*=\s*['"]?([^'"\s]+)/i.exec(attributes.content ?? '')?.[1];
			if (url) refs.push(url);
		}
	}
	return refs;
}

/**
 * The paths inside the site (relative to `root`, decoded, without query or fragment) of every
 * same-origin link or asset of an HTML page: `href`, `src`, `srcset`, `poster`, `action`, and
 * `<meta http-equiv="refresh">`. A path ending in `/` names its `index.html`.
 *
 * @example
 * linkedPaths('<a href="/ville/faq/">', new URL('https://x.org/ville/'), new URL('https://x.org/ville/'));
 * // → ['faq/index.html']
 */
export function linkedPaths(html: string, pageUrl: URL, root: URL): string[] {
	const paths = new Set<string>();
	for (const ref of references(html)) {
		let url: URL;
		try {
			url = new URL(ref.trim(), pageUrl);
		} catch {
			continue;
		}
		if (url.origin !== root.origin || !url.pathname.startsWith(root.pathname)) continue;
		let path: string;
		try {
			path = url.pathname.slice(root.pathname.length).split('/').map(decodeURIComponent).join('/');
		} catch {
			continue;
		}
		if (path === '' || path.endsWith('/')) path += 'index.html';
		paths.add(path);
	}
	return [...paths];
}

/** A file of the copy, as the URL to fetch it from. */
const fileUrl = (root: URL, path: string) => new URL(path.split('/').map(encodeURIComponent).join('/'), root);

interface Fetched {
	/** 0 when no answer came. */
	status: number;
	headers?: Headers;
	/** The body of a 2xx answer, when it fit in the limit. */
	body?: Buffer;
	tooLarge?: boolean;
	error?: string;
}

/** GET with a time limit (`signal`) and a size limit: a body longer than `limit` bytes is not read past it. */
async function fetchBounded(url: URL, limit: number, signal: AbortSignal): Promise<Fetched> {
	let status = 0;
	try {
		const response = await fetch(url, { signal, headers: { 'cache-control': 'no-cache' } });
		status = response.status;
		const { headers } = response;
		if (!response.ok || !response.body || Number(headers.get('content-length') ?? 0) > limit) {
			await response.body?.cancel().catch(() => {});
			return { status, headers, tooLarge: response.ok && !!response.body };
		}
		const chunks: Uint8Array[] = [];
		let total = 0;
		// Leaving the loop early cancels the download.
		for await (const chunk of response.body) {
			total += chunk.length;
			if (total > limit) return { status, headers, tooLarge: true };
			chunks.push(chunk);
		}
		return { status, headers, body: Buffer.concat(chunks) };
	} catch (error) {
		const timedOut = signal.aborted && (signal.reason as Error | undefined)?.name === 'TimeoutError';
		return { status, error: timedOut ? 'time limit reached' : error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error) };
	}
}

/** Collapses runs of spaces, so that a header folded or re-spaced by a host still compares equal. */
const normalizeHeader = (value: string) => value.trim().replace(/\s+/g, ' ');

/**
 * Compares the security headers the build asked for with those a server sent with each page. Pure.
 *
 * @example
 * compareHeaders([['X-Frame-Options', 'DENY']], [{ path: 'index.html', headers: new Headers({ 'x-frame-options': 'SAMEORIGIN' }) }]);
 * // → [{ name: 'X-Frame-Options', expected: 'DENY', pages: 1, absentOn: 0, different: { path: 'index.html', sent: 'SAMEORIGIN' } }]
 */
export function compareHeaders(expected: [string, string][], pages: { path: string; headers: Headers }[]): HeaderCheck[] {
	return expected.map(([name, value]) => {
		const check: HeaderCheck = { name, expected: value, pages: pages.length, absentOn: 0 };
		for (const page of pages) {
			const sent = page.headers.get(name);
			if (sent === null) check.absentOn++;
			else if (!check.different && normalizeHeader(sent) !== normalizeHeader(value)) check.different = { path: page.path, sent };
		}
		return check;
	});
}

/**
 * Checks a copy served over HTTP(S). Every file the manifest lists is downloaded (never more than
 * its signed size, or 8 MiB for a page, whose added links are followed) and hashed; the security headers sent with each page are compared with the
 * signed ones. Files the manifest does not list cannot be listed over HTTP: they are looked for
 * through the links of every downloaded page (and of the unexpected pages found that way), so an
 * added file that no page links to is not found. `concurrency` downloads run at once, each within
 * `timeoutMs`, all within `totalMs`.
 */
export async function verifyUrl(address: string, allowedSigners: string, { concurrency = 8, timeoutMs = 30_000, totalMs = 15 * 60_000 } = {}): Promise<VerifyReport> {
	const root = new URL(address.endsWith('/') ? address : `${address}/`);
	const deadline = AbortSignal.timeout(totalMs);
	const get: Get = (path, limit) => fetchBounded(fileUrl(root, path), limit, AbortSignal.any([AbortSignal.timeout(timeoutMs), deadline]));
	const { signature, manifest } = await signedManifest(get, root, allowedSigners);
	if (!manifest) return { mode: 'http', signature, differences: [], checked: 0 };
	const crawl: Crawl = { root, listed: new Set([...manifest.files.map((f) => f.path), MANIFEST_FILE, SIGNATURE_FILE]), differences: [], hidden: [], pages: [], linked: new Map(), checked: 0 };
	await pool(manifest.files, concurrency, (entry) => checkListed(crawl, get, entry));
	await followLinks(crawl, get, concurrency);
	const { differences, hidden, pages, checked } = crawl;
	return { mode: 'http', signature, manifest, differences: differences.sort(byPath), checked, hidden: hidden.sort(byPath), headers: compareHeaders(manifest.headers, pages.sort(byPath)) };
}

/** Downloads one file of the copy (its path relative to the root), never more than `limit` bytes. */
type Get = (path: string, limit: number) => Promise<Fetched>;

/** What reading a copy over HTTP has found so far. */
interface Crawl {
	root: URL;
	/** Paths the manifest lists, and the manifest and its signature. */
	listed: Set<string>;
	differences: Difference[];
	hidden: { path: string; status: number }[];
	/** The pages read, with the headers they were served with. */
	pages: { path: string; headers: Headers }[];
	/** Paths not in the manifest that a page links to, with the first page that does. */
	linked: Map<string, string>;
	checked: number;
}

/** The manifest, once its signature by one of `allowedSigners` is checked; without it, why not. */
async function signedManifest(get: Get, root: URL, allowedSigners: string): Promise<{ signature: SignatureCheck; manifest?: Manifest }> {
	const [manifestResponse, sigResponse] = await Promise.all([get(MANIFEST_FILE, MAX_MANIFEST_BYTES), get(SIGNATURE_FILE, MAX_SIGNATURE_BYTES)]);
	for (const [name, response] of [[MANIFEST_FILE, manifestResponse], [SIGNATURE_FILE, sigResponse]] as const) {
		if (response.tooLarge) return { signature: { ok: false, message: `${fileUrl(root, name).href}: too large, refused` } };
		if (!response.body) return { signature: { ok: false, missing: true, message: `${fileUrl(root, name).href}: ${response.error ?? `HTTP ${response.status}`}` } };
	}
	const signature = verifySignature(allowedSigners, manifestResponse.body!, sigResponse.body!);
	return signature.ok ? { signature, manifest: parseManifest(manifestResponse.body!.toString('utf8')) } : { signature };
}

/** Downloads a file the manifest lists and compares it with its signed size and hash; a page's links are kept to follow. */
async function checkListed(crawl: Crawl, get: Get, entry: ManifestEntry): Promise<void> {
	const isPage = entry.path.endsWith('.html');
	// A page grown past its signed size is still read up to a bound, to follow the links added to it.
	const response = await get(entry.path, isPage ? Math.max(entry.size, MAX_UNEXPECTED_BYTES) : entry.size);
	// The staff editor is served under its own policy (src/lib/cms/admin-policy.ts), which the signed `_headers` file holds.
	if (isPage && !entry.path.startsWith(ADMIN_PATH) && response.headers && response.status < 300) crawl.pages.push({ path: entry.path, headers: response.headers });
	const larger = { kind: 'changed' as const, path: entry.path, detail: `larger than the ${entry.size} bytes signed` };
	if (response.tooLarge) return void crawl.differences.push(larger);
	if (!response.body) {
		// Hosts hide their own configuration files (Apache never serves .htaccess): said, not a difference.
		if (entry.hostConfig && [401, 403, 404, 410].includes(response.status)) crawl.hidden.push({ path: entry.path, status: response.status });
		else if (response.status === 404 || response.status === 410) crawl.differences.push({ kind: 'missing', path: entry.path });
		else crawl.differences.push({ kind: 'unreachable', path: entry.path, detail: response.error ?? `HTTP ${response.status}` });
		return;
	}
	crawl.checked++;
	if (response.body.length > entry.size) crawl.differences.push(larger);
	else if (sha256(response.body) !== entry.sha256) crawl.differences.push({ kind: 'changed', path: entry.path });
	if (isPage) collectLinks(crawl, entry.path, response.body);
}

/** Keeps the paths a page links to that the manifest does not list. */
function collectLinks(crawl: Crawl, path: string, body: Buffer): void {
	for (const target of linkedPaths(body.toString('utf8'), fileUrl(crawl.root, path), crawl.root)) {
		if (crawl.listed.has(target) || crawl.listed.has(`${target}/index.html`) || crawl.linked.has(target)) continue;
		crawl.linked.set(target, path);
	}
}

/** Follows links to files the manifest does not list (at most MAX_FOLLOWED); unexpected pages may link to more. */
async function followLinks(crawl: Crawl, get: Get, concurrency: number): Promise<void> {
	const done = new Set<string>();
	for (let round = 0; round < 10 && done.size < MAX_FOLLOWED; round++) {
		const todo = [...crawl.linked.keys()].filter((p) => !done.has(p)).slice(0, MAX_FOLLOWED - done.size);
		if (!todo.length) break;
		todo.forEach((p) => done.add(p));
		await pool(todo, concurrency, async (path) => {
			const response = await get(path, MAX_UNEXPECTED_BYTES);
			if (!response.body && !response.tooLarge) return; // A dead link is not a file of the copy.
			crawl.checked++;
			crawl.differences.push({ kind: 'unexpected', path, detail: crawl.linked.get(path) });
			if (path.endsWith('.html') && response.body) collectLinks(crawl, path, response.body);
		});
	}
}

async function pool<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(size, items.length) }, async () => {
			while (next < items.length) await fn(items[next++]!);
		}),
	);
}
