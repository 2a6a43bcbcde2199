/**
 * The backup file: gzip-compressed JSON lines, readable with `zcat`. A header, then every
 * document of every collection (MongoDB Extended JSON, canonical, so ObjectIds, dates and
 * binaries come back as they were), then every stored file in chunks, then a trailer with the
 * count and SHA-256 of each collection and file. A file without its trailer is incomplete and
 * is refused before anything is restored.
 */
export const BACKUP_FORMAT = "forum-jst-backup";
export const BACKUP_VERSION = 1;
/** Files are written in pieces of this size so that a large attachment never fills one line. */
export const FILE_CHUNK_BYTES = 512 * 1024;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  database: string;
  /** True when the dump was read from one snapshot (MongoDB replica set). */
  snapshot: boolean;
}

export interface DocumentLine {
  collection: string;
  /** Canonical Extended JSON of the document. */
  document: string;
}

export interface FileChunkLine {
  /** `<store>/<path inside the store>`, e.g. `avatars/abc.webp`. */
  file: string;
  /** Base64 of this piece. */
  data: string;
}

export interface BackupTrailer {
  end: true;
  collections: Record<string, { count: number; sha256: string }>;
  files: Record<string, { size: number; sha256: string }>;
}

export type BackupLine = BackupHeader | DocumentLine | FileChunkLine | BackupTrailer;

/** A directory of stored files that belongs in the backup, e.g. avatars or attachments. */
export interface FileStore {
  name: string;
  dir: string;
}
