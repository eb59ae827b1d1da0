// Placeholder until the Gmail issue: the suite-wide guard that fails on any send request lives here.
export {};
