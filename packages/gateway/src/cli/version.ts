/** The gateway's version, from its package.json (read once by ../version.ts). */

export { VERSION } from '../core/package-files.js';
