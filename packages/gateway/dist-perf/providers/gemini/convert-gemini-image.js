/**
 * Canonical image parts to Gemini parts. Bytes go inline (`inlineData`); a URL goes by reference
 * (`fileData`), which Gemini fetches itself: gs:// objects, File API URIs and, since January 2026,
 * public or signed HTTPS URLs (https://blog.google/innovation-and-ai/technology/developers-tools/gemini-api-new-file-limits).
 * The gateway never fetches a client's URL itself.
 */
import { GatewayError } from '../../core/index.js';
const MIME_BY_EXTENSION = {
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    webp: 'image/webp',
    gif: 'image/gif',
    heic: 'image/heic',
    heif: 'image/heif',
};
export function convertGeminiImage(source) {
    if (source.kind === 'base64')
        return { inlineData: { mimeType: source.mediaType, data: source.data } };
    const { url } = source;
    if (url.startsWith('data:'))
        return { inlineData: parseDataUrl(url) };
    if (/^(gs|https):\/\//i.test(url))
        return { fileData: { mimeType: guessMimeType(url), fileUri: url } };
    throw new GatewayError('SY_ERR_UNSUPPORTED_OPERATION', `Gemini cannot read the image at "${url.slice(0, 100)}": send it as a data: URL (base64), an https:// URL or a gs:// URI.`, { param: 'messages' });
}
function parseDataUrl(url) {
    const comma = url.indexOf(',');
    const header = comma === -1 ? '' : url.slice('data:'.length, comma);
    if (comma === -1) {
        throw new GatewayError('SY_ERR_INVALID_REQUEST', 'An image data: URL has no comma before its data.', { param: 'messages' });
    }
    const [mediaType, ...attributes] = header.split(';');
    const payload = url.slice(comma + 1);
    const data = attributes.includes('base64') ? payload : Buffer.from(decodeURIComponent(payload), 'utf8').toString('base64');
    return { mimeType: mediaType || 'image/jpeg', data };
}
function guessMimeType(url) {
    const path = url.split(/[?#]/)[0] ?? '';
    const extension = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
    return MIME_BY_EXTENSION[extension] ?? 'image/jpeg';
}
//# sourceMappingURL=convert-gemini-image.js.map