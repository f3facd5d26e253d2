// Types of build-server.mjs for the TypeScript that starts the compiled relay (tests, bench).
export declare const SERVER_DIST: string;
/** dist-server/<name>.mjs: 'main', 'admin', 'check-cli', … */
export declare function serverEntry(name: string): string;
export declare function serverBuildIsFresh(): boolean;
export declare function buildServer(): Promise<void>;
/** Builds unless the build in dist-server/ is from the same inputs; true when it built. */
export declare function buildServerIfStale(): Promise<boolean>;
export declare function buildServerAndSay(options?: { force?: boolean; quiet?: boolean }): Promise<void>;
