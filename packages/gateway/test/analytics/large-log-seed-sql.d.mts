export function largeLogSeedSql(options: { rows: number; endMs: number; spanMs: number }): string;
