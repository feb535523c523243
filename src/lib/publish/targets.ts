import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, renameSync, rmdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { MessageError } from '../../i18n/ui.ts';
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
	if (result.error) throw (result.error as NodeJS.ErrnoException).code === 'ENOENT' ? new MessageError('deploy.notInstalled', { command: command! }) : result.error;
	if (result.status !== 0) throw new Error(`${command} : ${(result.stderr || result.stdout).trim().split('\n').slice(-5).join(' | ') || `exit ${result.status}`}`);
}

/** The parent folder must already exist: a USB key that is not plugged in must not become a folder on the laptop. */
function checkParent(path: string): string {
	const parent = dirname(path);
	if (!existsSync(parent)) throw new MessageError('deploy.noParent', { parent });
	if (!statSync(parent).isDirectory()) throw new MessageError('deploy.parentNotFolder', { parent });
	return parent;
}

/**
 * Named moments of a folder deploy. `PUBLISH_KILL_AT=<moment>` kills the process right there with
 * SIGKILL: the tests use it to prove that a publication killed at any moment leaves a complete live copy.
 */
type Moment = 'staged' | 'moved-aside' | 'switched';
function checkpoint(moment: Moment): void {
	if (process.env.PUBLISH_KILL_AT === moment) process.kill(process.pid, 'SIGKILL');
}

/**
 * Where the builds of a folder target are kept: `<parent>/.<name>.releases/<build>`, next to the live
 * path. Hidden, so that a web server whose root is the parent does not serve old builds (the nginx
 * snippet refuses paths with a dot segment).
 */
export const releasesDir = (dest: string) => join(dirname(dest), `.${basename(dest)}.releases`);

/** A build's folder name in `releases/`: its build time, so that names sort by age. `2024-06-28T16-00-00-000Z`. */
export const releaseName = (builtAt: string) => builtAt.replace(/[:.]/g, '-');

/** Deletes what killed runs left in `dir`: entries whose name starts with one of `prefixes`. */
function removeLeftovers(dir: string, prefixes: string[]): void {
	if (!existsSync(dir)) return;
	for (const name of readdirSync(dir)) if (prefixes.some((p) => name.startsWith(p))) rmSync(join(dir, name), { recursive: true, force: true });
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Whether the process that wrote a lock is gone: only knowable for a lock taken on this machine. */
function isStale(lockFile: string): boolean {
	let holder: { pid?: unknown; host?: unknown };
	try {
		holder = JSON.parse(readFileSync(lockFile, 'utf8'));
	} catch {
		// Empty or half-written: its writer was killed, unless it is writing it right now.
		return Date.now() - (lstatSync(lockFile, { throwIfNoEntry: false })?.mtimeMs ?? 0) > 5000;
	}
	return holder.host === hostname() && typeof holder.pid === 'number' && !isRunning(holder.pid);
}

/** Whether a process of this machine is still running (a process of another user counts). */
export function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code !== 'ESRCH';
	}
}

/**
 * Takes the lock of a folder target (`.<name>.lock` next to it), waiting up to `waitMs` for another
 * publication to finish; a lock left by a killed run on this machine is taken over. Returns its release.
 */
