/**
 * Checks that copies of the site are exactly what the town signed, and current (docs/publishing.md).
 *
 *   npm run verify -- https://secours.ville.fr/       # a copy served over HTTP(S)
 *   npm run verify -- /media/usb/site                 # a copy on disk (every file is known)
 *   npm run verify -- https://info.ville.fr/ https://secours.ville.fr/   # several: names those behind
 *   npm run verify -- URL --allowed-signers fichier   # another trusted list
 *   npm run verify -- http://10.0.0.5/ --as https://info.ville.fr/      # a copy reached at another address
 *   npm run verify -- URL --lang en
 *
 * The signature of manifest.json is checked against the TRUSTED list of this project
 * (`content/signing/allowed_signers`), never against the one the copy ships. Then, as TUF does
 * against freeze and rollback attacks: the publication must not have expired, must be signed for
 * the address it is found at, and must not be older than the newest build of that site seen
 * before (remembered in the user's cache folder, see src/lib/publish/seen-builds.ts) or in another
 * copy checked at the same time. Exit code 1 on any of these or any missing, changed, unexpected or
 * refused file, or a security header sent differently from the signed one; 2 on a usage error.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { langOf, t } from '../src/i18n/ui.ts';
import { copiesBehind, freshnessProblems, readSeenBuilds, recordBuilds, seenBuildsFile, writeSeenBuilds, type FreshnessProblem, type SeenBuilds, type SeenCopy } from '../src/lib/publish/seen-builds.ts';
import { isClean, verifyFolder, verifyUrl, type VerifyReport } from '../src/lib/publish/verify.ts';
import { parseArgsOrUsage } from './lib/args.ts';

const { values, positionals } = parseArgsOrUsage(
	{
		allowPositionals: true,
		options: {
			'allowed-signers': { type: 'string' },
			content: { type: 'string', default: process.env.CONTENT_DIR ?? 'content' },
			as: { type: 'string' },
			timeout: { type: 'string', default: '30' },
			lang: { type: 'string', default: 'fr' },
		},
	},
	'usage.verify',
);
const lang = langOf(values.lang);
const usageError = (message: string): never => {
	console.error(message);
	console.error(t(lang, 'usage.verify'));
	process.exit(2);
};

if (!positionals.length) usageError(t(lang, 'verify.noCopy'));
const timeoutSeconds = Number(values.timeout);
if (!(timeoutSeconds > 0 && timeoutSeconds <= 3600)) usageError(t(lang, 'verify.badTimeout', { value: values.timeout }));
if (values.as !== undefined && !/^https?:\/\//i.test(values.as)) usageError(t(lang, 'verify.badAs', { value: values.as }));
const allowedSigners = resolve(values['allowed-signers'] ?? join(values.content, 'signing', 'allowed_signers'));
if (!existsSync(allowedSigners)) usageError(t(lang, 'verify.noTrustedList', { file: allowedSigners }));

/** Each target: a folder on disk, or an address. */
const targets = positionals.map((target) => {
	const local = target.startsWith('file:') ? fileURLToPath(target) : /^https?:\/\//i.test(target) ? undefined : resolve(target);
	if (local !== undefined && !(existsSync(local) && statSync(local).isDirectory())) usageError(t(lang, 'verify.notATarget', { target }));
	return { target, local };
});

const stateFile = seenBuildsFile();
let seen: SeenBuilds;
try {
	seen = readSeenBuilds(stateFile);
} catch (error) {
	usageError(`✗ ${(error as Error).message}`);
}

