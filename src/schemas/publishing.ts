import { z } from 'astro/zod';

/**
 * Where `npm run publish` puts a copy of the site. Paths may start with `~/` (the home folder);
 * other relative paths are relative to the project folder. `name` is what reports call the target.
 */
const named = { name: z.string().min(1).optional() };
/** Extra command-line options for rsync or rclone, one per item: `["-e", "ssh -p 2222"]`. */
const options = z.array(z.string().min(1)).default([]);

export const publishTargetSchema = z.discriminatedUnion(
	'type',
	[
		/** A local folder: a USB key, a mounted network share. Replaced whole, by renames. */
		z.strictObject({ ...named, type: z.literal('folder'), path: z.string().min(1) }),
		/** A zip archive of the site: `~/Bureau/site-mairie.zip`. */
		z.strictObject({ ...named, type: z.literal('zip'), path: z.string().min(1) }),
		/** Any host rsync reaches over SSH: `publication@serveur.example.org:/var/www/site/`. */
		z.strictObject({ ...named, type: z.literal('rsync'), destination: z.string().min(1), options }),
		/** S3-compatible storage or a static host, through a remote made with `rclone config`: `secours:bucket/site`. */
		z.strictObject({ ...named, type: z.literal('rclone'), remote: z.string().regex(/^:?[^:/\\]+:/, 'expected.rcloneRemote'), options }),
	],
	{ error: 'expected.targetType' },
);

/** The `publish:` section of `content/settings.yaml`: how `npm run publish` signs and where it deploys. */
export const publishSchema = z.strictObject({
	/**
	 * The town's private signing key (made with `ssh-keygen -t ed25519`), e.g. `~/.ssh/site-mairie-signature`.
	 * Never inside the project. The `PUBLISH_KEY` environment variable or `--key` override it.
	 */
	key: z.string().min(1).optional(),
	/** The identity the key is listed under in `signing/allowed_signers`, e.g. `publication@ville.fr`. */
	signer: z.string().min(1),
	/**
	 * Who to tell about a security problem in the site, for `/.well-known/security.txt`:
	 * `mailto:…`, `https://…` or `tel:…`. Default: the first working email contact.
	 */
	securityContact: z.string().regex(/^(mailto:|https:\/\/|tel:)\S+$/, 'expected.securityContact').optional(),
	/**
	 * How many days a publication stays trusted: `npm run verify` refuses a copy older than this, so
	 * a mirror left behind or an old copy replayed by an attacker cannot pass for the current site.
	 * Publish again before then, even with nothing new (a daily scheduled publication renews it).
	 * Default 5, 1 to 90.
	 */
	validDays: z.number().int().min(1).max(90).default(5),
	/** Every copy to update. Each is deployed even if another fails. */
	targets: z.array(publishTargetSchema).default([]),
});

export type PublishSettings = z.infer<typeof publishSchema>;
export type PublishTarget = z.infer<typeof publishTargetSchema>;
