// Filled in by its owner; kept so that entry points resolve.
export {};
