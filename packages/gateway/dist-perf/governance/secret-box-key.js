/**
 * Chooses the key material of the SecretBox that encrypts provider credentials, in this order:
 * 1. SWITCHYARD_ENCRYPTION_KEY, when set (at least 32 characters);
 * 2. a random key generated at an earlier start and kept in settings (see 4), so credentials stay
 *    readable when a master key is configured later;
 * 3. the configured master key (SWITCHYARD_MASTER_KEY / server.masterKey: the secret itself);
 * 4. otherwise a new random 256-bit key, stored in settings. This is needed because a generated
 *    master key is printed once and only its hash is kept, and the hash is stored in the same
 *    database, so it is no secret. A key in settings keeps credentials out of the API, logs and
 *    partial exports, but not from whoever holds the whole database: set 1 or 3 in production.
 * A known value encrypted with the chosen key is kept in settings too, so that a changed key is
 * reported at start (`check: 'mismatched'`) instead of as undecryptable credentials later.
 */
import { randomBytes } from 'node:crypto';
import { SecretBox, SecretBoxError } from './secret-box.js';
export const ENCRYPTION_KEY_MIN_LENGTH = 32;
export const GENERATED_ENCRYPTION_KEY_SETTING = 'credentials_encryption_key';
export const ENCRYPTION_KEY_CHECK_SETTING = 'credentials_encryption_key_check';
const CHECK_PLAINTEXT = 'switchyard-encryption-key-check';
export async function resolveSecretBox(options) {
    const { box, source } = await chooseKey(options);
    const mine = box.encrypt(CHECK_PLAINTEXT);
    const stored = (await options.settings.get(ENCRYPTION_KEY_CHECK_SETTING)) ?? (await options.settings.setIfAbsent(ENCRYPTION_KEY_CHECK_SETTING, mine));
    return { box, source, check: stored === mine ? 'created' : checkAgainst(box, stored) };
}
async function chooseKey(options) {
    const encryptionKey = options.encryptionKey?.trim();
    if (encryptionKey) {
        if (encryptionKey.length < ENCRYPTION_KEY_MIN_LENGTH) {
            throw new Error(`SWITCHYARD_ENCRYPTION_KEY must be at least ${ENCRYPTION_KEY_MIN_LENGTH} characters long (it has ${encryptionKey.length}); generate one with: openssl rand -hex 32`);
        }
        return { box: SecretBox.fromMaterial(encryptionKey), source: 'encryption-key' };
    }
    const generated = await options.settings.get(GENERATED_ENCRYPTION_KEY_SETTING);
    if (generated !== null)
        return { box: SecretBox.fromMaterial(Buffer.from(generated, 'base64')), source: 'generated' };
    if (options.masterKey)
        return { box: SecretBox.fromMaterial(options.masterKey), source: 'master-key' };
    // setIfAbsent: of two replicas starting together, both end up with the first one's key.
    const key = await options.settings.setIfAbsent(GENERATED_ENCRYPTION_KEY_SETTING, randomBytes(32).toString('base64'));
    return { box: SecretBox.fromMaterial(Buffer.from(key, 'base64')), source: 'generated' };
}
function checkAgainst(box, stored) {
    try {
        return box.decrypt(stored) === CHECK_PLAINTEXT ? 'matched' : 'mismatched';
    }
    catch (error) {
        if (error instanceof SecretBoxError)
            return 'mismatched';
        throw error;
    }
}
//# sourceMappingURL=secret-box-key.js.map