/** Prints the report of one copy; returns whether it is clean and current, and the genuine build it holds. */
async function check({ target, local }: (typeof targets)[number]): Promise<{ ok: boolean; copy?: SeenCopy }> {
	console.log(t(lang, 'verify.checking', { target: local ?? target }));
	console.log(t(lang, 'verify.trustedList', { file: allowedSigners }));
	let report: VerifyReport;
	try {
		report = local !== undefined ? verifyFolder(local, allowedSigners) : await verifyUrl(target, allowedSigners, { timeoutMs: timeoutSeconds * 1000 });
	} catch (error) {
		console.log(`✗ ${(error as Error).message}`);
		return { ok: false };
	}
	if (report.signature.missing) {
		console.log(t(lang, 'verify.unreachable', { message: report.signature.message }));
		console.log(t(lang, 'verify.unreachableHelp'));
		return { ok: false };
	}
	if (!report.signature.ok) {
		console.log(t(lang, 'verify.badSignature', { message: report.signature.message }));
		console.log(t(lang, 'verify.badSignatureHelp'));
		return { ok: false };
	}
	const m = report.manifest!;
	console.log(t(lang, 'verify.goodSignature', { principal: report.signature.principal ?? '', fingerprint: report.signature.fingerprint ?? '' }));
	console.log(t(lang, 'verify.publication', { builtAt: m.builtAt, site: m.site, expires: m.expires, listed: m.files.length, read: report.checked }));

	const problems = freshnessProblems(m, { now: new Date(), address: values.as ?? (local === undefined ? target : undefined) });
	for (const problem of problems) console.log(freshnessMessage(problem, values.as ?? target));

	for (const d of report.differences) {
		const detail = d.detail ? (d.kind === 'unexpected' ? t(lang, 'verify.linkedFrom', { page: d.detail }) : ` (${d.detail})`) : '';
		console.log(`✗ ${t(lang, `verify.difference.${d.kind}`).padEnd(10)} ${d.path}${detail}`);
	}
	if (report.hidden?.length) {
		const list = report.hidden.map((h) => `${h.path} (${h.status})`).join(', ');
		console.log(t(lang, 'verify.hidden', { list }));
	}
	if (report.headers) printHeaders(report.headers);
	if (report.mode === 'http') {
		console.log(t(lang, 'verify.httpNote'));
	}
	const clean = isClean(report);
	// With several copies, whether each is current is only known once all are read: said at the end.
	if (clean && targets.length > 1) console.log(t(lang, 'verify.allSigned'));
	if (!clean) {
		const count = report.differences.length + (report.headers?.filter((h) => h.different).length ?? 0);
		console.log(t(lang, 'verify.differences', { n: count }));
	}
	// Like TUF, only a publication that passed its own checks (signature, expiry, address) is remembered.
	const copy = problems.length ? undefined : { site: m.site, builtAt: m.builtAt, from: local ?? target };
	return { ok: clean && !problems.length, copy };
}

function freshnessMessage(problem: FreshnessProblem, address: string): string {
	switch (problem.kind) {
		case 'expired':
			return t(lang, 'verify.expired', { since: problem.detail });
		case 'wrong-address':
			return t(lang, 'verify.wrongAddress', { signedFor: problem.detail, address });
		case 'behind':
			return t(lang, 'verify.behind', { detail: problem.detail });
	}
}

function printHeaders(headers: NonNullable<VerifyReport['headers']>): void {
	if (!headers.length) return;
	const pages = headers[0]!.pages;
	const good = headers.filter((h) => !h.different && h.absentOn === 0);
	if (good.length === headers.length) {
		console.log(t(lang, 'verify.headersAll', { n: headers.length, pages }));
		return;
	}
	console.log(t(lang, 'verify.headersSome', { good: good.length, n: headers.length, pages }));
	for (const h of headers) {
		if (h.different) console.log(t(lang, 'verify.headerDifferent', { name: h.name, sent: h.different.sent, path: h.different.path, expected: h.expected }));
		else if (h.absentOn) console.log(t(lang, 'verify.headerAbsent', { name: h.name, absent: h.absentOn, pages: h.pages }));
	}
	if (headers.some((h) => h.absentOn && !h.different)) {
		console.log(t(lang, 'verify.metaOnly'));
	}
}

const results: { target: string; ok: boolean; copy?: SeenCopy }[] = [];
for (const target of targets) {
	if (targets.length > 1) console.log(`\n── ${target.local ?? target.target}`);
	results.push({ target: target.target, ...(await check(target)) });
}

// Newer than every build seen before and than the other copies checked now, or behind.
const now = new Date();
const copies = results.flatMap((r) => (r.copy ? [r.copy] : []));
const behind = copiesBehind(seen!, copies, now);
if (behind.length) console.log('');
for (const { copy, newest } of behind) {
	const where = copies.some((c) => c.from === newest.from && c.builtAt === newest.builtAt) ? newest.from : t(lang, 'verify.checkedOn', { from: newest.from, seenAt: newest.seenAt });
	console.log(
		freshnessMessage(
			{
				kind: 'behind',
				detail: t(lang, 'verify.behindDetail', { copy: copy.from, builtAt: copy.builtAt, newest: newest.builtAt, where }),
			},
			copy.from,
		),
	);
	results.find((r) => r.copy === copy)!.ok = false;
}
try {
	// Read again: another verify may have recorded a newer build meanwhile.
	writeSeenBuilds(stateFile, recordBuilds(readSeenBuilds(stateFile), copies, now));
} catch (error) {
	console.log(t(lang, 'verify.cannotRecord', { file: stateFile, message: (error as Error).message }));
}

const failed = results.filter((r) => !r.ok);
if (targets.length > 1) {
	console.log('');
	if (failed.length) console.log(t(lang, 'verify.copiesFailed', { n: failed.length, total: targets.length, list: failed.map((r) => r.target).join(', ') }));
}
if (failed.length) process.exit(1);
console.log(
	targets.length > 1 ? t(lang, 'verify.allCopiesGood', { n: targets.length }) : t(lang, 'verify.goodCopy'),
);
