/** The namespace every shared counter and budget key lives under unless the config names another. */
export const DEFAULT_KEY_PREFIX = 'switchyard:';
