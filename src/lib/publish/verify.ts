import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { compareWithManifest, listFiles, MANIFEST_FILE, parseManifest, sha256, SIGNATURE_FILE, type Difference, type Manifest } from './manifest.ts';
import { verifySignature, type SignatureCheck } from './sign.ts';

export interface VerifyReport {
	/** `folder`: every file of the copy is known. `http`: only the listed files and what pages link to. */
	mode: 'folder' | 'http';
	signature: SignatureCheck;
	/** Absent when the manifest could not be read or its signature is bad. */
	manifest?: Manifest;
	differences: Difference[];
	/** Files read and hashed. */
	checked: number;
}

/** Whether a copy is exactly what was signed. */
export const isClean = (report: VerifyReport): boolean => report.signature.ok && report.manifest !== undefined && report.differences.length === 0;

/**
 * Checks a copy on disk (a USB key, an unzipped archive): the signature of its manifest against the
 * trusted `allowed_signers`, then every file, including files the manifest does not list.
 */
export function verifyFolder(dir: string, allowedSigners: string): VerifyReport {
	const manifestPath = join(dir, MANIFEST_FILE);
	const sigPath = join(dir, SIGNATURE_FILE);
	if (!existsSync(manifestPath) || !existsSync(sigPath)) {
		return { mode: 'folder', signature: { ok: false, missing: true, message: `${!existsSync(manifestPath) ? MANIFEST_FILE : SIGNATURE_FILE} not found in ${dir}` }, differences: [], checked: 0 };
	}
	const manifestText = readFileSync(manifestPath);
	const signature = verifySignature(allowedSigners, manifestText, readFileSync(sigPath));
	if (!signature.ok) return { mode: 'folder', signature, differences: [], checked: 0 };
	const manifest = parseManifest(manifestText.toString('utf8'));
	const files = listFiles(dir);
	const actual = new Map(files.map((path) => [path, sha256(readFileSync(join(dir, path)))]));
	return { mode: 'folder', signature, manifest, differences: compareWithManifest(manifest, actual), checked: files.filter((p) => p !== MANIFEST_FILE && p !== SIGNATURE_FILE).length };
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

/**
 * Checks a copy served over HTTP(S). Every file the manifest lists is downloaded and hashed.
 * Files the manifest does not list cannot be listed over HTTP: they are looked for through the links
 * of every downloaded page (and of the unexpected pages found that way), so an added file that no
 * page links to is not found. `concurrency` downloads run at once.
 */
export async function verifyUrl(address: string, allowedSigners: string, { concurrency = 8, timeoutMs = 30_000 } = {}): Promise<VerifyReport> {
	const root = new URL(address.endsWith('/') ? address : `${address}/`);
	const get = async (url: URL): Promise<{ status: number; body?: Buffer; error?: string }> => {
		try {
			const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { 'cache-control': 'no-cache' } });
			if (!response.ok) {
				await response.body?.cancel();
				return { status: response.status };
			}
			return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
		} catch (error) {
			return { status: 0, error: error instanceof Error ? error.message : String(error) };
		}
	};

	const [manifestResponse, sigResponse] = await Promise.all([get(fileUrl(root, MANIFEST_FILE)), get(fileUrl(root, SIGNATURE_FILE))]);
	for (const [name, response] of [[MANIFEST_FILE, manifestResponse], [SIGNATURE_FILE, sigResponse]] as const) {
		if (!response.body) return { mode: 'http', signature: { ok: false, missing: true, message: `${fileUrl(root, name).href}: ${response.error ?? `HTTP ${response.status}`}` }, differences: [], checked: 0 };
	}
	const signature = verifySignature(allowedSigners, manifestResponse.body!, sigResponse.body!);
	if (!signature.ok) return { mode: 'http', signature, differences: [], checked: 0 };
	const manifest = parseManifest(manifestResponse.body!.toString('utf8'));

	const listed = new Set([...manifest.files.map((f) => f.path), MANIFEST_FILE, SIGNATURE_FILE]);
	const differences: Difference[] = [];
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
		const response = await get(fileUrl(root, entry.path));
		if (!response.body) {
			// Hosts hide their own configuration files (Apache never serves .htaccess): not a difference.
			if (entry.hostConfig && [401, 403, 404, 410].includes(response.status)) return;
			if (response.status === 404 || response.status === 410) differences.push({ kind: 'missing', path: entry.path });
			else differences.push({ kind: 'unreachable', path: entry.path, detail: response.error ?? `HTTP ${response.status}` });
			return;
		}
		checked++;
		if (sha256(response.body) !== entry.sha256) differences.push({ kind: 'changed', path: entry.path });
		if (entry.path.endsWith('.html')) collectLinks(entry.path, response.body);
	});

	// Follow links to files the manifest does not list; unexpected pages may link to more.
	const done = new Set<string>();
	for (let round = 0; round < 10; round++) {
		const todo = [...linked.keys()].filter((p) => !done.has(p));
		if (!todo.length) break;
		await pool(todo, concurrency, async (path) => {
			done.add(path);
			const response = await get(fileUrl(root, path));
			if (!response.body) return; // A dead link is not a file of the copy.
			checked++;
			differences.push({ kind: 'unexpected', path, detail: linked.get(path) });
			if (path.endsWith('.html')) collectLinks(path, response.body);
		});
	}
	differences.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	return { mode: 'http', signature, manifest, differences, checked };
}

async function pool<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(size, items.length) }, async () => {
			while (next < items.length) await fn(items[next++]!);
		}),
	);
}
