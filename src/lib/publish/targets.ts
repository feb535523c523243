import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { PublishTarget } from '../../schemas/publishing.ts';
import { compareWithManifest, listFiles, MANIFEST_FILE, sha256, type Manifest } from './manifest.ts';
import { zipSync } from 'fflate';

/** `~/x` → the home folder's `x`; other relative paths are relative to the current folder (the project with `npm run`). */
export function expandPath(path: string, home = homedir(), cwd = process.cwd()): string {
	if (path === '~') return home;
	if (path.startsWith('~/')) return join(home, path.slice(2));
	return resolve(cwd, path);
}

/** How reports name a target: its `name`, else its type and where it goes. */
export function targetLabel(target: PublishTarget): string {
	const where = target.type === 'rsync' ? target.destination : target.type === 'rclone' ? target.remote : target.path;
	return target.name ? `${target.name} (${target.type} ${where})` : `${target.type} ${where}`;
}

/**
 * The command that deploys an rsync or rclone target, as an argument list.
 * - rsync: `-a --delete --delay-updates`: files are sent to a temporary folder on the host and
 *   renamed into place together at the end; files no longer in the site are deleted; permissions
 *   are made readable by the web server whatever they are on this machine.
 * - rclone: `sync`, which uploads first and deletes files no longer in the site last.
 *
 * @example
 * syncCommand({ type: 'rsync', destination: 'web@host:/var/www/site/', options: [] }, '/tmp/build');
 * // → ['rsync', '-a', '--delete', '--delay-updates', '--chmod=D755,F644', '/tmp/build/', 'web@host:/var/www/site/']
 */
export function syncCommand(target: Extract<PublishTarget, { type: 'rsync' | 'rclone' }>, buildDir: string): string[] {
	if (target.type === 'rsync') return ['rsync', '-a', '--delete', '--delay-updates', '--chmod=D755,F644', ...target.options, `${buildDir.replace(/\/+$/, '')}/`, target.destination];
	return ['rclone', 'sync', ...target.options, buildDir, target.remote];
}

/**
 * Deploys the signed build in `buildDir` to one target. Throws, with a message for staff, when the
 * target could not be updated; the copy that was there before is then left as it was (for rsync,
 * mostly: see docs/publishing.md).
 */
export function deploy(target: PublishTarget, buildDir: string, manifest: Manifest): void {
	switch (target.type) {
		case 'folder':
			return deployFolder(buildDir, expandPath(target.path), manifest);
		case 'zip':
			return deployZip(buildDir, expandPath(target.path), new Date(manifest.builtAt));
		case 'rsync':
		case 'rclone':
			return run(syncCommand(target, buildDir));
	}
}

function run([command, ...args]: string[]): void {
	const result = spawnSync(command!, args, { stdio: ['inherit', 'pipe', 'pipe'], encoding: 'utf8' });
	if (result.error) throw new Error((result.error as NodeJS.ErrnoException).code === 'ENOENT' ? `${command} n'est pas installé / is not installed` : result.error.message);
	if (result.status !== 0) throw new Error(`${command} : ${(result.stderr || result.stdout).trim().split('\n').slice(-5).join(' | ') || `exit ${result.status}`}`);
}

/** The parent folder must already exist: a USB key that is not plugged in must not become a folder on the laptop. */
function checkParent(path: string): string {
	const parent = dirname(path);
	if (!existsSync(parent)) throw new Error(`le dossier ${parent} n'existe pas (clé USB ou partage non monté ?) / ${parent} does not exist (USB key or share not mounted?)`);
	if (!statSync(parent).isDirectory()) throw new Error(`${parent} n'est pas un dossier / is not a folder`);
	return parent;
}

/**
 * A local folder, replaced whole: the site is copied into a hidden sibling folder, checked file by
 * file against the manifest, then swapped in with two renames (old → aside, new → in place), so a
 * reader sees the old site or the new one, never half of one. Refuses to replace a folder that
 * holds something else than a previous publication.
 */
export function deployFolder(buildDir: string, dest: string, manifest: Manifest): void {
	const parent = checkParent(dest);
	if (existsSync(dest)) {
		if (!statSync(dest).isDirectory()) throw new Error(`${dest} existe et n'est pas un dossier / exists and is not a folder`);
		if (readdirSync(dest).length > 0 && !existsSync(join(dest, MANIFEST_FILE))) {
			throw new Error(`${dest} contient autre chose qu'une publication du site (pas de ${MANIFEST_FILE}) : choisissez un dossier vide ou dédié / holds something else than a publication of the site`);
		}
	}
	const name = basename(dest);
	const fresh = mkdtempSync(join(parent, `.${name}.new-`));
	let aside: string | undefined;
	try {
		chmodSync(fresh, 0o755);
		cpSync(buildDir, fresh, { recursive: true });
		const differences = compareWithManifest(manifest, new Map(listFiles(fresh).map((p) => [p, sha256(readFileSync(join(fresh, p)))])));
		if (differences.length) throw new Error(`la copie dans ${fresh} diffère du manifeste / the copy differs from the manifest: ${differences.map((d) => `${d.kind} ${d.path}`).join(', ')}`);
		if (existsSync(dest)) {
			aside = mkdtempSync(join(parent, `.${name}.old-`));
			rmSync(aside, { recursive: true });
			renameSync(dest, aside);
			try {
				renameSync(fresh, dest);
			} catch (error) {
				renameSync(aside, dest);
				aside = undefined;
				throw error;
			}
		} else {
			renameSync(fresh, dest);
		}
	} finally {
		rmSync(fresh, { recursive: true, force: true });
	}
	if (aside) rmSync(aside, { recursive: true, force: true });
}

/** A zip archive, written to a temporary file next to it and renamed over the old one. */
export function deployZip(buildDir: string, dest: string, modified: Date): void {
	const parent = checkParent(dest);
	if (existsSync(dest) && !statSync(dest).isFile()) throw new Error(`${dest} existe et n'est pas un fichier / exists and is not a file`);
	const dir = mkdtempSync(join(parent, `.${basename(dest)}.new-`));
	try {
		const tmp = join(dir, 'site.zip');
		const files = Object.fromEntries(listFiles(buildDir).map((path) => [path, readFileSync(join(buildDir, path))]));
		writeFileSync(tmp, zipSync(files, { level: 9, mtime: modified }));
		chmodSync(tmp, 0o644);
		renameSync(tmp, dest);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
