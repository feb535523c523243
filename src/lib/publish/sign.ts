import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The OpenSSH signature namespace of manifests: `ssh-keygen -Y sign -n file`. */
export const NAMESPACE = 'file';

/**
 * Signs a file with an SSH private key: writes `<file>.sig` next to it. A passphrase, if the key has
 * one, is asked on the terminal by ssh-keygen itself. Throws with ssh-keygen's message on failure.
 */
export function signFile(keyPath: string, file: string): void {
	const result = spawnSync('ssh-keygen', ['-Y', 'sign', '-f', keyPath, '-n', NAMESPACE, file], { stdio: ['inherit', 'pipe', 'pipe'], encoding: 'utf8' });
	if (result.error) throw new Error(`ssh-keygen: ${result.error.message} (is OpenSSH installed?)`);
	if (result.status !== 0) throw new Error(`ssh-keygen -Y sign: ${result.stderr.trim() || `exit ${result.status}`}`);
}

export interface SignatureCheck {
	ok: boolean;
	/** The identity of `allowed_signers` that signed, when the signature is good. */
	principal?: string;
	/** `SHA256:…` of the key that signed, when the signature is good. */
	fingerprint?: string;
	/** ssh-keygen's own words. */
	message: string;
	/** The manifest or its signature could not be read at all (copy unreachable, not a publication). */
	missing?: boolean;
}

/**
 * Checks a signature with `ssh-keygen -Y verify` against an `allowed_signers` file: first asks which
 * identity the signing key belongs to (`-Y find-principals`), then verifies for that identity.
 */
export function verifySignature(allowedSigners: string, data: Buffer, signature: Buffer): SignatureCheck {
	const dir = mkdtempSync(join(tmpdir(), 'verify-sig-'));
	try {
		const sigFile = join(dir, 'manifest.json.sig');
		writeFileSync(sigFile, signature);
		const find = spawnSync('ssh-keygen', ['-Y', 'find-principals', '-s', sigFile, '-f', allowedSigners], { encoding: 'utf8' });
		if (find.error) return { ok: false, message: `ssh-keygen: ${find.error.message} (is OpenSSH installed?)` };
		const principals = find.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
		if (find.status !== 0 || principals.length === 0) return { ok: false, message: (find.stderr.trim() || 'No principal matched.') + ` (${allowedSigners})` };
		for (const principal of principals) {
			const check = spawnSync('ssh-keygen', ['-Y', 'verify', '-f', allowedSigners, '-I', principal, '-n', NAMESPACE, '-s', sigFile], { input: data, encoding: 'utf8' });
			const message = `${check.stdout}${check.stderr}`.trim();
			if (check.status === 0) return { ok: true, principal, fingerprint: /(SHA256:[A-Za-z0-9+/]+)/.exec(message)?.[1], message };
			if (principal === principals.at(-1)) return { ok: false, message };
		}
		return { ok: false, message: 'no principal' };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** Same as verifySignature, for a manifest and signature on disk. */
export function verifySignatureFiles(allowedSigners: string, dataFile: string, sigFile: string): SignatureCheck {
	return verifySignature(allowedSigners, readFileSync(dataFile), readFileSync(sigFile));
}
