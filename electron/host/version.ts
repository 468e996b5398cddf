declare const __APP_VERSION__: string | undefined;

/** Set by the bundler from package.json; "dev" when the sources run unbundled (tests). */
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';
