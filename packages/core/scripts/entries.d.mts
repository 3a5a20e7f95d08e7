/** The public module names of `src/`, sorted (one deep-import entry point each). */
export declare const modules: () => ReadonlyArray<string>
/** The `exports` field package.json must have. */
export declare const exportsField: () => Record<string, unknown>
/** The difference between package.json's `exports` and the generated one, or "" when equal. */
export declare const exportsDrift: () => string
