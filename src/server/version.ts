import packageJson from "../../package.json" with { type: "json" };

/** Appui's version, as declared in package.json. */
export const VERSION: string = packageJson.version;
