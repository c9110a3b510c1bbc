/** Types of test_tiers.mjs, for the TypeScript tests that check the tiering. */
export type Tier = "unit" | "integration" | "e2e" | "conformance";
export declare const TIER_FOLDERS: Record<string, Tier>;
export declare const PROJECT_FOLDERS: string[];
export declare function findTestFiles(root: string): string[];
export declare function whatItStarts(source: string): "process" | "server" | "nothing";
export declare function tierOf(file: string, source: string): Tier;
