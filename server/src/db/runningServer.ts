/** A database server one of the chain's steps has started (or found), before the chain labels it. */
export interface RunningServer {
  /** mongodb:// URI without a database name; callers pass `dbName` when connecting. */
  uri: string;
  /** Stops the server and removes throwaway data. Safe to call twice. */
  stop(): Promise<void>;
}