function lock(lockFile: string, builtAt: string, waitMs: number): () => void {
	const deadline = Date.now() + waitMs;
	for (;;) {
		try {
			writeFileSync(lockFile, JSON.stringify({ pid: process.pid, host: hostname(), builtAt }), { flag: 'wx' });
			return () => rmSync(lockFile, { force: true });
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		if (existsSync(lockFile) && isStale(lockFile)) rmSync(lockFile, { force: true });
		else if (Date.now() > deadline) {
			throw new MessageError('deploy.locked', { lock: lockFile });
		} else sleep(200);
	}
}

/** Whether symbolic links can be made in a folder: not on a FAT or exFAT USB key, nor on some network shares. */
function canLink(dir: string): boolean {
	const probe = join(dir, `.symlink-probe-${process.pid}`);
	try {
		symlinkSync('.', probe);
		rmSync(probe, { force: true });
		return true;
	} catch (error) {
		if (['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EINVAL', 'ENOSYS'].includes((error as NodeJS.ErrnoException).code ?? '')) return false;
		throw error;
	}
}

/** The build time of the publication in a folder, if it is one. */
function liveBuiltAt(dir: string): string | undefined {
	try {
		const builtAt = (JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as { builtAt?: unknown }).builtAt;
		return typeof builtAt === 'string' && !Number.isNaN(Date.parse(builtAt)) ? builtAt : undefined;
	} catch {
		return undefined;
	}
}

/**
 * A local folder, replaced whole, so that the live path is a complete copy at every moment, even if
 * the publication is killed:
 * - the build is copied into `.<name>.releases/.tmp-…`, checked file by file against the manifest and
 *   renamed `.<name>.releases/<build>`;
 * - the live path is a symbolic link, switched onto it with one atomic rename; the newest other
 *   release is kept for a rollback by hand (docs/publishing.md), older ones deleted;
 * - where links cannot be made (FAT USB keys), the live path is a folder swapped with two renames,
 *   and a run killed between them is repaired by the next one;
 * - a lock keeps two publications from interleaving, and an older build never replaces a newer one;
 * - what killed runs left behind is deleted.
 * Refuses to replace anything that is not a previous publication. `links` says whether to use links
 * (default: whether the parent folder can hold them).
 */
export function deployFolder(buildDir: string, dest: string, manifest: Manifest, { lockWaitMs = 120_000, links }: { lockWaitMs?: number; links?: boolean } = {}): void {
	const parent = checkParent(dest);
	const name = basename(dest);
	const releases = releasesDir(dest);
	const unlock = lock(join(parent, `.${name}.lock`), manifest.builtAt, lockWaitMs);
	try {
		// A run killed between the two renames of a folder swap left the live folder aside: put it back.
		if (!existsSync(dest) && !isLink(dest)) {
			const aside = readdirSync(parent).filter((n) => n.startsWith(`.${name}.old-`) && existsSync(join(parent, n, MANIFEST_FILE))).sort().at(-1);
			if (aside) renameSync(join(parent, aside), dest);
		}
		removeLeftovers(parent, [`.${name}.new-`, `.${name}.old-`, `.${name}.link-`]);
		removeLeftovers(releases, ['.tmp-']);

		const current = currentRelease(dest, releases);
		const live = current.kind === 'none' ? undefined : liveBuiltAt(dest);
		if (live && Date.parse(live) > Date.parse(manifest.builtAt)) {
			throw new MessageError('deploy.newerLive', { live });
		}
		if (links ?? canLink(parent)) deployRelease(buildDir, dest, manifest, current);
		else swapFolder(buildDir, dest, manifest, current.kind !== 'none');
	} finally {
		unlock();
	}
}

const isLink = (path: string) => lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() ?? false;

type Current = { kind: 'none' } | { kind: 'folder' } | { kind: 'release'; name: string };

/** What the live path is now; throws if it is something publish must not replace. */
function currentRelease(dest: string, releases: string): Current {
	const stats = lstatSync(dest, { throwIfNoEntry: false });
	if (!stats) return { kind: 'none' };
	if (stats.isSymbolicLink()) {
		const target = resolve(dirname(dest), readlinkSync(dest));
		if (dirname(target) !== releases) throw new MessageError('deploy.linkOutside', { dest, target, releases });
		return { kind: 'release', name: basename(target) };
	}
	if (!stats.isDirectory()) throw new MessageError('deploy.notFolder', { dest });
	if (readdirSync(dest).length > 0 && !existsSync(join(dest, MANIFEST_FILE))) {
		throw new MessageError('deploy.notPublication', { dest, manifest: MANIFEST_FILE });
	}
	return readdirSync(dest).length ? { kind: 'folder' } : { kind: 'none' };
}

const differencesFrom = (dir: string, manifest: Manifest) => compareWithManifest(manifest, new Map(listFiles(dir).map((p) => [p, sha256(readFileSync(join(dir, p)))])));

/** Copies the build into `into` and checks every file against the manifest. */
function stage(buildDir: string, into: string, manifest: Manifest): void {
	chmodSync(into, 0o755);
	cpSync(buildDir, into, { recursive: true });
	const differences = differencesFrom(into, manifest);
	if (differences.length) throw new MessageError('deploy.stagedDiffers', { into, differences: differences.map((d) => `${d.kind} ${d.path}`).join(', ') });
}

function deployRelease(buildDir: string, dest: string, manifest: Manifest, current: Current): void {
	const parent = dirname(dest);
	const name = basename(dest);
	const releases = releasesDir(dest);
	mkdirSync(releases, { recursive: true, mode: 0o755 });
	let release = releaseName(manifest.builtAt);
	// This very build is live already (a run killed after its switch): kept if intact, never replaced under readers.
	const isLive = current.kind === 'release' && current.name === release;
	if (isLive && !differencesFrom(join(releases, release), manifest).length) return pruneReleases(releases, release);
	if (isLive) release = `${release}-${process.pid}`;
	const tmp = mkdtempSync(join(releases, '.tmp-'));
	try {
		stage(buildDir, tmp, manifest);
		checkpoint('staged');
		rmSync(join(releases, release), { recursive: true, force: true });
		renameSync(tmp, join(releases, release));
	} finally {
		rmSync(tmp, { recursive: true, force: true });
	}
	if (current.kind === 'folder') {
		// The first publication in this layout: the folder in place becomes the previous release. A
		// symbolic link cannot replace a folder in one rename, so the live path is absent for an instant;
		// a run killed right then is repaired by the next (its deploy puts the link in place).
		const previous = releaseName(liveBuiltAt(dest) ?? new Date(statSync(dest).mtimeMs).toISOString());
		const aside = join(releases, previous === release ? `${previous}-previous` : previous);
		rmSync(aside, { recursive: true, force: true });
		renameSync(dest, aside);
		checkpoint('moved-aside');
	} else if (current.kind === 'none' && existsSync(dest)) rmdirSync(dest); // an empty folder made beforehand
	const link = mkdtempSync(join(parent, `.${name}.link-`));
	rmSync(link, { recursive: true });
	// Relative, so that the copy still works where the USB key or share is mounted elsewhere.
	symlinkSync(`${basename(releases)}/${release}`, link);
	renameSync(link, dest);
	checkpoint('switched');
	pruneReleases(releases, release);
}

/** Keeps the live release and the newest other one (for a rollback); deletes the rest. */
function pruneReleases(releases: string, live: string): void {
	const others = readdirSync(releases).filter((n) => n !== live).sort();
	for (const old of others.slice(0, -1)) rmSync(join(releases, old), { recursive: true, force: true });
}

/** Without symbolic links: the new copy is staged next to the live folder and swapped in with two renames. */
function swapFolder(buildDir: string, dest: string, manifest: Manifest, replacing: boolean): void {
	const parent = dirname(dest);
	const name = basename(dest);
	const fresh = mkdtempSync(join(parent, `.${name}.new-`));
	try {
		stage(buildDir, fresh, manifest);
		checkpoint('staged');
		if (!replacing) return renameSync(fresh, dest);
		const aside = mkdtempSync(join(parent, `.${name}.old-`));
		rmSync(aside, { recursive: true });
		renameSync(dest, aside);
		checkpoint('moved-aside');
		renameSync(fresh, dest);
		checkpoint('switched');
		rmSync(aside, { recursive: true, force: true });
	} finally {
		rmSync(fresh, { recursive: true, force: true });
	}
}

/** A zip archive, written to a temporary file next to it and renamed over the old one. */
export function deployZip(buildDir: string, dest: string, modified: Date): void {
	const parent = checkParent(dest);
	if (existsSync(dest) && !statSync(dest).isFile()) throw new MessageError('deploy.notFile', { dest });
	removeLeftovers(parent, [`.${basename(dest)}.new-`]);
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
