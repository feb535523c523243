import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'astro/zod';
import type { Manifest } from './manifest.ts';

/**
 * Defences against freeze and rollback attacks, after TUF (The Update Framework): a genuine copy
 * can still lie by being old. A mirror left behind, or an attacker replaying a copy signed last
 * week, would show residents a situation that is no longer true. So:
 * - every manifest expires (`expires`), and an expired copy is refused;
 * - every manifest names the addresses it was made for, and a copy found elsewhere is refused;
 * - the checker remembers the newest build it has seen for each site (a small state file in the
 *   user's cache folder) and refuses an older one, like a TUF client keeps its trusted metadata.
 */

/** Why a genuine copy is not trusted anyway. */
export interface FreshnessProblem {
	kind: 'expired' | 'wrong-address' | 'behind';
	/** `expired`: the expiry. `wrong-address`: the addresses the manifest names. `behind`: the newer build and where it was seen. */
	detail: string;
}

/** An address as compared: origin and path, ending with `/`; `undefined` if it is not an address. */
export function normalizeAddress(address: string): string | undefined {
	try {
		const url = new URL(address);
		return `${url.origin}${url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`}`;
	} catch {
		return undefined;
	}
}

/**
 * What is wrong with a genuine manifest at this moment, found at this address (a folder has none).
 * Pure.
 *
 * @example
 * freshnessProblems(manifest, { now: new Date(), address: 'https://copie-pirate.example/' });
 * // → [{ kind: 'wrong-address', detail: 'https://info.ville.fr/, https://secours.ville.fr/' }]
 */
export function freshnessProblems(manifest: Manifest, { now, address }: { now: Date; address?: string }): FreshnessProblem[] {
	const problems: FreshnessProblem[] = [];
	if (Date.parse(manifest.expires) <= now.getTime()) problems.push({ kind: 'expired', detail: manifest.expires });
	if (address !== undefined) {
		const official = [manifest.site, ...manifest.mirrors];
		const here = normalizeAddress(address);
		if (!official.some((a) => normalizeAddress(a) === here)) problems.push({ kind: 'wrong-address', detail: official.join(', ') });
	}
	return problems;
}

const stateSchema = z.strictObject({
	format: z.literal('town-site-verify-state/1'),
	/** By site address (normalised): its newest build seen, when and where. */
	sites: z.record(z.string(), z.strictObject({ builtAt: z.iso.datetime(), seenAt: z.iso.datetime(), from: z.string() })),
});
export type SeenBuilds = z.infer<typeof stateSchema>;
export const NO_BUILDS_SEEN: SeenBuilds = { format: 'town-site-verify-state/1', sites: {} };

/**
 * Where `verify` keeps the newest build seen per site: `TOWN_SITE_VERIFY_STATE` if set (tests), else
 * `$XDG_CACHE_HOME/town-site-verify/newest-builds.json`, else `~/.cache/town-site-verify/newest-builds.json`.
 */
export function seenBuildsFile(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
	if (env.TOWN_SITE_VERIFY_STATE) return env.TOWN_SITE_VERIFY_STATE;
	return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'town-site-verify', 'newest-builds.json');
}

/** Reads the state file; none yet means nothing seen. Throws, naming the file, if it is unreadable. */
export function readSeenBuilds(file: string): SeenBuilds {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return NO_BUILDS_SEEN;
		throw new Error(`${file}: ${(error as Error).message}`);
	}
	try {
		return stateSchema.parse(JSON.parse(text));
	} catch {
		throw new Error(`${file} is damaged: delete it to start afresh (verify then forgets the builds it has seen)`);
	}
}

/** Writes the state file whole (temporary file, then rename): a killed run leaves the old one or the new one. */
export function writeSeenBuilds(file: string, state: SeenBuilds): void {
	mkdirSync(dirname(file), { recursive: true });
	const tmp = `${file}.${process.pid}.tmp`;
	writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
	renameSync(tmp, file);
}

/** A genuine copy just checked: which site, which build, where it was found. */
export interface SeenCopy {
	site: string;
	builtAt: string;
	from: string;
}

/**
 * The newest build of each site among those remembered and those just seen. Pure.
 *
 * @example
 * recordBuilds(NO_BUILDS_SEEN, [{ site: 'https://info.ville.fr/', builtAt: '2024-06-28T16:00:00.000Z', from: 'https://info.ville.fr/' }], new Date());
 * // → { format: …, sites: { 'https://info.ville.fr/': { builtAt: '2024-06-28T16:00:00.000Z', seenAt: …, from: 'https://info.ville.fr/' } } }
 */
export function recordBuilds(state: SeenBuilds, copies: SeenCopy[], now: Date): SeenBuilds {
	const sites = { ...state.sites };
	for (const copy of copies) {
		const key = normalizeAddress(copy.site) ?? copy.site;
		const known = sites[key];
		if (!known || Date.parse(copy.builtAt) > Date.parse(known.builtAt)) sites[key] = { builtAt: copy.builtAt, seenAt: now.toISOString(), from: copy.from };
	}
	return { ...state, sites };
}

/**
 * The copies older than the newest build known for their site, whether remembered from an earlier
 * check or seen in this one (another mirror): each with that newer build. Pure.
 *
 * @example
 * copiesBehind(NO_BUILDS_SEEN, [{ site: S, builtAt: '…T10…', from: 'https://a/' }, { site: S, builtAt: '…T16…', from: 'https://b/' }], new Date());
 * // → [{ copy: { …from: 'https://a/' }, newest: { builtAt: '…T16…', from: 'https://b/', … } }]
 */
export function copiesBehind(state: SeenBuilds, copies: SeenCopy[], now: Date): { copy: SeenCopy; newest: SeenBuilds['sites'][string] }[] {
	const newest = recordBuilds(state, copies, now).sites;
	return copies.flatMap((copy) => {
		const best = newest[normalizeAddress(copy.site) ?? copy.site]!;
		return Date.parse(copy.builtAt) < Date.parse(best.builtAt) ? [{ copy, newest: best }] : [];
	});
}
