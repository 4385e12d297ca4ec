/**
 * What an unpacked zip may hold. A course's submission is a few source files; these bounds
 * leave room for data files while keeping a zip bomb from filling the disk.
 */
export interface ArchiveLimits {
  readonly maxFiles: number;
  /** bytes counted as they are actually decompressed: a zip's headers can lie */
  readonly maxBytes: number;
}

export const defaultArchiveLimits: ArchiveLimits = { maxFiles: 1000, maxBytes: 50 * 1024 * 1024 };

/** The rules that refuse an archive, named in the message so staff know which one fired. */
export type ArchiveRule = "not-a-zip" | "path-escape" | "symlink" | "too-many-files" | "too-many-bytes";
