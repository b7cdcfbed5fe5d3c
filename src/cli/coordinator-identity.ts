/**
 * The coordinator's Ed25519 identity at rest, `<home>/identity.json` (mode 0600), sealed like a
 * node's (DESIGN.md "Keys at rest"): the 32-byte secret is sealed with XChaCha20-Poly1305 under a
 * key-encryption key that scrypt derives from the coordinator's passphrase with a random salt
 * (storage/key-encryption.ts), associated data "tessera/v1/coordinator-identity" ‖ public key.
 * The public key stays in clear, for the operator to put in the nodes' `coordinators`:
 *
 *   {"format": "tessera-coordinator-identity/1", "publicKey": hex, "kdf": "scrypt",
 *    "scrypt": {"N", "r", "p"}, "salt": hex, "aead": "xchacha20poly1305", "sealedSecret": hex}
 *
 * The passphrase comes from `--passphrase-file <file>` or the environment variable
 * TESSERA_COORDINATOR_PASSPHRASE (storage/passphrase.ts). A file of the old plaintext form
 * (`{"secretKey": hex}`) is sealed in place on first use. Files are written through json-file.ts
 * (temporary file, fsync, rename). The secret only ever lives in a NodeIdentity, which prints
 * its public key and nothing else.
 * @module
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { bytesToHex, concatBytes, hexToBytes, utf8 } from '../math/bytes.js';
import { systemRng } from '../math/random.js';
import { IDENTITY_SECRET_BYTES, NodeIdentity } from '../storage/identity-store.js';
import { AEAD_NAME, DEFAULT_SCRYPT, deriveKek, KeyEncryption, SALT_BYTES, SealedDataError, validateScryptParams, WrongPassphraseError, type ScryptParams } from '../storage/key-encryption.js';
import { passphraseFromEnv, passphraseFromFile } from '../storage/passphrase.js';
import { CliError } from './cli-error.js';
import { readJson, writeJsonAtomic } from './json-file.js';

export const COORDINATOR_PASSPHRASE_ENV = 'TESSERA_COORDINATOR_PASSPHRASE';
export const IDENTITY_FORMAT = 'tessera-coordinator-identity/1';
const AD_PREFIX = utf8('tessera/v1/coordinator-identity');
const HEX_32 = /^[0-9a-f]{64}$/;

interface SealedIdentityFile {
  readonly format: typeof IDENTITY_FORMAT;
  readonly publicKey: string;
  readonly kdf: 'scrypt';
  readonly scrypt: ScryptParams;
  readonly salt: string;
  readonly aead: typeof AEAD_NAME;
  readonly sealedSecret: string;
}

export interface IdentityOpenOptions {
  /** scrypt cost for a file being sealed now (default N = 2^15); an existing file keeps its own. */
  readonly scrypt?: ScryptParams;
  /** Told, in one line, when the file was created or sealed in place. */
  readonly notice?: (line: string) => void;
}

/** The coordinator's passphrase: from `file` if given, else from TESSERA_COORDINATOR_PASSPHRASE. */
export function coordinatorPassphrase(file: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (file !== undefined) return passphraseFromFile(file);
  if (env[COORDINATOR_PASSPHRASE_ENV] === undefined) {
    throw new CliError(`the coordinator identity is sealed under a passphrase: give --passphrase-file <file> or set ${COORDINATOR_PASSPHRASE_ENV}`);
  }
  return passphraseFromEnv(COORDINATOR_PASSPHRASE_ENV, env);
}

/** The KEK of `passphrase` with `salt`, used once by `use` and wiped. */
function withKek<T>(passphrase: string, salt: Uint8Array, params: ScryptParams, use: (kek: KeyEncryption) => T): T {
  const key = deriveKek(passphrase, salt, params);
  const kek = new KeyEncryption(key);
  key.fill(0);
  try {
    return use(kek);
  } finally {
    kek.destroy();
  }
}

