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
import { counted } from '../src/i18n/ui.ts';
import type { Difference } from '../src/lib/publish/manifest.ts';
import { copiesBehind, freshnessProblems, readSeenBuilds, recordBuilds, seenBuildsFile, writeSeenBuilds, type FreshnessProblem, type SeenBuilds, type SeenCopy } from '../src/lib/publish/seen-builds.ts';
import { isClean, verifyFolder, verifyUrl, type VerifyReport } from '../src/lib/publish/verify.ts';
import { parseArgsOrUsage } from './lib/args.ts';

const USAGE = 'Usage : npm run verify -- <adresse https://… ou dossier>… [--as <adresse officielle>] [--allowed-signers <fichier>] [--timeout <secondes>] [--lang fr|en]';
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
	USAGE,
);
const fr = values.lang !== 'en';
const t = (frText: string, enText: string) => (fr ? frText : enText);
const usageError = (message: string): never => {
	console.error(message);
	console.error(USAGE);
	process.exit(2);
};

if (!positionals.length) usageError(t('Aucune copie à vérifier.', 'No copy to check.'));
const timeoutSeconds = Number(values.timeout);
if (!(timeoutSeconds > 0 && timeoutSeconds <= 3600)) usageError(t(`--timeout : un nombre de secondes entre 1 et 3600, pas « ${values.timeout} ».`, `--timeout: a number of seconds from 1 to 3600, not "${values.timeout}".`));
if (values.as !== undefined && !/^https?:\/\//i.test(values.as)) usageError(t(`--as : une adresse http(s), pas « ${values.as} ».`, `--as: an http(s) address, not "${values.as}".`));
const allowedSigners = resolve(values['allowed-signers'] ?? join(values.content, 'signing', 'allowed_signers'));
if (!existsSync(allowedSigners)) usageError(t(`Liste de confiance introuvable : ${allowedSigners}`, `Trusted list not found: ${allowedSigners}`));

/** Each target: a folder on disk, or an address. */
const targets = positionals.map((target) => {
	const local = target.startsWith('file:') ? fileURLToPath(target) : /^https?:\/\//i.test(target) ? undefined : resolve(target);
	if (local !== undefined && !(existsSync(local) && statSync(local).isDirectory())) usageError(t(`Ni une adresse http(s) ni un dossier : ${target}`, `Neither an http(s) address nor a folder: ${target}`));
	return { target, local };
});

const stateFile = seenBuildsFile();
let seen: SeenBuilds;
try {
	seen = readSeenBuilds(stateFile);
} catch (error) {
	usageError(`✗ ${(error as Error).message}`);
}

const LABELS: Record<Difference['kind'], [string, string]> = {
	missing: ['manquant', 'missing'],
	changed: ['modifié', 'changed'],
	unexpected: ['inattendu', 'unexpected'],
	unreachable: ['illisible', 'unreachable'],
	refused: ['refusé', 'refused'],
};

/** Prints the report of one copy; returns whether it is clean and current, and the genuine build it holds. */
async function check({ target, local }: (typeof targets)[number]): Promise<{ ok: boolean; copy?: SeenCopy }> {
	console.log(t(`Vérification de ${local ?? target}`, `Checking ${local ?? target}`));
	console.log(t(`Liste de confiance : ${allowedSigners}`, `Trusted list: ${allowedSigners}`));
	let report: VerifyReport;
	try {
		report = local !== undefined ? verifyFolder(local, allowedSigners) : await verifyUrl(target, allowedSigners, { timeoutMs: timeoutSeconds * 1000 });
	} catch (error) {
		console.log(`✗ ${(error as Error).message}`);
		return { ok: false };
	}
	if (report.signature.missing) {
		console.log(t(`✗ COPIE INJOIGNABLE OU INCOMPLÈTE : ${report.signature.message}`, `✗ COPY UNREACHABLE OR INCOMPLETE: ${report.signature.message}`));
		console.log(t('Pas de manifeste signé à lire : vérifiez l’adresse et la connexion, puis republiez cette copie si besoin.', 'No signed manifest to read: check the address and the connection, then publish this copy again if needed.'));
		return { ok: false };
	}
	if (!report.signature.ok) {
		console.log(t(`✗ SIGNATURE INVALIDE : ${report.signature.message}`, `✗ BAD SIGNATURE: ${report.signature.message}`));
		console.log(t('Cette copie n’est pas authentifiée par la mairie : ne vous y fiez pas.', 'This copy is not authenticated by the town: do not trust it.'));
		return { ok: false };
	}
	const m = report.manifest!;
	console.log(t(`✓ Signature valide : ${report.signature.principal} (clé ${report.signature.fingerprint})`, `✓ Good signature: ${report.signature.principal} (key ${report.signature.fingerprint})`));
	console.log(t(`  Publication du ${m.builtAt} pour ${m.site}, valable jusqu’au ${m.expires} : ${m.files.length} fichiers listés, ${report.checked} lus.`, `  Publication of ${m.builtAt} for ${m.site}, valid until ${m.expires}: ${m.files.length} files listed, ${report.checked} read.`));

	const problems = freshnessProblems(m, { now: new Date(), address: values.as ?? (local === undefined ? target : undefined) });
	for (const problem of problems) console.log(freshnessMessage(problem, values.as ?? target));

	for (const d of report.differences) {
		const [frLabel, enLabel] = LABELS[d.kind];
		const detail = d.detail ? (d.kind === 'unexpected' ? t(` (lien depuis ${d.detail})`, ` (linked from ${d.detail})`) : ` (${d.detail})`) : '';
		console.log(`✗ ${t(frLabel, enLabel).padEnd(10)} ${d.path}${detail}`);
	}
	if (report.hidden?.length) {
		const list = report.hidden.map((h) => `${h.path} (${h.status})`).join(', ');
		console.log(t(`  Non servis par l’hébergeur, comme il se doit : ${list}`, `  Not served by the host, as they should not be: ${list}`));
	}
	if (report.headers) printHeaders(report.headers);
	if (report.mode === 'http') {
		console.log(
			t(
				'  Note : en HTTP, un fichier ajouté n’est trouvé que si une page y mène ; vérifiez une copie sur disque pour une liste complète.',
				'  Note: over HTTP an added file is found only if a page links to it; check a copy on disk for a complete listing.',
			),
		);
	}
	const clean = isClean(report);
	// With several copies, whether each is current is only known once all are read: said at the end.
	if (clean && targets.length > 1) console.log(t('✓ Chaque fichier est celui que la mairie a signé.', '✓ Every file is the one the town signed.'));
	if (!clean) {
		const count = report.differences.length + (report.headers?.filter((h) => h.different).length ?? 0);
		console.log(t(`✗ ${counted('fr', count, 'différence', 'différences')} : cette copie n’est PAS celle que la mairie a publiée.`, `✗ ${counted('en', count, 'difference', 'differences')}: this copy is NOT the one the town published.`));
	}
	// Like TUF, only a publication that passed its own checks (signature, expiry, address) is remembered.
	const copy = problems.length ? undefined : { site: m.site, builtAt: m.builtAt, from: local ?? target };
	return { ok: clean && !problems.length, copy };
}

function freshnessMessage(problem: FreshnessProblem, address: string): string {
	switch (problem.kind) {
		case 'expired':
			return t(
				`✗ EXPIRÉE depuis le ${problem.detail} : une copie ancienne peut montrer une situation dépassée. Republiez-la (npm run publish).`,
				`✗ EXPIRED since ${problem.detail}: an old copy may show a situation that is over. Publish it again (npm run publish).`,
			);
		case 'wrong-address':
			return t(
				`✗ MAUVAISE ADRESSE : cette publication est signée pour ${problem.detail}, pas pour ${address}. (Copie servie ailleurs en connaissance de cause : --as <adresse officielle>.)`,
				`✗ WRONG ADDRESS: this publication is signed for ${problem.detail}, not for ${address}. (A copy knowingly served elsewhere: --as <official address>.)`,
			);
		case 'behind':
			return t(`✗ EN RETARD : ${problem.detail}`, `✗ BEHIND: ${problem.detail}`);
	}
}

function printHeaders(headers: NonNullable<VerifyReport['headers']>): void {
	if (!headers.length) return;
	const pages = headers[0]!.pages;
	const good = headers.filter((h) => !h.different && h.absentOn === 0);
	if (good.length === headers.length) {
		console.log(t(`✓ En-têtes de sécurité : les ${headers.length} signés sont envoyés tels quels (${pages} pages).`, `✓ Security headers: all ${headers.length} signed ones are sent as signed (${pages} pages).`));
		return;
	}
	console.log(t(`  En-têtes de sécurité : ${good.length} sur ${headers.length} envoyés tels que signés (${pages} pages).`, `  Security headers: ${good.length} of ${headers.length} sent as signed (${pages} pages).`));
	for (const h of headers) {
		if (h.different) console.log(t(`✗ en-tête   ${h.name} : « ${h.different.sent} » sur ${h.different.path}, signé « ${h.expected} »`, `✗ header    ${h.name}: "${h.different.sent}" on ${h.different.path}, signed "${h.expected}"`));
		else if (h.absentOn) console.log(t(`! en-tête absent : ${h.name} (${counted('fr', h.absentOn, 'page', 'pages')} sur ${h.pages}) ; l’hébergeur ne l’envoie pas`, `! header not sent: ${h.name} (${h.absentOn} of ${counted('en', h.pages, 'page', 'pages')}); the host does not send it`));
	}
	if (headers.some((h) => h.absentOn && !h.different)) {
		console.log(t('  Sans ces en-têtes, seule la politique <meta> de chaque page protège : voir docs/publishing.md, section 8.', '  Without these headers only each page’s <meta> policy protects it: see docs/publishing.md, section 8.'));
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
	const where = copies.some((c) => c.from === newest.from && c.builtAt === newest.builtAt) ? newest.from : t(`${newest.from}, vérifiée le ${newest.seenAt}`, `${newest.from}, checked on ${newest.seenAt}`);
	console.log(
		freshnessMessage(
			{
				kind: 'behind',
				detail: t(
					`${copy.from} a la publication du ${copy.builtAt}, plus ancienne que celle du ${newest.builtAt} (${where}). Une copie en retard ou rejouée montre une situation dépassée : republiez-la.`,
					`${copy.from} holds the publication of ${copy.builtAt}, older than the one of ${newest.builtAt} (${where}). A copy left behind or replayed shows a situation that is over: publish it again.`,
				),
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
	console.log(t(`! Impossible d’enregistrer la dernière publication vue dans ${stateFile} : ${(error as Error).message}`, `! Could not record the newest publication seen in ${stateFile}: ${(error as Error).message}`));
}

const failed = results.filter((r) => !r.ok);
if (targets.length > 1) {
	console.log('');
	if (failed.length) console.log(t(`✗ ${counted('fr', failed.length, 'copie', 'copies')} sur ${targets.length} en échec : ${failed.map((r) => r.target).join(', ')}`, `✗ ${failed.length} of ${targets.length} copies failed: ${failed.map((r) => r.target).join(', ')}`));
}
if (failed.length) process.exit(1);
console.log(
	targets.length > 1
		? t(`✓ Les ${targets.length} copies sont conformes et à jour.`, `✓ All ${targets.length} copies are authentic and current.`)
		: t('✓ Copie conforme : chaque fichier est celui que la mairie a signé.', '✓ Authentic copy: every file is the one the town signed.'),
);
