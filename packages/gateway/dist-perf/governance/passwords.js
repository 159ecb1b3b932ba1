/**
 * User passwords: argon2id hashing with OWASP's recommended parameters, the password policy, and
 * generated passwords for the CLI. Hashes are PHC strings (`$argon2id$v=19$m=19456,t=2,p=1$…`)
 * that carry their own salt and parameters, so raising the parameters later keeps old hashes valid.
 */
import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
/**
 * OWASP Password Storage Cheat Sheet, Argon2id first option: m=19 MiB, t=2, p=1
 * (https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#argon2id).
 */
export const ARGON2ID_OPTIONS = { algorithm: 2 /* Algorithm.Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 };
export const PASSWORD_MIN_LENGTH = 12;
/** Long enough for any passphrase; the cap keeps one request from hashing megabytes. */
export const PASSWORD_MAX_LENGTH = 1024;
/** The password policy: 12 to 1024 characters, not only spaces. Says what is wrong when it fails. */
export function checkPasswordPolicy(password) {
    const length = [...password].length;
    if (length < PASSWORD_MIN_LENGTH) {
        return { ok: false, message: `The password must be at least ${PASSWORD_MIN_LENGTH} characters long (it has ${length}).` };
    }
    if (length > PASSWORD_MAX_LENGTH)
        return { ok: false, message: `The password must be at most ${PASSWORD_MAX_LENGTH} characters long.` };
    if (password.trim() === '')
        return { ok: false, message: 'The password must not be only spaces.' };
    return { ok: true };
}
/** argon2id PHC string of a password. Does not check the policy; call checkPasswordPolicy first. */
export async function hashPassword(password) {
    return hash(password, ARGON2ID_OPTIONS);
}
/** True when the password matches the hash; false (never a throw) for a malformed hash. */
export async function verifyPassword(passwordHash, password) {
    if (password.length > PASSWORD_MAX_LENGTH * 4)
        return false;
    try {
        return await verify(passwordHash, password);
    }
    catch {
        return false;
    }
}
const GENERATED_ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const GENERATED_LENGTH = 24;
/** A random password of 24 characters from an alphabet without look-alikes (about 139 bits). */
export function generatePassword() {
    let password = '';
    for (let index = 0; index < GENERATED_LENGTH; index += 1)
        password += GENERATED_ALPHABET[randomInt(GENERATED_ALPHABET.length)];
    return password;
}
//# sourceMappingURL=passwords.js.map