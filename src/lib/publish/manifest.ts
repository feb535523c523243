import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';

/**
 * The manifest of a published copy: `manifest.json` at the site root lists every other file of the
 * copy with its SHA-256, and `manifest.json.sig` is its OpenSSH signature (`ssh-keygen -Y sign -n file`).
 * Anyone with the town's `allowed_signers` can then check a copy file by file (docs/publishing.md).
 *
 * Like TUF's signed metadata, it says for which addresses it was made and until when it may be
 * trusted: a genuine but old copy (a mirror left behind, or replayed by an attacker) expires, and a
 * checker that remembers the newest build it saw refuses an older one (./seen-builds.ts).
 *
 * @example
 * {
 *   "format": "town-site-manifest/2",
 *   "site": "https://info.ville.fr/",
 *   "mirrors": ["https://secours.ville.fr/"],
 *   "builtAt": "2024-06-28T16:00:00.000Z",
 *   "expires": "2024-07-03T16:00:00.000Z",
 *   "headers": [["Content-Security-Policy", "default-src 'self'; …"], …],
 *   "files": [
 *     { "path": ".htaccess", "sha256": "9f86d0…", "size": 1234, "hostConfig": true },
 *     { "path": "index.html", "sha256": "2c26b4…", "size": 20876 }
 *   ]
 * }
 */
export const MANIFEST_FORMAT = 'town-site-manifest/2';
export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.json.sig';
/** The file whose `/*` block lists the security headers every page should be served with. */
export const HEADERS_FILE = '_headers';

/** Host configuration files: a host may hide them (Apache never serves `.htaccess`), so over HTTP their absence is normal. */
export function isHostConfig(path: string): boolean {
	return path === HEADERS_FILE || path === '.htaccess' || path.endsWith('/.htaccess') || path.startsWith('_hosting/');
}

