import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';

/**
 * The manifest of a published copy: `manifest.json` at the site root lists every other file of the
 * copy with its SHA-256, and `manifest.json.sig` is its OpenSSH signature (`ssh-keygen -Y sign -n file`).
 * Anyone with the town's `allowed_signers` can then check a copy file by file (docs/publishing.md).
 *
 * @example
 * {
 *   "format": "town-site-manifest/1",
 *   "site": "https://info.ville.fr/",
 *   "builtAt": "2024-06-28T16:00:00.000Z",
 *   "files": [
 *     { "path": ".htaccess", "sha256": "9f86d0…", "size": 1234, "hostConfig": true },
 *     { "path": "index.html", "sha256": "2c26b4…", "size": 20876 }
 *   ]
 * }
 */
export const MANIFEST_FORMAT = 'town-site-manifest/1';
export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.json.sig';

/** Host configuration files: a host may hide them (Apache never serves `.htaccess`), so over HTTP their absence is normal. */
export function isHostConfig(path: string): boolean {
	return path === '_headers' || path === '.htaccess' || path.endsWith('/.htaccess') || path.startsWith('_hosting/');
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

export const manifestSchema = z.strictObject({
	format: z.literal(MANIFEST_FORMAT),
	/** The site's official address (`siteUrl`), for information. */
	site: z.string(),
	/** When the site was built, ISO 8601 in UTC. */
	builtAt: z.string(),
	/** Every file of the copy but the manifest and its signature, sorted by path. */
	files: z.array(entrySchema),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestEntry = z.infer<typeof entrySchema>;

export const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/** Sorts by path, by UTF-16 code units: the same order on every machine, whatever its locale. */
const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * Builds the manifest of a set of files. Pure: the caller reads the files.
 *
 * @example
 * createManifest([{ path: 'index.html', data: Buffer.from('<h1>') }], { site: 'https://info.ville.fr/', builtAt: new Date() });
 */
export function createManifest(files: Iterable<{ path: string; data: Buffer }>, meta: { site: string; builtAt: Date }): Manifest {
	const entries: ManifestEntry[] = [];
	const seen = new Set<string>();
	for (const { path, data } of files) {
		if (!isSafePath(path)) throw new Error(`unsafe path in the site: ${path}`);
		if (path === MANIFEST_FILE || path === SIGNATURE_FILE) continue;
		if (seen.has(path)) throw new Error(`file listed twice: ${path}`);
		seen.add(path);
		entries.push({ path, sha256: sha256(data), size: data.length, ...(isHostConfig(path) ? { hostConfig: true as const } : {}) });
	}
	return { format: MANIFEST_FORMAT, site: meta.site, builtAt: meta.builtAt.toISOString(), files: entries.sort(byPath) };
}

/** The manifest as written to `manifest.json`: one file per line, so that a diff of two manifests is readable. */
export function serializeManifest(manifest: Manifest): string {
	const files = manifest.files.map((f) => `    ${JSON.stringify(f)}`).join(',\n');
	const head = JSON.stringify({ format: manifest.format, site: manifest.site, builtAt: manifest.builtAt }, null, 2).slice(0, -2);
	return `${head},\n  "files": [\n${files}\n  ]\n}\n`;
}

/** Reads a manifest, refusing anything that is not one (paths leaving the folder included). */
export function parseManifest(text: string): Manifest {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		throw new Error('manifest.json is not valid JSON');
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
export function manifestForFolder(dir: string, meta: { site: string; builtAt: Date }): Manifest {
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
	 * - `unreachable`: could not be read (an HTTP error other than 404, a network failure).
	 */
	kind: 'missing' | 'changed' | 'unexpected' | 'unreachable';
	path: string;
	/** What else is known: the HTTP status, the page that links an unexpected file. */
	detail?: string;
}

/**
 * Compares a manifest with the files of a copy whose full listing is known (a local folder).
 * `actual` maps each path of the copy to its SHA-256. Pure.
 *
 * @example
 * compareWithManifest(manifest, new Map([['index.html', sha256('<h1>')], ['extra.html', '…']]));
 * // → [{ kind: 'unexpected', path: 'extra.html' }, …]
 */
export function compareWithManifest(manifest: Manifest, actual: Map<string, string>): Difference[] {
	const differences: Difference[] = [];
	const listed = new Set<string>();
	for (const entry of manifest.files) {
		listed.add(entry.path);
		const hash = actual.get(entry.path);
		if (hash === undefined) differences.push({ kind: 'missing', path: entry.path });
		else if (hash !== entry.sha256) differences.push({ kind: 'changed', path: entry.path });
	}
	for (const path of actual.keys()) {
		if (!listed.has(path) && path !== MANIFEST_FILE && path !== SIGNATURE_FILE) differences.push({ kind: 'unexpected', path });
	}
	return differences.sort(byPath);
}