function seal(secret: Uint8Array, passphrase: string, params: ScryptParams): { file: SealedIdentityFile; identity: NodeIdentity } {
  const identity = new NodeIdentity(secret);
  const salt = systemRng(SALT_BYTES);
  const sealed = withKek(passphrase, salt, params, (kek) => kek.seal(secret, concatBytes(AD_PREFIX, identity.publicKey)));
  const file: SealedIdentityFile = { format: IDENTITY_FORMAT, publicKey: identity.publicKeyHex, kdf: 'scrypt', scrypt: params, salt: bytesToHex(salt), aead: AEAD_NAME, sealedSecret: bytesToHex(sealed) };
  return { file, identity };
}

function hexField(path: string, raw: Record<string, unknown>, name: string, re = /^(?:[0-9a-f]{2})+$/): Uint8Array {
  const v = raw[name];
  if (typeof v !== 'string' || !re.test(v)) throw new CliError(`${path}: "${name}" must be lowercase hex`);
  return hexToBytes(v);
}

function open(path: string, raw: Record<string, unknown>, passphrase: string): NodeIdentity {
  if (raw.format !== IDENTITY_FORMAT || raw.kdf !== 'scrypt' || raw.aead !== AEAD_NAME) {
    throw new CliError(`${path}: not a sealed coordinator identity (format ${IDENTITY_FORMAT}, scrypt, ${AEAD_NAME})`);
  }
  const publicKey = hexField(path, raw, 'publicKey', HEX_32);
  const salt = hexField(path, raw, 'salt');
  const sealed = hexField(path, raw, 'sealedSecret');
  const s = raw.scrypt as Partial<ScryptParams> | undefined;
  let params: ScryptParams;
  try {
    params = validateScryptParams({ N: Number(s?.N), r: Number(s?.r), p: Number(s?.p) });
  } catch {
    throw new CliError(`${path}: "scrypt" must be {N, r, p} within the supported range`);
  }
  const secret = withKek(passphrase, salt, params, (kek) => {
    try {
      return kek.open(sealed, concatBytes(AD_PREFIX, publicKey));
    } catch (e) {
      // AEAD failure: the passphrase is wrong, or the salt, public key or sealed secret changed
      if (e instanceof SealedDataError) throw new WrongPassphraseError(`the coordinator identity ${path} (or the file was altered)`);
      throw e;
    }
  });
  try {
    if (secret.length !== IDENTITY_SECRET_BYTES) throw new CliError(`${path}: the sealed secret is not an Ed25519 key`);
    return new NodeIdentity(secret);
  } finally {
    secret.fill(0);
  }
}

/**
 * The identity in `path`: created (sealed under `passphrase`) when there is none, sealed in place
 * when the file still holds a plaintext secret, else opened; WrongPassphraseError when the
 * passphrase does not open it.
 */
export function openCoordinatorIdentity(path: string, passphrase: string, o: IdentityOpenOptions = {}): NodeIdentity {
  const params = validateScryptParams(o.scrypt ?? DEFAULT_SCRYPT);
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const secret = systemRng(IDENTITY_SECRET_BYTES);
    try {
      const { file, identity } = seal(secret, passphrase, params);
      // exclusive: if another command created the file meanwhile, that one is the identity
      if (writeJsonAtomic(path, file, { exclusive: true })) {
        o.notice?.(`created the coordinator identity ${identity.publicKeyHex} in ${path}, sealed under the passphrase`);
        return identity;
      }
    } finally {
      secret.fill(0);
    }
  }
  const raw = readJson(path);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new CliError(`${path}: expected a JSON object`);
  const fields = raw as Record<string, unknown>;
  if (!('secretKey' in fields)) return open(path, fields, passphrase);
  const secret = hexField(path, fields, 'secretKey', HEX_32);
  try {
    const { file, identity } = seal(secret, passphrase, params);
    writeJsonAtomic(path, file);
    o.notice?.(`sealed the plaintext coordinator identity in ${path} under the passphrase`);
    return identity;
  } finally {
    secret.fill(0);
  }
}
