/** Why a choice stopped, normalised, with the provider's own value kept beside it. */
export {};
//# sourceMappingURL=finish-reason.js.map