/**
 * CSV text (RFC 4180) for the analytics exports: a header row, CRLF line ends, and a field quoted
 * when it holds a comma, a double quote, CR or LF (quotes inside doubled). Numbers are written as
 * JavaScript prints them, null and undefined as empty fields. A text field that a spreadsheet would
 * run as a formula (starting with = + - @ tab or CR; model names come from clients) gets a leading
 * apostrophe, as OWASP advises: https://owasp.org/www-community/attacks/CSV_Injection
 */
const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;
export function csvField(value) {
    if (value === null || value === undefined)
        return '';
    if (typeof value === 'number')
        return Number.isFinite(value) ? String(value) : '';
    if (typeof value === 'boolean')
        return value ? 'true' : 'false';
    const text = FORMULA_START.test(value) ? `'${value}` : value;
    return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
/** The header and the rows, each line ended by CRLF. */
export function toCsv(header, rows) {
    const lines = [header.map(csvField).join(','), ...rows.map((row) => row.map(csvField).join(','))];
    return `${lines.join('\r\n')}\r\n`;
}
//# sourceMappingURL=analytics-csv.js.map