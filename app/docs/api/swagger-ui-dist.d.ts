// swagger-ui-dist ships no types; this is the one function the server uses from it.
declare module "swagger-ui-dist/absolute-path.js" {
  /** The package's folder on disk. */
  export default function getAbsoluteFSPath(): string;
}