/** A path inside the copy: relative, `/`-separated, no `.` or `..` segment, no empty segment, no backslash. */
export function isSafePath(path: string): boolean {
	return path.length > 0 && !path.includes('\\') && !path.includes('\0') && path.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

const entrySchema = z.strictObject({
	path: z.string().refine(isSafePath, 'a relative path inside the site'),
	sha256: z.string().regex(/^[0-9a-f]{64}$/),
	size: z.number().int().min(0),
	hostConfig: z.literal(true).optional(),
});

const instant = z.iso.datetime();

export const manifestSchema = z.strictObject({
	format: z.literal(MANIFEST_FORMAT),
	/** The site's official address (`siteUrl`): `verify` refuses the copy at an address that is neither this nor a mirror. */
	site: z.url(),
	/** The other official addresses (`mirrors`). */
	mirrors: z.array(z.url()),
	/** When the site was built, ISO 8601 in UTC. Orders the builds of a site: the newest wins. */
	builtAt: instant,
	/** After this moment (ISO 8601, UTC) the copy is no longer trusted: `publish.validDays` after `builtAt`. */
	expires: instant,
	/** The security headers the build asks hosts to send (from `_headers`), as `[name, value]` pairs. */
	headers: z.array(z.tuple([z.string().min(1), z.string()])),
	/** Every file of the copy but the manifest and its signature, sorted by path. */
	files: z.array(entrySchema),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestEntry = z.infer<typeof entrySchema>;

export const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/** Sorts by path, by UTF-16 code units: the same order on every machine, whatever its locale. */
export const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** What a manifest says about its build, besides its files. */
export interface ManifestMeta {
	site: string;
	mirrors: string[];
	builtAt: Date;
	expires: Date;
}

/**
 * Builds the manifest of a set of files. Pure: the caller reads the files. The security headers are
 * read from the `_headers` file among them.
 *
 * @example
 * createManifest([{ path: 'index.html', data: Buffer.from('<h1>') }],
 *   { site: 'https://info.ville.fr/', mirrors: [], builtAt: new Date(), expires: new Date(Date.now() + 5 * 86_400_000) });
 */
export function createManifest(files: Iterable<{ path: string; data: Buffer }>, meta: ManifestMeta): Manifest {
	const entries: ManifestEntry[] = [];
	const seen = new Set<string>();
	let headers: [string, string][] = [];
	for (const { path, data } of files) {
		if (!isSafePath(path)) throw new Error(`unsafe path in the site: ${path}`);
		if (path === MANIFEST_FILE || path === SIGNATURE_FILE) continue;
		if (seen.has(path)) throw new Error(`file listed twice: ${path}`);
		seen.add(path);
		if (path === HEADERS_FILE) headers = parseHeadersFile(data.toString('utf8'));
		entries.push({ path, sha256: sha256(data), size: data.length, ...(isHostConfig(path) ? { hostConfig: true as const } : {}) });
	}
	if (meta.expires <= meta.builtAt) throw new Error('a manifest must expire after its build');
	return {
		format: MANIFEST_FORMAT,
		site: meta.site,
		mirrors: meta.mirrors,
		builtAt: meta.builtAt.toISOString(),
		expires: meta.expires.toISOString(),
		headers,
		files: entries.sort(byPath),
	};
}

/**
 * The headers of the `/*` block of a `_headers` file (Netlify, Cloudflare Pages): the ones every
 * path gets. Other blocks and comments are ignored.
 *
 * @example
 * parseHeadersFile('# x\n/*\n  X-Frame-Options: DENY\n');
 * // → [['X-Frame-Options', 'DENY']]
 */
export function parseHeadersFile(text: string): [string, string][] {
	const headers: [string, string][] = [];
	let inAll = false;
	for (const line of text.split(/\r?\n/)) {
		if (/^\s*(#|$)/.test(line)) continue;
		if (!/^\s/.test(line)) {
			inAll = line.trim() === '/*';
			continue;
		}
		const header = /^\s+([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*:\s*(.*?)\s*$/.exec(line);
		if (inAll && header) headers.push([header[1]!, header[2]!]);
	}
	return headers;
}

/** The manifest as written to `manifest.json`: one file per line, so that a diff of two manifests is readable. */
export function serializeManifest(manifest: Manifest): string {
	const files = manifest.files.map((f) => `    ${JSON.stringify(f)}`).join(',\n');
	const { files: _files, ...head } = manifest;
	return `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "files": [\n${files}\n  ]\n}\n`;
}

/** Reads a manifest, refusing anything that is not one (paths leaving the folder included). */
export function parseManifest(text: string): Manifest {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		throw new Error('manifest.json is not valid JSON');
	}
	// A copy published before manifests expired: genuine maybe, but nothing says it is still current.
	if ((json as { format?: unknown } | null)?.format === 'town-site-manifest/1') {
		throw new Error('manifest.json is in the old format town-site-manifest/1, which has no expiry date: publish this copy again');
	}
	const result = manifestSchema.safeParse(json);
	if (!result.success) throw new Error(`manifest.json is not a ${MANIFEST_FORMAT} manifest: ${result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
	return result.data;
}

/** Every file under a folder, as `/`-separated paths relative to it, sorted. Follows no symbolic link to a folder. */
export function listFiles(dir: string): string[] {
	const out: string[] = [];
	const walk = (sub: string) => {
		for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
			const rel = sub ? `${sub}/${entry.name}` : entry.name;
			if (entry.isDirectory()) walk(rel);
			else out.push(rel);
		}
	};
	walk('');
	return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Reads a built site and makes its manifest. */
export function manifestForFolder(dir: string, meta: ManifestMeta): Manifest {
	return createManifest(
		listFiles(dir).map((path) => ({ path, data: readFileSync(join(dir, path)) })),
		meta,
	);
}

export interface Difference {
	/**
	 * - `missing`: listed in the manifest, not in the copy.
	 * - `changed`: in the copy with other content.
	 * - `unexpected`: in the copy, not in the manifest.
	 * - `unreachable`: could not be read (an HTTP error other than 404, a network failure, a time limit).
	 * - `refused`: not a regular file (a symbolic link, a FIFO, a device): never read.
	 */
	kind: 'missing' | 'changed' | 'unexpected' | 'unreachable' | 'refused';
	path: string;
	/** What else is known: the HTTP status, the page that links an unexpected file, what a refused file is. */
	detail?: string;
}

/** What was found at a path of a copy: its SHA-256, or why it was not (fully) read. */
export type Found = string | { kind: 'refused' | 'changed'; detail: string };

/**
 * Compares a manifest with the files of a copy whose full listing is known (a local folder).
 * `actual` maps each path of the copy to its SHA-256, or to why it could not be hashed. Pure.
 *
 * @example
 * compareWithManifest(manifest, new Map([['index.html', sha256('<h1>')], ['extra.html', '…'],
 *   ['lien', { kind: 'refused', detail: 'symbolic link' }]]));
 * // → [{ kind: 'unexpected', path: 'extra.html' }, { kind: 'refused', path: 'lien', detail: 'symbolic link' }, …]
 */
export function compareWithManifest(manifest: Manifest, actual: Map<string, Found>): Difference[] {
	const differences: Difference[] = [];
	const listed = new Set<string>();
	for (const entry of manifest.files) {
		listed.add(entry.path);
		const found = actual.get(entry.path);
		if (found === undefined) differences.push({ kind: 'missing', path: entry.path });
		else if (typeof found !== 'string') differences.push({ path: entry.path, ...found });
		else if (found !== entry.sha256) differences.push({ kind: 'changed', path: entry.path });
	}
	for (const [path, found] of actual) {
		if (listed.has(path) || path === MANIFEST_FILE || path === SIGNATURE_FILE) continue;
		differences.push(typeof found === 'string' || found.kind !== 'refused' ? { kind: 'unexpected', path } : { path, ...found });
	}
	return differences.sort(byPath);
}
