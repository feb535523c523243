import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { compareWithManifest, MANIFEST_FILE, parseManifest, sha256, SIGNATURE_FILE, type Difference, type Found, type Manifest } from './manifest.ts';
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
	const doc = parse(html);
	const refs: string[] = [];
	for (const el of doc.querySelectorAll('[href], [src], [srcset], [poster], [action], [formaction], meta[http-equiv]')) {
		for (const name of ['href', 'src', 'poster', 'action', 'formaction']) {
			const value = el.getAttribute(name);
			if (value) refs.push(value);
		}
		const srcset = el.getAttribute('srcset');
		if (srcset) refs.push(...srcset.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '').filter(Boolean));
		if (el.getAttribute('http-equiv')?.toLowerCase() === 'refresh') {
			const url = /url\s*=\s*['"]?([^'"\s]+)/i.exec(el.getAttribute('content') ?? '')?.[1];
			if (url) refs.push(url);
		}
	}
	const paths = new Set<string>();
	for (const ref of refs) {
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
	const get = (url: URL, limit: number) => fetchBounded(url, limit, AbortSignal.any([AbortSignal.timeout(timeoutMs), deadline]));

	const [manifestResponse, sigResponse] = await Promise.all([get(fileUrl(root, MANIFEST_FILE), MAX_MANIFEST_BYTES), get(fileUrl(root, SIGNATURE_FILE), MAX_SIGNATURE_BYTES)]);
	for (const [name, response] of [[MANIFEST_FILE, manifestResponse], [SIGNATURE_FILE, sigResponse]] as const) {
		if (response.tooLarge) return { mode: 'http', signature: { ok: false, message: `${fileUrl(root, name).href}: too large, refused` }, differences: [], checked: 0 };
		if (!response.body) return { mode: 'http', signature: { ok: false, missing: true, message: `${fileUrl(root, name).href}: ${response.error ?? `HTTP ${response.status}`}` }, differences: [], checked: 0 };
	}
	const signature = verifySignature(allowedSigners, manifestResponse.body!, sigResponse.body!);
	if (!signature.ok) return { mode: 'http', signature, differences: [], checked: 0 };
	const manifest = parseManifest(manifestResponse.body!.toString('utf8'));

	const listed = new Set([...manifest.files.map((f) => f.path), MANIFEST_FILE, SIGNATURE_FILE]);
	const differences: Difference[] = [];
	const hidden: { path: string; status: number }[] = [];
	const pages: { path: string; headers: Headers }[] = [];
	/** Paths not in the manifest that a page links to, with the first page that does. */
	const linked = new Map<string, string>();
	const collectLinks = (path: string, body: Buffer) => {
		for (const target of linkedPaths(body.toString('utf8'), fileUrl(root, path), root)) {
			if (listed.has(target) || listed.has(`${target}/index.html`) || linked.has(target)) continue;
			linked.set(target, path);
		}
	};
	let checked = 0;
	await pool(manifest.files, concurrency, async (entry) => {
		const isPage = entry.path.endsWith('.html');
		// A page grown past its signed size is still read up to a bound, to follow the links added to it.
		const response = await get(fileUrl(root, entry.path), isPage ? Math.max(entry.size, MAX_UNEXPECTED_BYTES) : entry.size);
		// The staff editor is served under its own policy (src/lib/cms/admin-policy.ts), which the signed `_headers` file holds.
		if (isPage && !entry.path.startsWith(ADMIN_PATH) && response.headers && response.status < 300) pages.push({ path: entry.path, headers: response.headers });
		const larger = { kind: 'changed' as const, path: entry.path, detail: `larger than the ${entry.size} bytes signed` };
		if (response.tooLarge) return void differences.push(larger);
		if (!response.body) {
			// Hosts hide their own configuration files (Apache never serves .htaccess): said, not a difference.
			if (entry.hostConfig && [401, 403, 404, 410].includes(response.status)) hidden.push({ path: entry.path, status: response.status });
			else if (response.status === 404 || response.status === 410) differences.push({ kind: 'missing', path: entry.path });
			else differences.push({ kind: 'unreachable', path: entry.path, detail: response.error ?? `HTTP ${response.status}` });
			return;
		}
		checked++;
		if (response.body.length > entry.size) differences.push(larger);
		else if (sha256(response.body) !== entry.sha256) differences.push({ kind: 'changed', path: entry.path });
		if (isPage) collectLinks(entry.path, response.body);
	});

	// Follow links to files the manifest does not list; unexpected pages may link to more.
	const done = new Set<string>();
	for (let round = 0; round < 10 && done.size < MAX_FOLLOWED; round++) {
		const todo = [...linked.keys()].filter((p) => !done.has(p)).slice(0, MAX_FOLLOWED - done.size);
		if (!todo.length) break;
		todo.forEach((p) => done.add(p));
		await pool(todo, concurrency, async (path) => {
			const response = await get(fileUrl(root, path), MAX_UNEXPECTED_BYTES);
			if (!response.body && !response.tooLarge) return; // A dead link is not a file of the copy.
			checked++;
			differences.push({ kind: 'unexpected', path, detail: linked.get(path) });
			if (path.endsWith('.html') && response.body) collectLinks(path, response.body);
		});
	}
	differences.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	hidden.sort((a, b) => (a.path < b.path ? -1 : 1));
	pages.sort((a, b) => (a.path < b.path ? -1 : 1));
	return { mode: 'http', signature, manifest, differences, checked, hidden, headers: compareHeaders(manifest.headers, pages) };
}

async function pool<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(size, items.length) }, async () => {
			while (next < items.length) await fn(items[next++]!);
		}),
	);
}
