/** Suggests the nearest known name for a misspelt one ("prot" → "port"). */
/** The closest candidate within a small edit distance, or undefined when none is close. */
export function didYouMean(input, candidates) {
    const limit = Math.max(1, Math.floor(input.length / 3));
    let best;
    for (const candidate of candidates) {
        const distance = editDistance(input.toLowerCase(), candidate.toLowerCase());
        if (distance <= limit && (best === undefined || distance < best.distance))
            best = { name: candidate, distance };
    }
    return best?.name;
}
/** Levenshtein distance with adjacent transpositions counted as one edit. */
export function editDistance(a, b) {
    const rows = a.length + 1;
    const columns = b.length + 1;
    const table = Array.from({ length: rows }, (_, row) => Array.from({ length: columns }, (_, column) => (row === 0 ? column : column === 0 ? row : 0)));
    for (let row = 1; row < rows; row++) {
        for (let column = 1; column < columns; column++) {
            const cost = a[row - 1] === b[column - 1] ? 0 : 1;
            let value = Math.min(table[row - 1][column] + 1, table[row][column - 1] + 1, table[row - 1][column - 1] + cost);
            if (row > 1 && column > 1 && a[row - 1] === b[column - 2] && a[row - 2] === b[column - 1]) {
                value = Math.min(value, table[row - 2][column - 2] + 1);
            }
            table[row][column] = value;
        }
    }
    return table[rows - 1][columns - 1];
}
//# sourceMappingURL=did-you-mean.js.map