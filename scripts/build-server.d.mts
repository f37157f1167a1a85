// Types for scripts/build-server.mjs (plain JavaScript: bin/fanbase.js runs it without tsx).
export declare const DIST: string;
export declare const ENTRY: string;
export declare function ensureServerBuilt(): Promise<void>;
