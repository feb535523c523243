import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { withBase } from '../../i18n/routes.ts';
import { ADMIN_PATH } from './admin-policy.ts';

/** Where the editor's own files go, under `/admin/`: the fonts and the version file its update check reads. */
export const VENDOR_DIR = 'sveltia';

/** A font the editor's stylesheet names on a CDN, and the same file in its npm package. */
export interface VendorFont {
	cdnUrl: string;
	/** File name served under `/admin/sveltia/`. */
	file: string;
	/** Path of the same font in `node_modules`, e.g. `@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-normal.woff2`. */
	packagePath: string;
}

const require = createRequire(import.meta.url);
const CDN_FONT = /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/([a-z0-9-]+)(:vf)?@[\d.]+\/([a-z0-9-]+)\.woff2/g;
/** Its update check and optional chunks are fetched from here; the update check is answered by our own version file. */
const PACKAGE_CDN = 'https://unpkg.com/@sveltia/cms';

/** The installed editor package: its version, bundle text and interface translations (`fr.json`…). */
export function sveltiaPackage(): { version: string; bundle: string; locales: Map<string, string> } {
	const root = join(dirname(require.resolve('@sveltia/cms')), '..');
	const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
	const locales = new Map(readdirSync(join(root, 'locales')).filter((f) => f.endsWith('.json')).map((f) => [f, readFileSync(join(root, 'locales', f), 'utf8')]));
	return { version, bundle: readFileSync(join(root, 'dist', 'sveltia-cms.js'), 'utf8'), locales };
}

/**
 * Every file `/admin/` serves besides its page and config, by path under `/admin/`: the bundle, its
 * fonts, the version file its update check reads, and its interface translations (which it fetches
 * from `<package address>@<version>/locales/`).
 *
 * @example
 * [...adminFiles().keys()]; // → ['sveltia-cms.js', 'sveltia/package.json', 'sveltia@0.221.1/locales/fr.json', …, 'sveltia/noto-mono-latin-400-normal.woff2', …]
 */
export function adminFiles(): Map<string, () => string | Buffer> {
	// The live preview asks for each file separately: read the package once, not once per file.
	return (readOnce ??= readAdminFiles());
}

let readOnce: Map<string, () => string | Buffer> | undefined;

function readAdminFiles(): Map<string, () => string | Buffer> {
	const { version, bundle, locales } = sveltiaPackage();
	const files = new Map<string, () => string | Buffer>([
		['sveltia-cms.js', () => selfHosted(bundle)],
		[`${VENDOR_DIR}/package.json`, () => JSON.stringify({ name: '@sveltia/cms', version })],
	]);
	for (const [file, text] of locales) files.set(`${VENDOR_DIR}@${version}/locales/${file}`, () => text);
	for (const font of vendorFonts(bundle)) files.set(`${VENDOR_DIR}/${font.file}`, () => fontBytes(font));
	return files;
}

/**
 * The fonts the editor's bundle loads from a CDN; each has the same file in an `@fontsource` npm package
 * (`:vf` in the address means the variable font, `@fontsource-variable/…`).
 *
 * @example
 * vendorFonts('url(https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2)');
 * // → [{ cdnUrl: 'https://cdn.jsdelivr.net/…', file: 'noto-mono-latin-400-normal.woff2', packagePath: '@fontsource/noto-mono/files/noto-mono-latin-400-normal.woff2' }]
 */
export function vendorFonts(bundle: string): VendorFont[] {
	const fonts = new Map<string, VendorFont>();
	for (const [cdnUrl, family = '', variable, variant = ''] of bundle.matchAll(CDN_FONT)) {
		const file = `${family}-${variant}.woff2`;
		fonts.set(cdnUrl, { cdnUrl, file, packagePath: `${variable ? '@fontsource-variable' : '@fontsource'}/${family}/files/${file}` });
	}
	return [...fonts.values()];
}

/** The bytes of a font from its npm package; a missing package stops the build with the command that adds it. */
export function fontBytes(font: VendorFont): Buffer {
	const [scope = '', name = ''] = font.packagePath.split('/');
	try {
		return readFileSync(join(dirname(require.resolve(`${scope}/${name}/package.json`)), 'files', font.file));
	} catch {
		throw new Error(`The editor needs the font ${font.file}: npm install ${scope}/${name}`);
	}
}

/**
 * The editor's bundle, made to load nothing from another origin: its fonts come from `/admin/sveltia/`,
 * its update check reads `/admin/sveltia/package.json` (the installed version: no "new version" notice),
 * and the source map comment is dropped. Fails if the bundle no longer has what is replaced, so that an
 * upgrade of the editor cannot silently bring third-party requests back.
 *
 * @example
 * selfHosted('…url(https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2)… `https://unpkg.com/@sveltia/cms`…');
 * // → '…url(sveltia/noto-mono-latin-400-normal.woff2)… `sveltia`…'
 */
export function selfHosted(bundle: string): string {
	const fonts = vendorFonts(bundle);
	if (fonts.length === 0 || !bundle.includes(PACKAGE_CDN)) throw new Error('This version of @sveltia/cms loads its fonts or update check differently: update src/lib/cms/bundle.ts');
	// Every address in one pass: each pass over the 2 MB bundle costs ≈ 15 ms of every build.
	const local = new Map([...fonts.map((font): [string, string] => [font.cdnUrl, `${VENDOR_DIR}/${font.file}`]), [PACKAGE_CDN, VENDOR_DIR]]);
	const text = bundle.replace(new RegExp([...local.keys()].map(RegExp.escape).join('|'), 'g'), (address) => local.get(address) ?? address);
	return text.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
}

const TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', json: 'application/json; charset=utf-8', woff2: 'font/woff2' };

/**
 * The editor's own files under `/admin/`: written next to the pages after each build, and answered by
 * the live preview when asked for. They are copies of package files, so they do not go through Astro's
 * rendering (as 36 routes they cost ≈ 0.3 s and 15–20 MB of every build). Listed before the hosting
 * files, which run after it and see them in the output.
 */
export function editorFiles(): AstroIntegration {
	let adminBase = `/${ADMIN_PATH}`;
	return {
		name: 'editor-files',
		hooks: {
			'astro:config:done': ({ config }) => {
				adminBase = withBase(config.base, `/${ADMIN_PATH}`);
			},
			'astro:server:setup': ({ server }) => {
				server.middlewares.use((request, response, next) => {
					const path = decodeURIComponent(new URL(request.url ?? '/', 'http://preview').pathname);
					const make = path.startsWith(adminBase) ? adminFiles().get(path.slice(adminBase.length)) : undefined;
					if (!make) return next();
					response.setHeader('content-type', TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream');
					response.end(make());
				});
			},
			'astro:build:done': ({ dir }) => {
				for (const [path, make] of adminFiles()) {
					const file = join(fileURLToPath(dir), ADMIN_PATH, path);
					mkdirSync(dirname(file), { recursive: true });
					writeFileSync(file, make());
				}
			},
		},
	};
}
