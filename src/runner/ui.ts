// Placeholder until the page controls land (branch run-ui): the runtime branch only needs an entry to bundle.
export {};
