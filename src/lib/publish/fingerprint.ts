import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface PublicKeyInfo {
	/** Key type as written in the file: `ssh-ed25519`, `ssh-rsa`, `ecdsa-sha2-nistp256`… */
	type: string;
	/** What `ssh-keygen -l` prints: `SHA256:` and the unpadded base64 SHA-256 of the key blob. */
	fingerprint: string;
	/** The comment after the key, usually who made it. */
	comment: string;
}

/**
 * The fingerprint of an OpenSSH public key (one line of a `.pub` file), the same `SHA256:…` that
 * `ssh-keygen -l -f key.pub` prints. Throws on anything that is not a public key line.
 *
 * @example
 * publicKeyFingerprint('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI… publication@ville.fr');
 * // → { type: 'ssh-ed25519', fingerprint: 'SHA256:Hv…Oj8', comment: 'publication@ville.fr' }
 */
export function publicKeyFingerprint(line: string): PublicKeyInfo {
	const [type, blob, ...comment] = line.trim().split(/\s+/);
	if (!type || !blob || !/^(ssh-|ecdsa-|sk-)/.test(type) || !/^[A-Za-z0-9+/]+={0,2}$/.test(blob)) throw new Error('not an OpenSSH public key line');
	const bytes = Buffer.from(blob, 'base64');
	// The blob starts with its own type as an SSH string (4-byte length, then the name): a check that it is not garbage.
	const nameLength = bytes.length >= 4 ? bytes.readUInt32BE(0) : -1;
	if (nameLength < 0 || bytes.subarray(4, 4 + nameLength).toString('latin1') !== type) throw new Error(`the key data does not match its type ${type}`);
	const fingerprint = `SHA256:${createHash('sha256').update(bytes).digest('base64').replace(/=+$/, '')}`;
	return { type, fingerprint, comment: comment.join(' ') };
}

/** The `.pub` files of a signing folder (`content/signing/`), sorted by name, with their fingerprints. */
export function signingKeys(dir: string): (PublicKeyInfo & { file: string })[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((name) => name.endsWith('.pub'))
		.sort()
		.map((file) => ({ file, ...publicKeyFingerprint(readFileSync(join(dir, file), 'utf8')) }));
}
