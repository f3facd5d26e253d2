// Types of build-server.mjs for the TypeScript that starts the compiled relay (tests, bench).
/** The current build: a symlink to the newest dist-server-<time>-<pid>/ folder. */
export declare const SERVER_DIST: string;
/** dist-server/<name>.mjs: 'main', 'admin', 'check-cli', … */
export declare function serverEntry(name: string): string;
export declare function serverBuildIsFresh(): boolean;
/**
 * Builds into a new dist-server-<time>-<pid>/ folder, points dist-server at it and prunes old
 * builds; resolves with the folder's name. `duringBuild` runs after esbuild read its inputs and
 * before the stamp is written (tests: a file saved while esbuild ran).
 */
export declare function buildServer(options?: { duringBuild?: () => unknown }): Promise<string>;
/** Builds unless the current build is from the same inputs; true when it built. */
export declare function buildServerIfStale(): Promise<boolean>;
export declare function buildServerAndSay(options?: { force?: boolean; quiet?: boolean }): Promise<void>;
